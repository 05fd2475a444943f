import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { allowCase, enforce } from "../../policy/index.ts";
import { materialsOfVersion } from "../../catalog/repository.ts";
import { caseResource, loadCaseFor } from "../../caseRecord/access.ts";
import { cleanFileName, sniffMime } from "../../platform/fileTypes.ts";
import { insertCaseMaterial, replaceMaterialEntries } from "../repository.ts";
import { recordTimeline } from "../../caseRecord/timeline.ts";
import { isEditable } from "../workflow.ts";
import { upsertFile } from "../../platform/files.ts";
import { requireUser } from "../../platform/actor.ts";
import { certificateNoKey } from "../../certificates/certificateNumber.ts";
import { findCertificate } from "../../certificates/repository.ts";
import { reuseRefusal } from "../../certificates/reuse.ts";
import { shanghaiDay } from "../../platform/clock.ts";
import { personalDataOf } from "../../platform/personalData.ts";

export type MaterialInput =
  | { kind: "file"; materialId: string; fileName: string | undefined; bytes: Buffer }
  | { kind: "offline"; materialId: string; note: string }
  | { kind: "certificate"; materialId: string; certificateNo: string };

export interface AddedMaterial {
  id: string;
  fileName?: string;
  size?: number;
  mime?: string;
  sha256?: string;
  offline?: boolean;
  certificateNo?: string;
}

/**
 * Attaches one material to a case: an uploaded file (type checked by content, sha256 recorded),
 * or — for a hall clerk — a paper original that cannot be digitized, recorded with a note (R21),
 * or a certificate of the applicant's from the library (R27).
 */
export async function addMaterial(ctx: Ctx, caseId: string, input: MaterialInput): Promise<AddedMaterial> {
  const c = await loadCaseFor(ctx.trx, ctx.actor, caseId, "edit", true);
  if (!isEditable(c.status)) throw new AppError("CASE_STATE_CONFLICT", { status: c.status });
  const materials = await materialsOfVersion(ctx.trx, c.item_version_id);
  const material = materials.find((m) => m.id === input.materialId);
  if (!material) throw new AppError("MATERIAL_NOT_FOUND", { materialId: input.materialId });
  const uploaderId = requireUser(ctx.actor).id;
  const id = newId();

  if (input.kind === "certificate") {
    // Once-only (R27): the applicant's own certificate from the library, of the kind the material
    // names and in force today, instead of a file. A number with a wrong check symbol is told apart
    // (400 INVALID_CERTIFICATE_NO); someone else's answers like an unknown one.
    const certificateNo = certificateNoKey(input.certificateNo);
    const certificate = await findCertificate(ctx.trx, personalDataOf(ctx.deps.config), certificateNo);
    const refusal = reuseRefusal(certificate, c.applicant_id, material.certificate_type, shanghaiDay(ctx.now));
    const certificateType = material.certificate_type;
    if (refusal || !certificateType) {
      const code = refusal ?? "MATERIAL_NOT_REUSABLE";
      throw new AppError(code, code === "CERTIFICATE_NOT_FOUND" ? undefined : { certificateNo, materialId: material.id });
    }
    const replaced = await replaceMaterialEntries(ctx.trx, c.id, material.id, c.round, "files-and-certificates", ctx.now);
    await insertCaseMaterial(ctx.trx, {
      id, case_id: c.id, material_id: material.id, round: c.round, file_sha256: null, file_name: null, size: null,
      mime: null, offline: false, note: null, certificate_no: certificateNo, uploaded_by: uploaderId, created_at: ctx.now, removed_at: null,
    });
    await ctx.audit({
      action: "case.material-reused",
      objectType: "case-material",
      objectId: id,
      caseId: c.id,
      newValues: { materialId: material.id, certificateNo, certificateType, ...(replaced.length ? { replaced } : {}) },
    });
    return { id, certificateNo };
  }

  if (input.kind === "offline") {
    enforce(ctx.actor, allowCase(ctx.actor, "record-paper-original", caseResource(c, [])));
    await insertCaseMaterial(ctx.trx, {
      id, case_id: c.id, material_id: material.id, round: c.round, file_sha256: null, file_name: null, size: null,
      mime: null, offline: true, note: input.note, certificate_no: null, uploaded_by: uploaderId, created_at: ctx.now, removed_at: null,
    });
    await recordTimeline(ctx, c.id, "material-offline", { public: false, departmentId: c.lead_department_id, data: { material: material.name } });
    await ctx.audit({ action: "case.material-added", objectType: "case-material", objectId: id, caseId: c.id, newValues: { materialId: material.id, offline: true, note: input.note } });
    return { id, offline: true };
  }

  if (input.bytes.length === 0) throw new AppError("FILE_MISSING");
  const mime = sniffMime(input.bytes);
  if (!mime) throw new AppError("FILE_TYPE_REFUSED");
  const stored = await ctx.deps.files.put(input.bytes);
  await upsertFile(ctx.trx, { sha256: stored.sha256, size: stored.size, mime, at: ctx.now });
  const fileName = cleanFileName(input.fileName);
  // A file given now replaces a library certificate chosen before for the material.
  const replaced = await replaceMaterialEntries(ctx.trx, c.id, material.id, c.round, "certificates", ctx.now);
  await insertCaseMaterial(ctx.trx, {
    id, case_id: c.id, material_id: material.id, round: c.round, file_sha256: stored.sha256, file_name: fileName,
    size: stored.size, mime, offline: false, note: null, certificate_no: null, uploaded_by: uploaderId, created_at: ctx.now, removed_at: null,
  });
  await ctx.audit({
    action: "case.material-added",
    objectType: "case-material",
    objectId: id,
    caseId: c.id,
    newValues: { materialId: material.id, fileName, size: stored.size, mime, sha256: stored.sha256, ...(replaced.length ? { replaced } : {}) },
  });
  return { id, fileName, size: stored.size, mime, sha256: stored.sha256 };
}
