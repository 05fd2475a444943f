import type { ItemCreateRequest, ItemUpdateRequest } from "@cq/contracts";
import type { Ctx } from "../../audit/command.ts";
import { departmentPlace } from "../../organization/places.ts";
import { findDepartment, findRegion } from "../../organization/repository.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { requireStaff } from "../../platform/actor.ts";
import { upsertFile } from "../../platform/files.ts";
import { allowManageItem, allowReadItemAdmin, enforce } from "../../policy/index.ts";
import { searchTextOf } from "../guide.ts";
import { findItemRow, findVersionRow, guideOf, insertItem, insertItemFile, itemCodeTaken, lockItem, setVersion, updateItem } from "../versionRepository.ts";

/**
 * Creates an item for a department (R8). It is held in the department's region at that region's
 * level, and stays out of the public catalog until a version takes effect.
 */
export async function createItem(ctx: Ctx, input: ItemCreateRequest): Promise<{ id: string }> {
  const dept = await findDepartment(ctx.trx, input.departmentId);
  if (!dept || dept.disabled_at) throw new AppError("DEPARTMENT_UNKNOWN", { departmentId: input.departmentId });
  enforce(ctx.actor, allowManageItem(ctx.actor, await departmentPlace(ctx.trx, dept)));
  const region = await findRegion(ctx.trx, input.regionCode);
  if (!region) throw new AppError("REGION_UNKNOWN", { regionCode: input.regionCode });
  if (region.code !== dept.region_code || region.level !== input.level) {
    throw new AppError("ITEM_PLACE_INVALID", { departmentRegion: dept.region_code, regionCode: input.regionCode, level: input.level, regionLevel: region.level });
  }
  if (await itemCodeTaken(ctx.trx, input.code)) throw new AppError("ITEM_EXISTS", { code: input.code });
  const id = newId();
  try {
    await insertItem(ctx.trx, { id, code: input.code, name: input.name, department_id: dept.id, level: input.level, region_code: input.regionCode, current_version_id: null, created_at: ctx.now });
  } catch (e) {
    if ((e as { code?: string }).code === "23505") throw new AppError("ITEM_EXISTS", { code: input.code });
    throw e;
  }
  await ctx.audit({ action: "catalog.item.create", objectType: "item", objectId: id, oldValues: null, newValues: { ...input } });
  return { id };
}

/** Renames an item, or cancels it (out of the public catalog; open cases go on) or restores it. */
export async function changeItem(ctx: Ctx, id: string, input: ItemUpdateRequest): Promise<void> {
  await lockItem(ctx.trx, id);
  const item = await findItemRow(ctx.trx, id);
  if (!item) throw new AppError("ITEM_NOT_FOUND");
  const place = await departmentPlace(ctx.trx, { id: item.department_id, region_code: item.department_region_code });
  enforce(ctx.actor, allowManageItem(ctx.actor, place), { visible: allowReadItemAdmin(ctx.actor, place), notFound: "ITEM_NOT_FOUND" });
  const before = { name: item.name, status: item.status };
  const after = { name: input.name ?? item.name, status: input.disabled === undefined ? item.status : input.disabled ? ("cancelled" as const) : ("active" as const) };
  if (before.name === after.name && before.status === after.status) return;
  await updateItem(ctx.trx, id, after);
  if (after.name !== before.name && item.current_version_id) {
    // The public search finds the item by its new name.
    const current = await findVersionRow(ctx.trx, item.current_version_id);
    if (current) {
      const guide = await guideOf(ctx.trx, current, item.department_id);
      await setVersion(ctx.trx, current.id, { search_text: searchTextOf({ name: after.name, code: item.code }, item.department_name, guide) });
    }
  }
  await ctx.audit({ action: "catalog.item.update", objectType: "item", objectId: id, oldValues: before, newValues: after });
}

/** Keeps an uploaded PDF (a blank form or a sample) with the item, for its guides' materials. */
export async function uploadItemFile(ctx: Ctx, itemId: string, file: { bytes: Buffer; fileName: string }): Promise<{ file: string; size: number; mime: "application/pdf" }> {
  const stored = await ctx.deps.files.put(file.bytes);
  await upsertFile(ctx.trx, { sha256: stored.sha256, size: stored.size, mime: "application/pdf", at: ctx.now });
  await insertItemFile(ctx.trx, { itemId, sha256: stored.sha256, fileName: file.fileName, by: requireStaff(ctx.actor).id, at: ctx.now });
  await ctx.audit({ action: "catalog.file.upload", objectType: "item", objectId: itemId, newValues: { sha256: stored.sha256, fileName: file.fileName, size: stored.size } });
  return { file: stored.sha256, size: stored.size, mime: "application/pdf" };
}
