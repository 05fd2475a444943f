import type { Executor } from "../platform/db.ts";
import type { FormField, ProcessStep } from "../platform/schema.ts";
import { departmentsByIds, findItemWithVersion, materialsOfVersion } from "./repository.ts";
import { certificateTypeName } from "./certificateTypes.ts";
import type { FlowStep } from "./flowchart.ts";

const roleNames: Record<string, string> = {
  clerk: "窗口受理", handler: "承办", reviewer: "审核", decider: "审批决定", "department-head": "部门负责人",
};

/** A presented guide's process as the flowchart draws it. */
export function flowStepsOf(guide: Awaited<ReturnType<typeof presentGuide>>): FlowStep[] {
  return guide.process.steps.map((s) => ({
    id: s.id,
    name: s.name,
    kind: s.kind as FlowStep["kind"],
    department: s.department?.name ?? "",
    role: roleNames[s.role] ?? s.role,
    workingDays: s.workingDays,
    ...("assistingDepartments" in s && s.assistingDepartments ? { assisting: s.assistingDepartments.map((d) => d.name) } : {}),
  }));
}

type ItemWithVersion = NonNullable<Awaited<ReturnType<typeof findItemWithVersion>>>;

/** The guide (办事指南): every R11 field of the item's current version. */
export async function presentGuide(db: Executor, item: ItemWithVersion, lang: "zh-CN" | "en" = "zh-CN") {
  const process = item.process as unknown as { steps: ProcessStep[] };
  const deptIds = [item.department_id, ...item.assisting_department_ids, ...process.steps.map((s) => s.departmentId).filter((d): d is string => !!d)];
  const depts = new Map((await departmentsByIds(db, [...new Set(deptIds)])).map((d) => [d.id, d]));
  const ref = (id: string | null) => {
    const d = id ? depts.get(id) : undefined;
    return d ? { id: d.id, name: d.name } : null;
  };
  const materials = await materialsOfVersion(db, item.version_id);
  return {
    id: item.item_id,
    code: item.code,
    name: item.name,
    version: item.version,
    department: ref(item.department_id),
    leadDepartment: ref(item.department_id),
    assistingDepartments: item.assisting_department_ids.map(ref).filter((d) => d !== null),
    level: item.level,
    regionCode: item.region_code,
    regionName: item.region_name,
    legalBasis: item.legal_basis,
    conditions: item.conditions,
    handlingMode: item.handling_mode,
    statutoryDays: item.statutory_days,
    statutoryExtensionDays: item.statutory_extension_days,
    promisedDays: item.promised_days,
    fees: item.fees,
    materials: materials.map((m) => ({
      id: m.id,
      name: m.name,
      required: m.required,
      ...(m.description ? { description: m.description } : {}),
      ...(m.has_form
        ? { formUrl: `/api/catalog/items/${item.item_id}/materials/${m.id}/form.pdf`, sampleUrl: `/api/catalog/items/${item.item_id}/materials/${m.id}/sample.pdf` }
        : {}),
      ...(m.certificate_type ? { certificateType: m.certificate_type, certificateTypeName: certificateTypeName(m.certificate_type, lang) } : {}),
    })),
    formFields: item.form_fields as unknown as FormField[],
    process: {
      steps: process.steps.map((s) => ({
        id: s.id,
        name: s.name,
        kind: s.kind,
        department: s.kind === "co-handle" ? null : ref(s.departmentId ?? item.department_id),
        ...(s.kind === "co-handle" ? { assistingDepartments: item.assisting_department_ids.map(ref).filter((d) => d !== null) } : {}),
        role: s.role,
        workingDays: s.workingDays,
      })),
    },
    yellowDays: item.yellow_days,
    result: item.result,
    resultCertificateType: item.result_certificate_type,
    ...(item.result_certificate_type ? { resultCertificateTypeName: certificateTypeName(item.result_certificate_type, lang) } : {}),
    responsibilities: item.responsibilities,
    accountability: item.accountability,
    consultationPhone: item.consultation_phone,
    complaintPhone: item.complaint_phone,
    applicantTypes: item.applicant_types,
    offlineOnly: item.handling_mode === "hall-only",
    updatedAt: (item.effective_from ?? item.updated_at ?? item.created_at).toISOString(),
  };
}
