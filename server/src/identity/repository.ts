import { type Executor, prepared } from "../platform/db.ts";
import type { RoleGrant } from "../platform/actor.ts";
import type { Role } from "@cq/contracts";
import { type Insertable, sql } from "kysely";
import type { PersonalData } from "../platform/personalData.ts";
import type { UsersTable } from "../platform/schema.ts";

export type LoginKind = "phone" | "idNumber" | "creditCode" | "username";

/** The columns of an account stored sealed (platform/personalData.ts). */
const SEALED = ["phone", "id_number", "legal_rep_id_number", "totp_secret", "totp_pending_secret", "email"] as const;
type Sealed = (typeof SEALED)[number];

/** An account as stored: its personal data sealed, with the blind indexes it is found by. */
export function sealUser(pd: PersonalData, row: Insertable<UsersTable>): Insertable<UsersTable> {
  const out: Insertable<UsersTable> = { ...row };
  for (const c of SEALED) if (typeof row[c] === "string") out[c] = pd.sealOrNull(row[c] as string);
  if (row.phone !== undefined) out.phone_index = row.phone ? pd.index("phone", row.phone) : null;
  if (row.id_number !== undefined) out.id_number_index = row.id_number ? pd.index("id-number", row.id_number) : null;
  return out;
}

/** An account as read: its sealed columns opened. */
export function openUser<T extends Partial<Record<Sealed, string | null>>>(pd: PersonalData, row: T): T;
export function openUser<T extends Partial<Record<Sealed, string | null>>>(pd: PersonalData, row: T | undefined): T | undefined;
export function openUser<T extends Partial<Record<Sealed, string | null>>>(pd: PersonalData, row: T | undefined): T | undefined {
  if (!row) return row;
  const out = { ...row };
  for (const c of SEALED) if (typeof row[c] === "string") (out as Record<string, unknown>)[c] = pd.open(row[c] as string);
  return out;
}

export async function findUserByLogin(db: Executor, pd: PersonalData, kind: LoginKind, login: string) {
  let q = db.selectFrom("users").selectAll();
  switch (kind) {
    case "phone":
      q = q.where("phone_index", "in", pd.indexes("phone", login)).where("kind", "=", "applicant");
      break;
    case "idNumber":
      q = q.where("id_number_index", "in", pd.indexes("id-number", login)).where("kind", "=", "applicant").where("applicant_type", "=", "person");
      break;
    case "creditCode":
      q = q.where("credit_code", "=", login).where("kind", "=", "applicant");
      break;
    case "username":
      q = q.where("username", "=", login).where("kind", "=", "staff");
      break;
  }
  return openUser(pd, await q.executeTakeFirst());
}

export async function findUserById(db: Executor, pd: PersonalData, id: string) {
  return openUser(pd, await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst());
}

export async function findApplicantConflicts(db: Executor, pd: PersonalData, phone: string, idNumber: string | null, creditCode: string | null) {
  const phoneIndexes = pd.indexes("phone", phone);
  const idIndexes = idNumber ? pd.indexes("id-number", idNumber) : [];
  const rows = await db
    .selectFrom("users")
    .select(["phone_index", "id_number_index", "credit_code"])
    .where("kind", "=", "applicant")
    .where((eb) =>
      eb.or([
        eb("phone_index", "in", phoneIndexes),
        ...(idNumber ? [eb.and([eb("id_number_index", "in", idIndexes), eb("applicant_type", "=", "person")])] : []),
        ...(creditCode ? [eb("credit_code", "=", creditCode)] : []),
      ]),
    )
    .execute();
  return {
    phone: rows.some((r) => r.phone_index !== null && phoneIndexes.includes(r.phone_index)),
    identity: rows.some((r) => (r.id_number_index !== null && idIndexes.includes(r.id_number_index)) || (creditCode && r.credit_code === creditCode)),
  };
}

/** Inserts an account given with its personal data in the clear: it is stored sealed. */
export async function insertUser(db: Executor, pd: PersonalData, row: Insertable<UsersTable>): Promise<void> {
  await db.insertInto("users").values(sealUser(pd, row)).execute();
}

/**
 * Inserts an account unless one with its phone, ID number or credit code slipped in meanwhile (a
 * concurrent registration): false then, and the transaction stays usable.
 */
export async function insertUserIfNew(db: Executor, pd: PersonalData, row: Insertable<UsersTable>): Promise<boolean> {
  const r = await db.insertInto("users").values(sealUser(pd, row)).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** A new password hash; the lock from failed logins is lifted. */
export async function setPassword(db: Executor, userId: string, passwordHash: string, opts: { mustChange: boolean }) {
  await db.updateTable("users").set({ password_hash: passwordHash, must_change_password: opts.mustChange, failed_logins: 0, locked_until: null }).where("id", "=", userId).execute();
}

/** Ends the user's sessions, except the one given (the caller's own). */
export async function deleteSessionsExcept(db: Executor, userId: string, keepSessionId: string | null) {
  let q = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (keepSessionId) q = q.where("id", "<>", keepSessionId);
  await q.execute();
}

export async function recordLoginFailure(db: Executor, userId: string, failures: number, lockedUntil: Date | null) {
  await db.updateTable("users").set({ failed_logins: failures, locked_until: lockedUntil }).where("id", "=", userId).execute();
}

export async function resetLoginFailures(db: Executor, userId: string) {
  await db.updateTable("users").set({ failed_logins: 0, locked_until: null }).where("id", "=", userId).execute();
}

export async function insertSession(db: Executor, s: { id: string; userId: string; at: Date; expiresAt: Date; ip: string | null }) {
  await db.insertInto("sessions").values({ id: s.id, user_id: s.userId, created_at: s.at, expires_at: s.expiresAt, ip: s.ip, last_seen_at: s.at }).execute();
}

export async function deleteSession(db: Executor, id: string) {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

/**
 * The session's user with their role grants and their department's region, if the session is still
 * valid at `now`: one prepared statement, since every signed-in request asks it.
 */
export async function findSessionUser(db: Executor, sessionId: string, now: Date) {
  const r = await sql<{
    id: string; kind: UsersTable["kind"]; name: string; applicant_type: UsersTable["applicant_type"]; department_id: string | null;
    trained_at: Date | null; disabled: boolean; must_change_password: boolean; totp_enabled_at: Date | null; last_seen_at: Date | null;
    region_code: string | null; roles: RoleGrant[];
  }>`${prepared("session-user")}
    select u.id, u.kind, u.name, u.applicant_type, u.department_id, u.trained_at, u.disabled, u.must_change_password, u.totp_enabled_at, s.last_seen_at,
           (select d.region_code from departments d where d.id = u.department_id) as region_code,
           coalesce((select json_agg(json_build_object('role', ra.role, 'departmentId', ra.department_id, 'regionCode', ra.region_code))
                     from role_assignments ra where ra.user_id = u.id), '[]') as roles
    from sessions s join users u on u.id = s.user_id
    where s.id = ${sessionId} and s.expires_at > ${now}`.execute(db);
  const row = r.rows[0];
  if (!row || row.disabled) return undefined;
  const { region_code, roles, ...user } = row;
  return { ...user, roles, regionCode: region_code };
}

/** Marks a session used now (so that it does not idle out). */
export async function touchSession(db: Executor, sessionId: string, at: Date): Promise<void> {
  await db.updateTable("sessions").set({ last_seen_at: at }).where("id", "=", sessionId).execute();
}

export async function rolesOf(db: Executor, userId: string): Promise<RoleGrant[]> {
  const rows = await db.selectFrom("role_assignments").select(["role", "department_id", "region_code"]).where("user_id", "=", userId).execute();
  return rows.map((r) => ({ role: r.role as Role, departmentId: r.department_id, regionCode: r.region_code }));
}

/** An SMS code, kept by the blind index of its phone only (the code itself as a hash). */
export async function insertSmsCode(db: Executor, pd: PersonalData, c: { id: string; phone: string; purpose: string; codeHash: string; at: Date; expiresAt: Date }) {
  await db
    .insertInto("sms_codes")
    .values({ id: c.id, phone_index: pd.index("phone", c.phone), purpose: c.purpose, code_hash: c.codeHash, created_at: c.at, expires_at: c.expiresAt, used_at: null })
    .execute();
}

export function latestSmsCode(db: Executor, pd: PersonalData, phone: string, purpose: string) {
  return db
    .selectFrom("sms_codes")
    .selectAll()
    .where("phone_index", "in", pd.indexes("phone", phone))
    .where("purpose", "=", purpose)
    .orderBy("created_at", "desc")
    .limit(1)
    .executeTakeFirst();
}

/**
 * Counts one attempt at a code, atomically: the row is updated only while attempts are left, so
 * parallel guesses each use up one of the few tries (the row lock orders them). False: none left.
 */
export async function countSmsAttempt(db: Executor, id: string, max: number): Promise<boolean> {
  const r = await db
    .updateTable("sms_codes")
    .set((eb) => ({ attempts: eb("attempts", "+", 1) }))
    .where("id", "=", id)
    .where("attempts", "<", max)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Marks a code used, once: false when a concurrent request used it first. */
export async function markSmsCodeUsed(db: Executor, id: string, at: Date): Promise<boolean> {
  const r = await db.updateTable("sms_codes").set({ used_at: at }).where("id", "=", id).where("used_at", "is", null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export function departmentsByIds(db: Executor, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom("departments").select(["id", "name", "short_name", "region_code"]).where("id", "in", ids).execute();
}

/** Exact look-up of an applicant by the identifier on the document shown at the window. */
export async function findApplicantForClerk(db: Executor, pd: PersonalData, by: { idNumber?: string; creditCode?: string; phone?: string }) {
  let q = db.selectFrom("users").select(["id", "applicant_type", "name", "phone"]).where("kind", "=", "applicant");
  if (by.idNumber) q = q.where("id_number_index", "in", pd.indexes("id-number", by.idNumber));
  else if (by.creditCode) q = q.where("credit_code", "=", by.creditCode);
  else if (by.phone) q = q.where("phone_index", "in", pd.indexes("phone", by.phone));
  return (await q.limit(5).execute()).map((r) => openUser(pd, r));
}

/** The hashes of a user's recent earlier passwords, newest first. */
export async function recentPasswordHashes(db: Executor, userId: string, n: number): Promise<string[]> {
  const rows = await db.selectFrom("password_history").select("password_hash").where("user_id", "=", userId).orderBy("created_at", "desc").limit(n).execute();
  return rows.map((r) => r.password_hash);
}

export async function rememberPassword(db: Executor, row: { id: string; userId: string; hash: string; at: Date }): Promise<void> {
  await db.insertInto("password_history").values({ id: row.id, user_id: row.userId, password_hash: row.hash, created_at: row.at }).execute();
}

/** A user's sessions still valid at `now`, newest first. */
export function sessionsOf(db: Executor, userId: string, now: Date) {
  return db
    .selectFrom("sessions")
    .select(["id", "created_at", "last_seen_at", "ip", "expires_at"])
    .where("user_id", "=", userId)
    .where("expires_at", ">", now)
    .orderBy("created_at", "desc")
    .execute();
}

/** Ends one of a user's sessions; false when it is not theirs or already gone. */
export async function endSessionOf(db: Executor, userId: string, sessionId: string): Promise<boolean> {
  const r = await db.deleteFrom("sessions").where("id", "=", sessionId).where("user_id", "=", userId).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Sets a user's second-factor columns (secrets given in the clear, stored sealed) or language. */
export async function updateUserSecurity(
  db: Executor,
  pd: PersonalData,
  userId: string,
  set: Partial<{ totp_secret: string | null; totp_pending_secret: string | null; totp_enabled_at: Date | null; totp_last_step: number | null; lang: "zh-CN" | "en"; email: string | null }>,
): Promise<void> {
  const sealed = { ...set };
  if (set.totp_secret !== undefined) sealed.totp_secret = pd.sealOrNull(set.totp_secret);
  if (set.totp_pending_secret !== undefined) sealed.totp_pending_secret = pd.sealOrNull(set.totp_pending_secret);
  if (set.email !== undefined) sealed.email = pd.sealOrNull(set.email);
  await db.updateTable("users").set(sealed).where("id", "=", userId).execute();
}

/** Replaces a user's recovery codes with new ones (their hashes). */
export async function replaceRecoveryCodes(db: Executor, userId: string, hashes: string[], at: Date, newId: () => string): Promise<void> {
  await db.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
  if (hashes.length) {
    await db.insertInto("recovery_codes").values(hashes.map((h) => ({ id: newId(), user_id: userId, code_hash: h, created_at: at, used_at: null }))).execute();
  }
}

/** Uses an unused recovery code, once: false when there is none with that hash. */
export async function useRecoveryCode(db: Executor, userId: string, hash: string, at: Date): Promise<boolean> {
  const r = await db.updateTable("recovery_codes").set({ used_at: at }).where("user_id", "=", userId).where("code_hash", "=", hash).where("used_at", "is", null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
