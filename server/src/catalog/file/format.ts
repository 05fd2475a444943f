import type { CatalogFileGuide, Guide, GuideInput } from "@cq/contracts";
import type { z } from "zod";

// The catalog file's guides against the platform's (docs/catalog-format.md): the file names
// departments by code and staff by login name where the platform keeps ids.

/** One thing wrong with a catalog file: where (`items[3].guide.promisedDays`) and what (a stable code). */
export interface FileProblem {
  path: string;
  problem: string;
  /** The schema's words, for a problem of form. */
  message?: string;
}

/** `["items", 3, "guide", "promisedDays"]` → `items[3].guide.promisedDays`. */
export function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("");
}

export function schemaProblems(error: z.ZodError): FileProblem[] {
  return error.issues.map((i) => ({ path: pathText(i.path) || "(file)", problem: i.code, message: i.message }));
}

export const problemLine = (p: FileProblem): string => `${p.path}: ${p.problem}${p.message ? ` (${p.message})` : ""}`;

/** How the file's references are looked up; an unknown one is reported at its path and replaced by a placeholder. */
export interface GuideRefs {
  department(code: string, path: string): string;
  staff(username: string, path: string): string;
}

/** A file's guide as the guide input the catalog normalizes and validates. */
export function guideInputOfFile(g: CatalogFileGuide, refs: GuideRefs): GuideInput {
  const codes = (list: string[] | undefined, field: string) => list?.map((c, i) => refs.department(c, `${field}[${i}]`));
  return {
    legalBasis: g.legalBasis, conditions: g.conditions, applicantTypes: g.applicantTypes, handlingMode: g.handlingMode,
    statutoryDays: g.statutoryDays, statutoryExtensionDays: g.statutoryExtensionDays, promisedDays: g.promisedDays, yellowDays: g.yellowDays,
    fees: g.fees, materials: g.materials, formFields: g.formFields,
    process: {
      steps: g.process.steps.map((s, i) => ({
        id: s.id, name: s.name, kind: s.kind, role: s.role, workingDays: s.workingDays, clockStops: s.clockStops,
        departmentId: s.departmentCode === null ? null : refs.department(s.departmentCode, `process.steps[${i}].departmentCode`),
        staffId: s.staffUsername === undefined ? null : refs.staff(s.staffUsername, `process.steps[${i}].staffUsername`),
      })),
    },
    assistingDepartmentIds: codes(g.assistingDepartmentCodes, "assistingDepartmentCodes") ?? [],
    assistingDays: g.assistingDays && Object.fromEntries(Object.entries(g.assistingDays).map(([c, d]) => [refs.department(c, `assistingDays.${c}`), d])),
    resultDepartmentIds: codes(g.resultDepartmentCodes, "resultDepartmentCodes"),
    ccDepartmentIds: codes(g.ccDepartmentCodes, "ccDepartmentCodes"),
    result: g.result, resultCertificateType: g.resultCertificateType, responsibilities: g.responsibilities, accountability: g.accountability,
    consultationPhone: g.consultationPhone, complaintPhone: g.complaintPhone,
  };
}

/** Where guideProblems names a field by its ids, the file names it by codes. */
export function filePathOfGuidePath(path: string, departmentCode: (id: string) => string): string {
  return path
    .replace(/^assistingDepartmentIds\[/, "assistingDepartmentCodes[")
    .replace(/^resultDepartmentIds\[/, "resultDepartmentCodes[")
    .replace(/^ccDepartmentIds\[/, "ccDepartmentCodes[")
    .replace(/^assistingDays\.(.+)$/, (_m, id: string) => `assistingDays.${departmentCode(id)}`)
    .replace(/\.departmentId$/, ".departmentCode")
    .replace(/\.staffId$/, ".staffUsername");
}

/**
 * A guide as the file writes it: every field the guide holds, and of the optional ones only those
 * not at their default, so that reading it back gives the same guide. Keys in a fixed order.
 */
export function fileGuideOf(g: Guide, departmentCode: (id: string) => string, staffUsername: (id: string) => string): CatalogFileGuide {
  const some = <T>(list: T[]) => (list.length ? list : undefined);
  const assistingDays = Object.entries(g.assistingDays).map(([id, d]) => [departmentCode(id), d] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return dropUndefined({
    legalBasis: g.legalBasis, conditions: g.conditions, applicantTypes: g.applicantTypes, handlingMode: g.handlingMode,
    statutoryDays: g.statutoryDays, statutoryExtensionDays: g.statutoryExtensionDays, promisedDays: g.promisedDays, yellowDays: g.yellowDays,
    fees: g.fees,
    materials: g.materials.map((m) =>
      dropUndefined({
        key: m.key, name: m.name, required: m.required, description: m.description ?? undefined,
        // Written only where it is not what the files imply.
        hasForm: m.hasForm === (m.blankFormFile !== null || m.sampleFile !== null) ? undefined : m.hasForm,
        blankFormFile: m.blankFormFile ?? undefined, sampleFile: m.sampleFile ?? undefined, certificateType: m.certificateType ?? undefined,
      }),
    ),
    formFields: g.formFields.map((f) => ({ key: f.key, label: f.label, type: f.type, required: f.required })),
    process: {
      steps: g.process.steps.map((s) =>
        dropUndefined({
          id: s.id, name: s.name, kind: s.kind, departmentCode: s.departmentId === null ? null : departmentCode(s.departmentId), role: s.role,
          workingDays: s.workingDays, staffUsername: s.staffId ? staffUsername(s.staffId) : undefined, clockStops: s.clockStops || undefined,
        }),
      ),
    },
    assistingDepartmentCodes: some(g.assistingDepartmentIds.map(departmentCode)),
    assistingDays: assistingDays.length ? Object.fromEntries(assistingDays) : undefined,
    resultDepartmentCodes: some(g.resultDepartmentIds.map(departmentCode)),
    ccDepartmentCodes: some(g.ccDepartmentIds.map(departmentCode)),
    result: g.result, resultCertificateType: g.resultCertificateType ?? undefined, responsibilities: g.responsibilities,
    accountability: g.accountability, consultationPhone: g.consultationPhone, complaintPhone: g.complaintPhone,
  });
}

/** The object without its undefined members (JSON would drop them anyway; tests compare objects). */
export function dropUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
