import type { Insertable } from "kysely";
import type { Executor } from "../platform/db.ts";
import type { PersonalData } from "../platform/personalData.ts";
import type { CaseResultsTable, CertificatesTable } from "../platform/schema.ts";
import type { StoredParticular } from "./particulars.ts";

// The holder's code (an ID number for a person) is stored sealed, in its column and in the signed
// payload kept beside the signature; reads give it back in the clear for the signature check and masking.

// Personal particulars (an ID number, a person's name) are sealed the same way, in the particulars
// column and in the payload's particulars; reads open every sealed value there.

const parsed = <T>(v: unknown): T => (typeof v === "string" ? JSON.parse(v) : v) as T;

const withHolderCode = (payload: unknown, f: (v: string) => string): Record<string, unknown> => {
  const p = parsed<Record<string, unknown>>(payload);
  return typeof p.holderCode === "string" && p.holderCode ? { ...p, holderCode: f(p.holderCode) } : p;
};

/** The payload with the values of the given particulars passed through `f` (all when `keys` is null). */
const withParticulars = (payload: Record<string, unknown>, keys: Set<string> | null, f: (v: string) => string): Record<string, unknown> => {
  const ps = payload.particulars as Record<string, string> | undefined;
  if (!ps || typeof ps !== "object") return payload;
  return { ...payload, particulars: Object.fromEntries(Object.entries(ps).map(([k, v]) => [k, (keys === null || keys.has(k)) && v ? f(v) : v])) };
};

const mapStoredParticulars = (stored: unknown, personalOnly: boolean, f: (v: string) => string): StoredParticular[] =>
  (parsed<StoredParticular[] | null>(stored) ?? []).map((p) => ((!personalOnly || p.personal) && p.value ? { ...p, value: f(p.value) } : p));

/**
 * Stores a certificate given in the clear (its payload as the object signed) under its number;
 * false when the number is taken (nothing is written).
 */
export async function insertCertificate(db: Executor, pd: PersonalData, row: Insertable<CertificatesTable>): Promise<boolean> {
  const stored = parsed<StoredParticular[] | undefined>(row.particulars) ?? [];
  const personal = new Set(stored.filter((p) => p.personal).map((p) => p.key));
  const seal = (v: string) => pd.seal(v);
  const r = await db
    .insertInto("certificates")
    .values({
      ...row,
      holder_code: pd.seal(row.holder_code),
      payload: JSON.stringify(withParticulars(withHolderCode(row.payload, seal), personal, seal)),
      particulars: JSON.stringify(mapStoredParticulars(stored, true, seal)),
    })
    .onConflict((oc) => oc.column("certificate_no").doNothing())
    .returning("certificate_no")
    .executeTakeFirst();
  return r !== undefined;
}

/** Links a certificate to its printed document (issued once the number is stored). */
export async function setCertificateDocument(db: Executor, no: string, documentId: string) {
  await db.updateTable("certificates").set({ document_id: documentId }).where("certificate_no", "=", no).execute();
}

function opened<T extends { holder_code: string; payload: unknown; particulars: unknown }>(pd: PersonalData, row: T): T & { particulars: StoredParticular[] } {
  const open = (v: string) => pd.open(v);
  return {
    ...row,
    holder_code: pd.open(row.holder_code),
    payload: withParticulars(withHolderCode(row.payload, open), null, open),
    particulars: mapStoredParticulars(row.particulars, false, open),
  };
}

export async function findCertificate(db: Executor, pd: PersonalData, no: string) {
  const row = await db
    .selectFrom("certificates")
    .innerJoin("departments", "departments.id", "certificates.issuer_department_id")
    .selectAll("certificates")
    .select("departments.name as issuer_name")
    .where("certificate_no", "=", no)
    .executeTakeFirst();
  return row && opened(pd, row);
}

export async function certificatesOfHolder(db: Executor, pd: PersonalData, holderId: string) {
  const rows = await db
    .selectFrom("certificates")
    .innerJoin("departments", "departments.id", "certificates.issuer_department_id")
    .selectAll("certificates")
    .select("departments.name as issuer_name")
    .where("holder_id", "=", holderId)
    .orderBy("issued_at", "desc")
    .execute();
  return rows.map((r) => opened(pd, r));
}

/**
 * Certificates by their numbers as a case file shows them: type, name, issuer and dates, nothing of
 * the holder (no personal data is read, so nothing is opened).
 */
export function certificatesByNumbers(db: Executor, nos: string[]) {
  if (nos.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("certificates")
    .innerJoin("departments", "departments.id", "certificates.issuer_department_id")
    .select(["certificates.certificate_no", "certificates.type", "certificates.name", "certificates.issued_at", "certificates.valid_until", "certificates.status"])
    .select("departments.name as issuer_name")
    .where("certificate_no", "in", nos)
    .execute();
}

export async function insertCaseResult(db: Executor, row: Insertable<CaseResultsTable>) {
  await db.insertInto("case_results").values(row).execute();
}

export function resultsOfCase(db: Executor, caseId: string) {
  return db
    .selectFrom("case_results")
    .innerJoin("departments", "departments.id", "case_results.department_id")
    .selectAll("case_results")
    .select("departments.name as department_name")
    .where("case_id", "=", caseId)
    .orderBy("recorded_at")
    .execute();
}

/** Revokes a certificate still in force; false when another revocation came first (the row is locked meanwhile). */
export async function revokeCertificateRow(db: Executor, no: string, revocation: { reason: string; legalBasis: string | null }, at: Date): Promise<boolean> {
  const r = await db
    .updateTable("certificates")
    .set({ status: "revoked", revoked_at: at, revoke_reason: revocation.reason, revoke_legal_basis: revocation.legalBasis })
    .where("certificate_no", "=", no)
    .where("status", "!=", "revoked")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Certificates in force whose validity ends within [today, lastDay] and whose holder was not yet
 * reminded, with the holder's phone (sealed) and language; locked, skipping rows another process holds.
 */
export function certificatesToRemind(db: Executor, today: string, lastDay: string) {
  return db
    .selectFrom("certificates")
    .innerJoin("users", "users.id", "certificates.holder_id")
    .select(["certificates.certificate_no", "certificates.name", "certificates.valid_until", "certificates.holder_id", "certificates.case_id", "users.phone", "users.email", "users.lang"])
    .where("certificates.status", "=", "valid")
    .where("certificates.expiry_reminded_at", "is", null)
    .where("certificates.valid_until", ">=", today)
    .where("certificates.valid_until", "<=", lastDay)
    .orderBy("certificates.valid_until")
    .forUpdate("certificates")
    .skipLocked()
    .execute();
}

/** Records the expiry reminder; false when it was already recorded (it is sent once). */
export async function markExpiryReminded(db: Executor, no: string, at: Date): Promise<boolean> {
  const r = await db.updateTable("certificates").set({ expiry_reminded_at: at }).where("certificate_no", "=", no).where("expiry_reminded_at", "is", null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The certificate found by number for a staff look-up (no holder filter), like `certificatesOfHolder`. */
export async function certificatesByNumber(db: Executor, pd: PersonalData, no: string) {
  const c = await findCertificate(db, pd, no);
  return c ? [c] : [];
}

