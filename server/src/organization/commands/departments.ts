import type { DepartmentCreateRequest, DepartmentUpdateRequest } from "@cq/contracts";
import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { allowCreateDepartment, allowEditDepartmentContact, allowManageDepartment, enforce } from "../../policy/index.ts";
import { departmentPlace, referencedRegion, uniqueOr } from "../places.ts";
import {
  departmentUsage, findDepartment, findRegion, insertDepartment, lockRow, namedInRegion, updateDepartment,
} from "../repository.ts";

/** Creates a department in a region (R14); its name is unique in the region. */
export async function createDepartment(ctx: Ctx, input: DepartmentCreateRequest): Promise<{ id: string }> {
  const path = await referencedRegion(ctx.trx, input.regionCode);
  enforce(ctx.actor, allowCreateDepartment(ctx.actor, path));
  if (await namedInRegion(ctx.trx, "departments", input.regionCode, input.name)) throw new AppError("DEPARTMENT_EXISTS", { name: input.name });
  const id = newId();
  const row = {
    id, code: `${input.regionCode}-${id.slice(0, 8)}`, name: input.name, short_name: input.shortName ?? input.name,
    region_code: input.regionCode, counterpart_id: null, phone: input.phone ?? "", address: input.address ?? "", created_at: ctx.now,
  };
  await uniqueOr("DEPARTMENT_EXISTS", () => insertDepartment(ctx.trx, row));
  await ctx.audit({
    action: "organization.department.create", objectType: "department", objectId: id, oldValues: null,
    newValues: { name: row.name, shortName: row.short_name, regionCode: row.region_code, phone: row.phone, address: row.address },
  });
  return { id };
}

const contactFields = ["shortName", "phone", "address"] as const;

/**
 * Changes a department. Its contact details (short name, phone, address) are also its own
 * department admin's to keep; the name, the counterpart at the other level and disabling are the
 * region's or the platform's. A department is never deleted: it is disabled, and only when no open
 * case and no active staff member refers to it.
 */
export async function changeDepartment(ctx: Ctx, id: string, input: DepartmentUpdateRequest): Promise<void> {
  await lockRow(ctx.trx, "departments", id);
  const d = await findDepartment(ctx.trx, id);
  if (!d) throw new AppError("DEPARTMENT_NOT_FOUND");
  const place = await departmentPlace(ctx.trx, d);
  const managed = input.name !== undefined || input.counterpartId !== undefined || input.disabled !== undefined;
  enforce(ctx.actor, managed ? allowManageDepartment(ctx.actor, place) : allowEditDepartmentContact(ctx.actor, place));

  const before = { name: d.name, shortName: d.short_name, phone: d.phone, address: d.address, counterpartId: d.counterpart_id, disabled: d.disabled_at !== null };
  const after = { ...before };
  if (input.name !== undefined && input.name !== d.name) {
    if (await namedInRegion(ctx.trx, "departments", d.region_code, input.name)) throw new AppError("DEPARTMENT_EXISTS", { name: input.name });
    after.name = input.name;
  }
  for (const f of contactFields) if (input[f] !== undefined) after[f] = input[f];
  if (input.counterpartId !== undefined) {
    if (input.counterpartId !== null) await checkCounterpart(ctx, d.region_code, id, input.counterpartId);
    after.counterpartId = input.counterpartId;
  }
  if (input.disabled !== undefined) after.disabled = input.disabled;
  if (after.disabled && !before.disabled) {
    const usage = await departmentUsage(ctx.trx, id);
    if (usage.openCases > 0 || usage.activeStaff > 0) throw new AppError("DEPARTMENT_IN_USE", usage);
  }

  const changed = (Object.keys(after) as (keyof typeof after)[]).filter((k) => after[k] !== before[k]);
  if (!changed.length) return;
  await uniqueOr("DEPARTMENT_EXISTS", () =>
    updateDepartment(ctx.trx, id, {
      name: after.name, short_name: after.shortName, phone: after.phone, address: after.address, counterpart_id: after.counterpartId,
      disabled_at: after.disabled === before.disabled ? d.disabled_at : after.disabled ? ctx.now : null,
    }),
  );
  await ctx.audit({
    action: "organization.department.update", objectType: "department", objectId: id,
    oldValues: Object.fromEntries(changed.map((k) => [k, before[k]])), newValues: Object.fromEntries(changed.map((k) => [k, after[k]])),
  });
}

/** The counterpart is an existing department at the other level (a city department for a district's, and so on). */
async function checkCounterpart(ctx: Ctx, regionCode: string, selfId: string, counterpartId: string): Promise<void> {
  const other = counterpartId === selfId ? undefined : await findDepartment(ctx.trx, counterpartId);
  const [own, theirs] = other ? await Promise.all([findRegion(ctx.trx, regionCode), findRegion(ctx.trx, other.region_code)]) : [];
  if (!other || !own || !theirs || own.level === theirs.level) throw new AppError("COUNTERPART_INVALID", { counterpartId });
}
