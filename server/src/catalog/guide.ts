import { type Guide, type GuideChange, type GuideFieldName, type GuideInput, guideFields } from "@cq/contracts";
import { createHash } from "node:crypto";
import type { Insertable, Selectable } from "kysely";
import type { ItemMaterialsTable, ItemVersionsTable, ProcessStep } from "../platform/schema.ts";

// A guide (办事指南) is the whole of an item version: what the public guide shows, with ids for
// departments. It is written as GuideInput (lenient: a public guide can be sent back), stored in the
// item_versions and item_materials rows, and read back as a Guide.

/** A material's key when none is given: stable for the same name. */
function keyOf(name: string, taken: Set<string>): string {
  const base = `m-${createHash("sha256").update(name).digest("hex").slice(0, 8)}`;
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}-${i}`;
  return key;
}

/** Fills in every optional part of a guide as written. */
export function normalizeGuide(input: GuideInput): Guide {
  const taken = new Set(input.materials.map((m) => m.key).filter((k): k is string => !!k));
  const assisting = input.assistingDepartmentIds ?? (input.assistingDepartments ?? []).map((d) => d.id);
  return {
    legalBasis: input.legalBasis,
    conditions: input.conditions,
    applicantTypes: [...new Set(input.applicantTypes)],
    handlingMode: input.handlingMode,
    statutoryDays: input.statutoryDays,
    statutoryExtensionDays: input.statutoryExtensionDays,
    promisedDays: input.promisedDays,
    yellowDays: input.yellowDays ?? 2,
    fees: input.fees,
    materials: input.materials.map((m) => {
      const key = m.key ?? keyOf(m.name, taken);
      taken.add(key);
      const blank = m.blankFormFile ?? null;
      const sample = m.sampleFile ?? null;
      return {
        key, name: m.name, required: m.required, description: m.description || null,
        hasForm: m.hasForm ?? (blank !== null || sample !== null), blankFormFile: blank, sampleFile: sample,
        certificateType: m.certificateType ?? null,
      };
    }),
    formFields: input.formFields.map((f) => ({ key: f.key, label: f.label, type: f.type, required: f.required })),
    process: {
      steps: input.process.steps.map((s) => ({
        id: s.id, name: s.name, kind: s.kind, departmentId: s.kind === "co-handle" ? null : s.departmentId, role: s.role,
        workingDays: s.workingDays, staffId: s.staffId ?? null, clockStops: s.clockStops ?? false,
      })),
    },
    assistingDepartmentIds: [...new Set(assisting)],
    assistingDays: input.assistingDays ?? {},
    resultDepartmentIds: [...new Set(input.resultDepartmentIds ?? [])],
    ccDepartmentIds: [...new Set(input.ccDepartmentIds ?? [])],
    result: input.result,
    resultCertificateType: input.resultCertificateType ?? null,
    responsibilities: input.responsibilities,
    accountability: input.accountability,
    consultationPhone: input.consultationPhone,
    complaintPhone: input.complaintPhone,
  };
}

type VersionRow = Selectable<ItemVersionsTable>;
type MaterialRow = Selectable<ItemMaterialsTable>;

/** A stored version as a guide. Steps stored with no department (older versions) act in the lead department. */
export function guideOfVersion(v: VersionRow, materials: MaterialRow[], leadDepartmentId: string): Guide {
  const steps = (v.process as unknown as { steps: ProcessStep[] }).steps;
  return {
    legalBasis: v.legal_basis,
    conditions: v.conditions,
    applicantTypes: v.applicant_types as Guide["applicantTypes"],
    handlingMode: v.handling_mode,
    statutoryDays: v.statutory_days,
    statutoryExtensionDays: v.statutory_extension_days,
    promisedDays: v.promised_days,
    yellowDays: v.yellow_days,
    fees: v.fees,
    materials: [...materials].sort((a, b) => a.sort - b.sort).map((m) => ({
      key: m.key, name: m.name, required: m.required, description: m.description, hasForm: m.has_form,
      blankFormFile: m.blank_form_file, sampleFile: m.sample_file, certificateType: m.certificate_type,
    })),
    formFields: (v.form_fields as unknown as Guide["formFields"]).map((f) => ({ key: f.key, label: f.label, type: f.type, required: f.required })),
    process: {
      steps: steps.map((s) => ({
        id: s.id, name: s.name, kind: s.kind, departmentId: s.kind === "co-handle" ? null : (s.departmentId ?? leadDepartmentId),
        role: s.role as Guide["process"]["steps"][number]["role"], workingDays: s.workingDays, staffId: s.staffId ?? null, clockStops: s.clockStops ?? false,
      })),
    },
    assistingDepartmentIds: v.assisting_department_ids,
    assistingDays: v.assisting_days as unknown as Record<string, number>,
    resultDepartmentIds: v.result_department_ids,
    ccDepartmentIds: v.cc_department_ids,
    result: v.result,
    resultCertificateType: v.result_certificate_type,
    responsibilities: v.responsibilities,
    accountability: v.accountability,
    consultationPhone: v.consultation_phone,
    complaintPhone: v.complaint_phone,
  };
}

/** The columns of item_versions that hold a guide (the rest is the version's life). */
export function versionColumns(guide: Guide, searchText: string) {
  const steps: ProcessStep[] = guide.process.steps.map((s) => ({
    id: s.id, name: s.name, kind: s.kind, departmentId: s.departmentId, role: s.role, workingDays: s.workingDays,
    ...(s.staffId ? { staffId: s.staffId } : {}), ...(s.clockStops ? { clockStops: true } : {}),
  }));
  return {
    legal_basis: guide.legalBasis, conditions: guide.conditions, handling_mode: guide.handlingMode, statutory_days: guide.statutoryDays,
    statutory_extension_days: guide.statutoryExtensionDays, promised_days: guide.promisedDays, yellow_days: guide.yellowDays, fees: guide.fees,
    result: guide.result, result_certificate_type: guide.resultCertificateType, responsibilities: guide.responsibilities,
    accountability: guide.accountability, consultation_phone: guide.consultationPhone, complaint_phone: guide.complaintPhone,
    applicant_types: guide.applicantTypes, form_fields: JSON.stringify(guide.formFields), process: JSON.stringify({ steps }),
    step_summary: JSON.stringify(steps.map((s) => ({ id: s.id, name: s.name, kind: s.kind, departmentId: s.departmentId }))),
    step_department_ids: [...new Set(steps.map((s) => s.departmentId).filter((d): d is string => !!d))],
    assisting_department_ids: guide.assistingDepartmentIds, cc_department_ids: guide.ccDepartmentIds, search_text: searchText,
    assisting_days: JSON.stringify(guide.assistingDays), result_department_ids: guide.resultDepartmentIds,
  } satisfies Partial<Insertable<ItemVersionsTable>>;
}

export function materialRows(guide: Guide, versionId: string, newId: () => string): Insertable<ItemMaterialsTable>[] {
  return guide.materials.map((m, sort) => ({
    id: newId(), item_version_id: versionId, key: m.key, name: m.name, required: m.required, description: m.description,
    has_form: m.hasForm, certificate_type: m.certificateType, sort, blank_form_file: m.blankFormFile, sample_file: m.sampleFile,
  }));
}

/** What the catalog search looks through: name, code, department, legal basis, result and conditions. */
export function searchTextOf(item: { name: string; code: string }, departmentName: string, guide: Guide): string {
  return [item.name, item.code, departmentName, guide.legalBasis, guide.result, guide.conditions].join(" ").toLowerCase();
}

/** Key order does not make a change: compare canonical JSON. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Field by field, what changed from `before` to `after` (every field when there is no `before`). */
export function diffGuides(before: Guide | null, after: Guide): GuideChange[] {
  const out: GuideChange[] = [];
  for (const field of guideFields) {
    const a = before ? before[field] : null;
    const b = after[field];
    if (!before || canonical(a) !== canonical(b)) out.push({ field, before: a, after: b });
  }
  return out;
}

export const changedFields = (diff: GuideChange[]): GuideFieldName[] => diff.map((d) => d.field);
