import type { HallCreateRequest, HallUpdateRequest } from "@cq/contracts";
import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { allowCreateHall, allowEditHall, enforce } from "../../policy/index.ts";
import { referencedRegion, uniqueOr } from "../places.ts";
import { findHall, namedInRegion, hallUsage, insertHall, lockRow, regionPath, updateHall } from "../repository.ts";

/** Creates a service hall (政务服务大厅) in a region; its name is unique in the region. */
export async function createHall(ctx: Ctx, input: HallCreateRequest): Promise<{ id: string }> {
  const path = await referencedRegion(ctx.trx, input.regionCode);
  enforce(ctx.actor, allowCreateHall(ctx.actor, path));
  if (await namedInRegion(ctx.trx, "service_halls", input.regionCode, input.name)) throw new AppError("HALL_EXISTS", { name: input.name });
  const id = newId();
  const row = {
    id, code: `${input.regionCode}-hall-${id.slice(0, 8)}`, name: input.name, region_code: input.regionCode, address: input.address,
    phone: input.phone ?? "", hours: input.openingHours ?? "",
  };
  await uniqueOr("HALL_EXISTS", () => insertHall(ctx.trx, row));
  await ctx.audit({
    action: "organization.hall.create", objectType: "hall", objectId: id, oldValues: null,
    newValues: { name: row.name, regionCode: row.region_code, address: row.address, phone: row.phone, openingHours: row.hours },
  });
  return { id };
}

/** Changes a hall, or disables it (never deleted) when no active staff member is seated there. */
export async function changeHall(ctx: Ctx, id: string, input: HallUpdateRequest): Promise<void> {
  await lockRow(ctx.trx, "service_halls", id);
  const h = await findHall(ctx.trx, id);
  if (!h) throw new AppError("HALL_NOT_FOUND");
  enforce(ctx.actor, allowEditHall(ctx.actor, (await regionPath(ctx.trx, h.region_code)) ?? [h.region_code]));

  const before = { name: h.name, address: h.address, phone: h.phone, openingHours: h.hours, disabled: h.disabled_at !== null };
  const after = { ...before };
  if (input.name !== undefined && input.name !== h.name) {
    if (await namedInRegion(ctx.trx, "service_halls", h.region_code, input.name)) throw new AppError("HALL_EXISTS", { name: input.name });
    after.name = input.name;
  }
  if (input.address !== undefined) after.address = input.address;
  if (input.phone !== undefined) after.phone = input.phone;
  if (input.openingHours !== undefined) after.openingHours = input.openingHours;
  if (input.disabled !== undefined) after.disabled = input.disabled;
  if (after.disabled && !before.disabled) {
    const activeStaff = await hallUsage(ctx.trx, id);
    if (activeStaff > 0) throw new AppError("HALL_IN_USE", { activeStaff });
  }

  const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]);
  if (!changed.length) return;
  await uniqueOr("HALL_EXISTS", () =>
    updateHall(ctx.trx, id, {
      name: after.name, address: after.address, phone: after.phone, hours: after.openingHours,
      disabled_at: after.disabled === before.disabled ? h.disabled_at : after.disabled ? ctx.now : null,
    }),
  );
  await ctx.audit({
    action: "organization.hall.update", objectType: "hall", objectId: id,
    oldValues: Object.fromEntries(changed.map((k) => [k, before[k]])), newValues: Object.fromEntries(changed.map((k) => [k, after[k]])),
  });
}
