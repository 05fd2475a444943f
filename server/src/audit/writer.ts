import { createHash } from "node:crypto";
import { type Actor, actorId, actorName } from "../platform/actor.ts";
import { canonicalJson } from "../platform/canonicalJson.ts";
import { takeCommitOrderLock } from "../platform/commitOrder.ts";
import type { RequestMeta } from "../platform/context.ts";
import type { Executor } from "../platform/db.ts";
import { newId } from "../platform/ids.ts";
import type { AuditEntry } from "./events.ts";
import { type AuditKeys, hmacHex } from "./keys.ts";

export const GENESIS_HASH = "0".repeat(64);

export interface ChainedFields {
  id: string;
  at: Date;
  actorId: string | null;
  actorKind: string;
  actorName: string | null;
  ip: string | null;
  requestId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  caseId: string | null;
  oldValues: unknown;
  newValues: unknown;
}

/**
 * The hash that links an entry to its predecessor; any later edit of either breaks the chain. Keyed
 * (HMAC-SHA256 with the audit key) so that nobody without the key can recompute it; entries written
 * before the chain was keyed carry no key id and a plain SHA-256.
 */
export function entryHash(prevHash: string, f: ChainedFields, key: Buffer | null): string {
  if (key) return hmacHex(key, prevHash, canonicalJson(f));
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(f)).digest("hex");
}

/** Appends one audit record inside the caller's transaction (R40: who, what, when, on what). */
export async function writeAudit(trx: Executor, keys: AuditKeys, actor: Actor, at: Date, meta: RequestMeta, entry: AuditEntry): Promise<void> {
  await writeAuditEntries(trx, keys, actor, at, meta, [entry]);
}

/**
 * Appends a command's audit records, in order, inside its transaction: one lock, one look at the chain's
 * head and one insert. Entries are appended strictly one after another (the lock is held until commit),
 * so `runCommand` writes them last, when the command's own work is done: the part of a transaction that
 * every writer of the platform waits for is only this.
 */
export async function writeAuditEntries(trx: Executor, keys: AuditKeys, actor: Actor, at: Date, meta: RequestMeta, entries: readonly AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  await takeCommitOrderLock(trx);
  const last = await trx.selectFrom("audit_log").select("hash").orderBy("seq", "desc").limit(1).executeTakeFirst();
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = entries.map((entry) => {
    const fields: ChainedFields = {
      id: newId(),
      at,
      // A department system's calls are recorded under its client's id and name.
      actorId: actor.kind === "integration" ? actor.id : actorId(actor),
      actorKind: actor.kind,
      actorName: actorName(actor),
      ip: meta.ip,
      requestId: meta.requestId,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId,
      caseId: entry.caseId ?? null,
      oldValues: entry.oldValues ?? null,
      newValues: entry.newValues ?? null,
    };
    const hash = entryHash(prevHash, fields, keys.current.secret);
    const row = {
      id: fields.id,
      at,
      actor_id: fields.actorId,
      actor_kind: fields.actorKind,
      actor_name: fields.actorName,
      ip: fields.ip,
      request_id: fields.requestId,
      action: fields.action,
      object_type: fields.objectType,
      object_id: fields.objectId,
      case_id: fields.caseId,
      old_values: fields.oldValues === null ? null : JSON.stringify(fields.oldValues),
      new_values: fields.newValues === null ? null : JSON.stringify(fields.newValues),
      prev_hash: prevHash,
      hash,
      key_id: keys.current.id,
    };
    prevHash = hash;
    return row;
  });
  // seq (bigserial) follows the order of the VALUES list: the chain's order.
  await trx.insertInto("audit_log").values(rows).execute();
}
