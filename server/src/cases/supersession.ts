import type { CaseStatus } from "@cq/contracts";
import { isEditable } from "./workflow.ts";

interface UploadFacts {
  id: string;
  material_id: string;
  round: number;
  offline: boolean;
}

/**
 * The uploads a later round replaced: a file of an earlier round for a material the applicant gave
 * again in a later round (the answer to a supplement notice) is no longer a current file. It stays
 * on record (staff see it as history), but not beside its replacement.
 */
export function supersededUploadIds(uploads: readonly UploadFacts[]): Set<string> {
  const latestRound = new Map<string, number>();
  for (const u of uploads) latestRound.set(u.material_id, Math.max(latestRound.get(u.material_id) ?? 0, u.round));
  return new Set(uploads.filter((u) => u.round < (latestRound.get(u.material_id) ?? u.round)).map((u) => u.id));
}

/**
 * Whether the applicant (or the hall clerk for them) may withdraw an upload now: any of the round
 * being prepared; while a supplement notice is answered, also an earlier round's file of a material
 * the notice names (the rejected file).
 */
export function isRemovableUpload(upload: UploadFacts, c: { status: CaseStatus; round: number }, noticeMaterialIds: ReadonlySet<string>): boolean {
  if (!isEditable(c.status)) return false;
  if (upload.round === c.round) return true;
  return c.status === "supplement_requested" && noticeMaterialIds.has(upload.material_id);
}

/** The materials a supplement notice names (its items may also be free text without one). */
export function noticeMaterialIds(notice: { items: unknown } | undefined): Set<string> {
  const items = (notice?.items ?? []) as { materialId?: string }[];
  return new Set(items.flatMap((i) => (i.materialId ? [i.materialId] : [])));
}
