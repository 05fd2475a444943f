import { involvedDepartmentIds, type VersionAgreementRequest, type VersionSaveRequest } from "@cq/contracts";
import type { Ctx } from "../../audit/command.ts";
import { departmentPlace } from "../../organization/places.ts";
import { requireStaff } from "../../platform/actor.ts";
import { shanghaiDay } from "../../platform/clock.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { notifyDepartment } from "../../platform/notify.ts";
import type { DepartmentPlace } from "../../policy/index.ts";
import { allowAgreeForDepartment, allowApproveVersion, allowManageItem, allowReadItemAdmin, enforce, isVersionAuthor } from "../../policy/index.ts";
import { diffGuides, normalizeGuide, searchTextOf } from "../guide.ts";
import { assertGuide } from "../guideValidation.ts";
import {
  agreementsOf, askAgreements, decideAgreement, findItemRow, findVersionRow, guideOf, insertVersion, type ItemRow, lockItem, lockVersion,
  nextVersionNumber, openVersionOf, replaceDraft, setComparison, setVersion, type VersionRow,
} from "../versionRepository.ts";
import { activateVersion } from "./activation.ts";

// The life of a version (R9–R10): draft → pending → (agreed by the other departments) → approved by a
// second person → scheduled or published. Each step is one command with its audit record.

async function itemFor(ctx: Ctx, itemId: string): Promise<{ item: ItemRow; place: DepartmentPlace }> {
  const item = await findItemRow(ctx.trx, itemId);
  if (!item) throw new AppError("ITEM_NOT_FOUND");
  return { item, place: await departmentPlace(ctx.trx, { id: item.department_id, region_code: item.department_region_code }) };
}

/** The version (locked) with its item; out of the caller's reading scope it does not exist. */
async function versionFor(ctx: Ctx, versionId: string): Promise<{ v: VersionRow; item: ItemRow; place: DepartmentPlace }> {
  const found = await findVersionRow(ctx.trx, versionId);
  if (!found) throw new AppError("VERSION_NOT_FOUND");
  await lockItem(ctx.trx, found.item_id);
  const v = (await lockVersion(ctx.trx, versionId))!;
  const { item, place } = await itemFor(ctx, v.item_id);
  const agreeing = (await agreementsOf(ctx.trx, v.id)).some((a) => allowAgreeForDepartment(ctx.actor, a.department_id));
  if (!allowReadItemAdmin(ctx.actor, place) && !agreeing) throw new AppError("VERSION_NOT_FOUND");
  return { v, item, place };
}

/** The version a new one is compared with: the one in effect (none for an item's first). */
async function currentGuide(ctx: Ctx, item: ItemRow) {
  if (!item.current_version_id) return { baseId: null, guide: null };
  const cur = await findVersionRow(ctx.trx, item.current_version_id);
  return cur ? { baseId: cur.id, guide: await guideOf(ctx.trx, cur, item.department_id) } : { baseId: null, guide: null };
}

/** Writes a new version of an item's guide as a draft; one draft or pending version at a time. */
export async function createVersion(ctx: Ctx, itemId: string, input: VersionSaveRequest): Promise<{ id: string; status: "draft"; number: number }> {
  const staff = requireStaff(ctx.actor);
  await lockItem(ctx.trx, itemId);
  const { item, place } = await itemFor(ctx, itemId);
  enforce(ctx.actor, allowManageItem(ctx.actor, place), { visible: allowReadItemAdmin(ctx.actor, place), notFound: "ITEM_NOT_FOUND" });
  const open = await openVersionOf(ctx.trx, itemId);
  if (open) throw new AppError("VERSION_STATE_CONFLICT", { openVersionId: open.id, number: open.version, status: open.status });
  const guide = normalizeGuide(input.guide);
  await assertGuide(ctx.trx, guide, { id: item.id, departmentId: item.department_id });
  const base = await currentGuide(ctx, item);
  const id = newId();
  const number = await nextVersionNumber(ctx.trx, itemId);
  const diff = diffGuides(base.guide, guide);
  await insertVersion(ctx.trx, {
    id, itemId, number, guide, searchText: searchTextOf(item, item.department_name, guide), status: "draft", effectiveOn: input.effectiveFrom ?? null,
    effectiveFrom: null, baseVersionId: base.baseId, by: staff.id, at: ctx.now, diff,
  });
  await ctx.audit({
    action: "catalog.version.create", objectType: "item-version", objectId: id, oldValues: null,
    newValues: { itemId, number, effectiveFrom: input.effectiveFrom ?? null, changes: diff.map((d) => d.field), guide },
  });
  return { id, status: "draft", number };
}

/** Saves a draft's guide and day again. */
export async function saveDraft(ctx: Ctx, versionId: string, input: VersionSaveRequest): Promise<{ id: string; status: "draft"; number: number }> {
  const staff = requireStaff(ctx.actor);
  const { v, item, place } = await versionFor(ctx, versionId);
  enforce(ctx.actor, allowManageItem(ctx.actor, place));
  if (v.status !== "draft") throw new AppError("VERSION_STATE_CONFLICT", { status: v.status });
  const guide = normalizeGuide(input.guide);
  await assertGuide(ctx.trx, guide, { id: item.id, departmentId: item.department_id });
  const before = await guideOf(ctx.trx, v, item.department_id);
  const base = await currentGuide(ctx, item);
  const diff = diffGuides(base.guide, guide);
  await replaceDraft(ctx.trx, v.id, {
    guide, searchText: searchTextOf(item, item.department_name, guide), effectiveOn: input.effectiveFrom ?? null, baseVersionId: base.baseId,
    by: staff.id, at: ctx.now, diff,
  });
  const edits = diffGuides(before, guide);
  await ctx.audit({
    action: "catalog.version.save", objectType: "item-version", objectId: v.id,
    oldValues: { effectiveFrom: v.effective_on, ...Object.fromEntries(edits.map((d) => [d.field, d.before])) },
    newValues: { effectiveFrom: input.effectiveFrom ?? null, ...Object.fromEntries(edits.map((d) => [d.field, d.after])) },
  });
  return { id: v.id, status: "draft", number: v.version };
}

/**
 * Submits a draft for approval. The other departments its process involves are asked to agree
 * (R10); the comparison with the version in effect is fixed for the approver to see.
 */
export async function submitVersion(ctx: Ctx, versionId: string): Promise<{ status: "pending" }> {
  const staff = requireStaff(ctx.actor);
  const { v, item, place } = await versionFor(ctx, versionId);
  enforce(ctx.actor, allowManageItem(ctx.actor, place));
  if (v.status !== "draft") throw new AppError("VERSION_STATE_CONFLICT", { status: v.status });
  const guide = await guideOf(ctx.trx, v, item.department_id);
  await assertGuide(ctx.trx, guide, { id: item.id, departmentId: item.department_id });
  const base = await currentGuide(ctx, item);
  const diff = diffGuides(base.guide, guide);
  await setComparison(ctx.trx, v.id, base.baseId, diff);
  const others = involvedDepartmentIds(guide, item.department_id);
  await askAgreements(ctx.trx, v.id, others);
  await setVersion(ctx.trx, v.id, { status: "pending", submitted_by: staff.id, submitted_at: ctx.now, reject_reason: null });
  for (const d of others) {
    await notifyDepartment(ctx, d, "department-admin", {
      title: `事项版本征求意见：${item.name}`,
      text: `“${item.name}”第 ${v.version} 版办事指南涉及贵部门，请在工作台“事项审核”中确认是否同意。`,
    });
  }
  await notifyDepartment(ctx, item.department_id, "department-head", {
    title: `事项版本待审核：${item.name}`,
    text: `“${item.name}”第 ${v.version} 版办事指南已提交，请审核。`,
  });
  await ctx.audit({
    action: "catalog.version.submit", objectType: "item-version", objectId: v.id, oldValues: { status: v.status },
    newValues: { status: "pending", askedDepartments: others, changes: diff.map((d) => d.field) },
  });
  return { status: "pending" };
}

/** An involved department agrees or disagrees, through its admin or head (R10). A disagreement sends the version back. */
export async function answerAgreement(ctx: Ctx, versionId: string, input: VersionAgreementRequest): Promise<{ department: { id: string; name: string }; status: "agreed" | "rejected" }> {
  const staff = requireStaff(ctx.actor);
  const { v, item } = await versionFor(ctx, versionId);
  const asked = (await agreementsOf(ctx.trx, v.id)).find((a) => a.department_id === input.departmentId);
  if (!asked) throw new AppError("NOT_FOUND");
  enforce(ctx.actor, allowAgreeForDepartment(ctx.actor, input.departmentId));
  if (v.status !== "pending" || asked.status !== "pending") throw new AppError("VERSION_STATE_CONFLICT", { status: v.status, agreement: asked.status });
  await decideAgreement(ctx.trx, v.id, input.departmentId, { status: input.decision, by: staff.id, at: ctx.now, note: input.note ?? null });
  if (input.decision === "rejected") {
    const reason = `${asked.department_name}不同意：${input.note ?? "未说明理由"}`;
    await setVersion(ctx.trx, v.id, { status: "rejected", reject_reason: reason, decided_at: ctx.now, decided_by: staff.id });
    await notifyDepartment(ctx, item.department_id, "department-admin", { title: `事项版本未获同意：${item.name}`, text: `第 ${v.version} 版：${reason}` });
  }
  await ctx.audit({
    action: "catalog.version.agreement", objectType: "item-version", objectId: v.id, oldValues: { departmentId: input.departmentId, status: "pending" },
    newValues: { departmentId: input.departmentId, status: input.decision, note: input.note ?? null },
  });
  return { department: { id: asked.department_id, name: asked.department_name }, status: input.decision };
}

/**
 * A second person approves a pending version: the department's head, a region admin of its region
 * or a platform admin — never who wrote or submitted it. It takes effect now, or is scheduled for its day.
 */
export async function approveVersion(ctx: Ctx, versionId: string): Promise<{ status: "published" | "scheduled" }> {
  const staff = requireStaff(ctx.actor);
  const { v, item, place } = await versionFor(ctx, versionId);
  enforce(ctx.actor, allowApproveVersion(ctx.actor, place));
  if (v.status !== "pending") throw new AppError("VERSION_STATE_CONFLICT", { status: v.status });
  if (isVersionAuthor(ctx.actor, v)) throw new AppError("SAME_PERSON_APPROVAL");
  const waiting = (await agreementsOf(ctx.trx, v.id)).filter((a) => a.status !== "agreed");
  if (waiting.length) throw new AppError("AGREEMENT_PENDING", { departments: waiting.map((a) => a.department_name) });
  const guide = await guideOf(ctx.trx, v, item.department_id);
  await assertGuide(ctx.trx, guide, { id: item.id, departmentId: item.department_id });
  const today = shanghaiDay(ctx.now);
  const scheduled = v.effective_on !== null && v.effective_on > today;
  await setVersion(ctx.trx, v.id, { status: scheduled ? "scheduled" : v.status, decided_by: staff.id, decided_at: ctx.now });
  if (!scheduled) await activateVersion(ctx, v.id);
  await ctx.audit({
    action: "catalog.version.approve", objectType: "item-version", objectId: v.id, oldValues: { status: "pending" },
    newValues: { status: scheduled ? "scheduled" : "published", effectiveFrom: scheduled ? v.effective_on : today },
  });
  return { status: scheduled ? "scheduled" : "published" };
}

/** Sends a pending version back with a reason (who may approve it may reject it). */
export async function rejectVersion(ctx: Ctx, versionId: string, reason: string): Promise<{ status: "rejected" }> {
  const staff = requireStaff(ctx.actor);
  const { v, item, place } = await versionFor(ctx, versionId);
  enforce(ctx.actor, allowApproveVersion(ctx.actor, place));
  if (v.status !== "pending") throw new AppError("VERSION_STATE_CONFLICT", { status: v.status });
  await setVersion(ctx.trx, v.id, { status: "rejected", reject_reason: reason, decided_by: staff.id, decided_at: ctx.now });
  await notifyDepartment(ctx, item.department_id, "department-admin", { title: `事项版本被退回：${item.name}`, text: `第 ${v.version} 版：${reason}` });
  await ctx.audit({ action: "catalog.version.reject", objectType: "item-version", objectId: v.id, oldValues: { status: "pending" }, newValues: { status: "rejected", reason } });
  return { status: "rejected" };
}
