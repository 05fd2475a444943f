import { createHash } from "node:crypto";
import { type Actor, actorId, actorName } from "../platform/actor.ts";
import { canonicalJson } from "../platform/canonicalJson.ts";
import type { RequestMeta } from "../platform/context.ts";
import type { Executor } from "../platform/db.ts";
import type { PendingAuditRecord } from "../platform/schema.ts";
import { newId } from "../platform/ids.ts";
import type { AuditEntry } from "./events.ts";
import { hmacHex } from "./keys.ts";

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

/** Records one audit entry inside the caller's transaction (R40: who, what, when, on what). */
export async function writeAudit(trx: Executor, actor: Actor, at: Date, meta: RequestMeta, entry: AuditEntry): Promise<void> {
  await writeAuditEntries(trx, actor, at, meta, [entry]);
}

/**
 * Records a command's audit entries, in order, inside its transaction: one row that holds them all,
 * so that they stay together in the chain. They commit or roll back with the command; the sequencer
 * then links them in the order commands became visible (audit/sequencer.ts) — no writer waits for
 * another here.
 */
export async function writeAuditEntries(trx: Executor, actor: Actor, at: Date, meta: RequestMeta, entries: readonly AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  const records: PendingAuditRecord[] = entries.map((entry) => ({
    id: newId(),
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    caseId: entry.caseId ?? null,
    oldValues: entry.oldValues ?? null,
    newValues: entry.newValues ?? null,
  }));
  await trx
    .insertInto("audit_pending")
    .values({
      at,
      // A department system's calls are recorded under its client's id and name.
      actor_id: actor.kind === "integration" ? actor.id : actorId(actor),
      actor_kind: actor.kind,
      actor_name: actorName(actor),
      ip: meta.ip,
      request_id: meta.requestId,
      entries: JSON.stringify(records),
    })
    .execute();
}
