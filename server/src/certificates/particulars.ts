import type { CertificateParticular, CertificateTypeDefinition } from "@cq/contracts";
import { maskHolderCode, maskName, maskPhone } from "../identity/checkCharacters.ts";

// The particulars (证照信息) of a certificate: pre-filled from the case, checked when the decider
// approves, kept with the certificate (personal values sealed) and shown masked to others.

/** What a certificate's particulars are pre-filled from. */
export interface ParticularSources {
  /** The application form, its personal values opened. */
  form: Record<string, unknown>;
  applicant: { name: string; code: string; legalRepresentative: string };
  computed: { issuedAt: string; validUntil: string; issuer: string; decider: string; itemName: string };
}

/** A particular as the certificate keeps it: its label at issue, whether it is personal, its value. */
export interface StoredParticular {
  key: string;
  label: { zh: string; en: string };
  personal?: true;
  /** Printed under the signature (issuer, signer, date) rather than in the table. */
  signature?: true;
  value: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The particular that states the validity (有效期至): it is the certificate's validity. */
export const VALID_UNTIL = "validUntil";

/** The certificate's last valid day: the one its particulars state, else `years` after issue ("" for none). */
export function certificateValidUntil(issuedDay: string, years: number | null, particulars: readonly { key: string; value: string }[]): string {
  const stated = particulars.find((p) => p.key === VALID_UNTIL)?.value ?? "";
  return DAY.test(stated) ? stated : validUntilOf(issuedDay, years);
}

const text = (v: unknown): string => (typeof v === "string" ? v.trim() : typeof v === "number" || typeof v === "boolean" ? String(v) : "");

/** The date `years` after an issue date (YYYY-MM-DD), or "" without a validity. */
export function validUntilOf(issuedDay: string, years: number | null): string {
  return years ? `${Number(issuedDay.slice(0, 4)) + years}${issuedDay.slice(4)}` : "";
}

function prefillOne(p: CertificateParticular, s: ParticularSources): string {
  for (const ref of p.from) {
    const sep = ref.indexOf(":");
    const kind = ref.slice(0, sep);
    const name = ref.slice(sep + 1);
    const v =
      kind === "form" ? text(s.form[name])
      : kind === "applicant" ? text((s.applicant as unknown as Record<string, unknown>)[name])
      : kind === "computed" ? text((s.computed as unknown as Record<string, unknown>)[name])
      : kind === "text" ? name
      : "";
    if (v) return v;
  }
  return "";
}

/** Every particular of the type with its value taken from the case ("" where there is none). */
export function prefillParticulars(def: CertificateTypeDefinition, s: ParticularSources): Record<string, string> {
  return Object.fromEntries(def.particulars.map((p) => [p.key, prefillOne(p, s)]));
}

/**
 * The particulars to issue: the draft, overridden by what the decider gave. `invalid` names every key
 * that is unknown to the type, a computed one given another value than the platform's, a date that
 * is not one, or a required one left empty; nothing may be issued while it is not empty.
 */
export function resolveParticulars(
  def: CertificateTypeDefinition,
  draft: Record<string, string>,
  given: Record<string, string> | undefined,
): { values: Record<string, string>; invalid: string[] } {
  const byKey = new Map(def.particulars.map((p) => [p.key, p]));
  const invalid: string[] = [];
  for (const [k, v] of Object.entries(given ?? {})) {
    const p = byKey.get(k);
    if (!p || (p.source === "computed" && v.trim() !== (draft[k] ?? ""))) invalid.push(k);
  }
  const values: Record<string, string> = {};
  for (const p of def.particulars) {
    const v = (p.source !== "computed" && given && Object.hasOwn(given, p.key) ? given[p.key]! : draft[p.key] ?? "").trim();
    if (p.required && !v) invalid.push(p.key);
    else if (v && p.type === "date" && !DAY.test(v)) invalid.push(p.key);
    // A validity entered at decision ends after the day of issue.
    else if (p.key === VALID_UNTIL && v && draft.issuedAt && v <= draft.issuedAt) invalid.push(p.key);
    values[p.key] = v;
  }
  return { values, invalid: [...new Set(invalid)] };
}

/** A personal value as others see it: an ID or credit code, a phone number, or a name, masked. */
export function maskParticular(value: string): string {
  const v = value.trim();
  if (/^[0-9A-Z]{18}$/.test(v)) return maskHolderCode(v);
  if (/^\+?[0-9][0-9 ()-]{5,18}[0-9]$/.test(v)) return maskPhone(v.replace(/[^0-9+]/g, ""));
  return maskName(v);
}

/** The particulars as the certificate keeps them, in the licence's order (table, then signature), empty optional ones left out. */
export function particularsToStore(def: CertificateTypeDefinition, values: Record<string, string>): StoredParticular[] {
  const byKey = new Map(def.particulars.map((p) => [p.key, p]));
  const signature = new Set(def.layout.signature);
  return [...def.layout.table, ...def.layout.signature]
    .map((k) => byKey.get(k)!)
    .filter((p) => values[p.key])
    .map((p) => ({
      key: p.key,
      label: p.label,
      ...(p.personal ? { personal: true as const } : {}),
      ...(signature.has(p.key) ? { signature: true as const } : {}),
      value: values[p.key]!,
    }));
}

/** The particulars for the audit: personal values masked. */
export function maskedParticulars(stored: StoredParticular[]): Record<string, string> {
  return Object.fromEntries(stored.map((p) => [p.key, p.personal ? maskParticular(p.value) : p.value]));
}
