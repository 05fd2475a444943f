import type { RegionCreateRequest } from "@cq/contracts";
import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { allowCreateCity, allowCreateRegionUnder, enforce } from "../../policy/index.ts";
import { findRegion, insertRegion, regionPath } from "../repository.ts";
import { uniqueOr } from "../places.ts";

const levelAbove = { city: null, district: "city", township: "district" } as const;

/**
 * Creates a region (R14): the city, a district or county under it, a township or street under a
 * district. The parent must exist and be of the level above.
 */
export async function createRegion(ctx: Ctx, input: RegionCreateRequest): Promise<{ code: string }> {
  const wantedParent = levelAbove[input.level];
  if (!wantedParent) {
    enforce(ctx.actor, allowCreateCity(ctx.actor));
    if (input.parentCode) throw new AppError("REGION_PARENT_INVALID", { parentCode: input.parentCode });
  } else {
    const parent = input.parentCode ? await findRegion(ctx.trx, input.parentCode) : undefined;
    if (!parent || parent.level !== wantedParent) throw new AppError("REGION_PARENT_INVALID", { parentCode: input.parentCode ?? null, expected: wantedParent });
    enforce(ctx.actor, allowCreateRegionUnder(ctx.actor, (await regionPath(ctx.trx, parent.code)) ?? [parent.code]));
  }
  if (await findRegion(ctx.trx, input.code)) throw new AppError("REGION_EXISTS", { code: input.code });
  const row = { code: input.code, name: input.name, level: input.level, parent_code: input.parentCode ?? null };
  await uniqueOr("REGION_EXISTS", () => insertRegion(ctx.trx, row));
  await ctx.audit({ action: "organization.region.create", objectType: "region", objectId: input.code, oldValues: null, newValues: row });
  return { code: input.code };
}
