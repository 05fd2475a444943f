import { createHash } from "node:crypto";
import type { Actor } from "../platform/actor.ts";
import type { Executor } from "../platform/db.ts";
import { newToken } from "../platform/ids.ts";
import { systemClock } from "../platform/clock.ts";
import { deleteSession, findSessionUser, insertSession, touchSession } from "./repository.ts";

export const SESSION_COOKIE = "cq_sid";

/** Only the hash of a session token is stored: a leaked table does not leak sessions. */
export const sessionIdOf = (token: string): string => createHash("sha256").update(token).digest("hex");

/**
 * Sessions live in real time, not in the platform's business time: moving the demo clock by weeks
 * must not log everybody out, and a session's age is a security matter, not a legal deadline.
 */
export async function openSession(db: Executor, userId: string, _businessTime: Date, days: number, ip: string | null): Promise<{ token: string; expiresAt: Date }> {
  const at = systemClock.now();
  const token = newToken();
  const expiresAt = new Date(at.getTime() + days * 86_400_000);
  await insertSession(db, { id: sessionIdOf(token), userId, at, expiresAt, ip });
  return { token, expiresAt };
}

/** How staff sessions behave: a second factor required or not, and how long one may idle. */
export interface StaffSessionRules {
  staffMfa: "required" | "optional";
  staffIdleMinutes: number;
}

/** A staff account acts with none of its roles until the initial password is changed and, where required, a second factor enrolled. */
export const rolesWithheld = (u: { must_change_password: boolean; totp_enabled_at: Date | null }, rules: Pick<StaffSessionRules, "staffMfa">): boolean =>
  u.must_change_password || (rules.staffMfa === "required" && !u.totp_enabled_at);

export async function actorFromSession(db: Executor, token: string, rules: StaffSessionRules): Promise<Actor | undefined> {
  const now = systemClock.now();
  const id = sessionIdOf(token);
  const u = await findSessionUser(db, id, now);
  if (!u) return undefined;
  if (u.kind === "staff") {
    // A staff session left alone ends (等保: idle timeout); one in use is touched at most once a minute.
    const seen = u.last_seen_at?.getTime() ?? 0;
    if (now.getTime() - seen > rules.staffIdleMinutes * 60_000) {
      await deleteSession(db, id);
      return undefined;
    }
    if (now.getTime() - seen > 60_000) await touchSession(db, id, now);
  }
  if (u.kind === "applicant") {
    return { kind: "applicant", id: u.id, name: u.name, applicantType: u.applicant_type ?? "person" };
  }
  return {
    kind: "staff",
    id: u.id,
    name: u.name,
    departmentId: u.department_id,
    regionCode: u.regionCode,
    trained: u.trained_at !== null,
    // Until an initial password sent by SMS is changed (and a required second factor enrolled), the
    // account acts with none of its roles: it can read /api/me, change the password, enroll, nothing else.
    roles: rolesWithheld(u, rules) ? [] : u.roles,
  };
}
