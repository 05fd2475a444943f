import { type CertificateTypeDefinition, certificateTypeDefinition } from "@cq/contracts";
import { findDepartment, findItemName, findVersion } from "../catalog/repository.ts";
import { certificateTypeName } from "../catalog/certificateTypes.ts";
import { openForm } from "./formData.ts";
import { findUserById } from "../identity/repository.ts";
import { shanghaiDay } from "../platform/clock.ts";
import type { Executor } from "../platform/db.ts";
import type { PersonalData } from "../platform/personalData.ts";
import type { CaseRow } from "../platform/schema.ts";
import { validityYears } from "../certificates/issueCertificate.ts";
import { type ParticularSources, prefillParticulars, validUntilOf } from "../certificates/particulars.ts";

export interface CertificateDraftOf {
  type: string;
  /** The certificate's name as the item's result states it, e.g. 食品经营许可证. */
  name: string;
  definition: CertificateTypeDefinition;
  validYears: number | null;
  values: Record<string, string>;
}

/** The certificate's name in an item's result text: 《食品经营许可证》（有效期5年） → 食品经营许可证. */
export const certificateNameOf = (resultText: string): string => resultText.replace(/（.*$/, "").replace(/[《》]/g, "");

/**
 * The certificate the approval of a case would issue, its particulars pre-filled from the case (the
 * form opened, the applicant, the dates of an issue today, the issuing department and the decider);
 * null when the item's result is no certificate. The type's validity rule comes first; the years the
 * result text states only stand in for a type without one.
 */
export async function certificateDraft(
  db: Executor,
  pd: PersonalData,
  c: CaseRow,
  decider: string,
  now: Date,
  /** An assisting department's own certificate (joint items): its type, name and validity, issued by that department. */
  own?: { departmentId: string; type: string; name: string; validYears: number | null },
): Promise<CertificateDraftOf | null> {
  const version = await findVersion(db, c.item_version_id);
  const type = own ? own.type : version.result_certificate_type;
  if (!type) return null;
  const [dept, applicant, item] = await Promise.all([
    findDepartment(db, own ? own.departmentId : c.lead_department_id),
    findUserById(db, pd, c.applicant_id),
    findItemName(db, c.item_id),
  ]);
  if (!dept || !applicant) throw new Error("case without department or applicant");
  const textYears = own ? own.validYears : validityYears(version.result);
  const definition = certificateTypeDefinition(type, textYears);
  const validYears = definition.validityYears ?? textYears;
  const issuedAt = shanghaiDay(now);
  const sources: ParticularSources = {
    form: openForm(pd, c.form_data as Record<string, unknown>),
    applicant: {
      name: applicant.name,
      code: applicant.credit_code ?? applicant.id_number ?? "",
      legalRepresentative: applicant.legal_rep_name ?? (applicant.applicant_type === "person" ? applicant.name : ""),
    },
    computed: { issuedAt, validUntil: validUntilOf(issuedAt, validYears), issuer: dept.name, decider, itemName: item.name },
  };
  return { type, name: own ? own.name : certificateNameOf(version.result), definition, validYears, values: prefillParticulars(definition, sources) };
}

/** The draft as the decider's dialog shows it, in the caller's language. */
export function presentDraft(d: CertificateDraftOf | null, lang: "zh-CN" | "en") {
  if (!d) return { certificate: null };
  const l = (x: { zh: string; en: string }) => (lang === "en" ? x.en : x.zh);
  return {
    certificate: {
      type: d.type,
      typeName: certificateTypeName(d.type, lang),
      heading: l(d.definition.layout.heading),
      validityYears: d.validYears,
      particulars: d.definition.particulars.map((p) => ({
        key: p.key, label: l(p.label), type: p.type, required: p.required, source: p.source, readOnly: p.source === "computed", value: d.values[p.key] ?? "",
      })),
    },
  };
}

/** The values the decider may change (all but the computed ones), those with a value: what a decision sends as it stands. */
export function editableParticulars(d: CertificateDraftOf): Record<string, string> {
  return Object.fromEntries(d.definition.particulars.filter((p) => p.source !== "computed" && d.values[p.key]).map((p) => [p.key, d.values[p.key]!]));
}
