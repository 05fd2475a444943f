import type { Ctx } from "../../audit/command.ts";
import { findItemName, materialsOfVersion } from "../../catalog/repository.ts";
import { draftsOfItemBefore, moveUploads, updateCase } from "../repository.ts";

/**
 * Drafts are submitted under the guide in effect (R11): when a new version takes effect, the item's
 * drafts move to it, their uploads following their materials by key; an upload for a material the
 * new guide no longer asks for is set aside. Cases already submitted keep their version.
 */
export async function moveDraftsToCurrentVersion(ctx: Ctx, itemId: string): Promise<number> {
  const item = await findItemName(ctx.trx, itemId);
  const current = item.current_version_id;
  if (!current) return 0;
  const drafts = await draftsOfItemBefore(ctx.trx, itemId, current);
  if (!drafts.length) return 0;
  const after = await materialsOfVersion(ctx.trx, current);
  const byKey = new Map(after.map((m) => [m.key, m.id]));
  const before = new Map<string, Awaited<ReturnType<typeof materialsOfVersion>>>();
  for (const c of drafts) {
    if (!before.has(c.item_version_id)) before.set(c.item_version_id, await materialsOfVersion(ctx.trx, c.item_version_id));
    for (const m of before.get(c.item_version_id)!) await moveUploads(ctx.trx, c.id, m.id, byKey.get(m.key) ?? null, ctx.now);
    await updateCase(ctx.trx, c.id, { item_version_id: current, updated_at: ctx.now });
    await ctx.audit({
      action: "case.version-moved", objectType: "case", objectId: c.id, caseId: c.id,
      oldValues: { itemVersionId: c.item_version_id }, newValues: { itemVersionId: current },
    });
  }
  return drafts.length;
}
