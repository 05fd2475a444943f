import { createHash } from "node:crypto";
import type { Actor } from "../platform/actor.ts";
import type { Executor } from "../platform/db.ts";
import { newToken } from "../platform/ids.ts";
import { systemClock } from "../platform/clock.ts";
import { findSessionUser, insertSession } from "./repository.ts";

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

export async function actorFromSession(db: Executor, token: string): Promise<Actor | undefined> {
  const u = await findSessionUser(db, sessionIdOf(token), systemClock.now());
  if (!u) return undefined;
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
    // Until an initial password sent by SMS is changed, the account acts with none of its roles:
    // it can read /api/me and change the password, nothing else.
    roles: u.must_change_password ? [] : u.roles,
  };
}
