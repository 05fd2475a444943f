import type { Config } from "../platform/config.ts";
import type { Executor } from "../platform/db.ts";
import { type Checkpoint, checkpointValid, latestCheckpoint } from "./checkpoints.ts";
import { auditKeysOf } from "./keys.ts";
import { entryHash, GENESIS_HASH } from "./writer.ts";

/** What a verification found wrong, when it did. */
export type ChainProblem =
  | "entry-altered" // an entry edited, inserted, reordered or deleted in the middle: its hash or link no longer holds
  | "unknown-key" // an entry signed with a key the platform does not hold
  | "entries-missing" // fewer entries than the last checkpoint counted: the newest were deleted, or the table emptied
  | "checkpoint-mismatch" // the entry a checkpoint names is not the one it signed
  | "checkpoint-forged"; // a checkpoint whose signature does not hold

export interface VerifyResult {
  ok: boolean;
  entries: number;
  firstBadEntry?: string;
  problem?: ChainProblem;
  checkpoint?: { entries: number; at: string };
}

/**
 * Walks the whole chain in order and recomputes every keyed hash, then holds the result against the
 * newest signed checkpoint: edits, insertions, reordering and deletions anywhere — including the
 * newest entries and the whole table — are reported.
 */
export async function verifyAuditChain(db: Executor, config: Config, batch = 2000): Promise<VerifyResult> {
  const keys = auditKeysOf(config);
  const checkpoint = await latestCheckpoint(db, config);
  const cp = checkpoint ? { entries: checkpoint.entries, at: checkpoint.at } : undefined;
  const withCheckpoint = (r: VerifyResult): VerifyResult => (cp ? { ...r, checkpoint: cp } : r);
  if (checkpoint && !checkpointValid(keys, checkpoint)) return withCheckpoint({ ok: false, entries: 0, problem: "checkpoint-forged" });

  let prev = GENESIS_HASH;
  // From the very lowest sequence number: a row slipped in "before the first" is walked too.
  let lastSeq = Number.MIN_SAFE_INTEGER;
  let entries = 0;
  let atCheckpoint: { seq: number; hash: string } | undefined;
  for (;;) {
    const rows = await db.selectFrom("audit_log").selectAll().where("seq", ">", lastSeq).orderBy("seq").limit(batch).execute();
    for (const r of rows) {
      const key = r.key_id === null ? null : keys.byId.get(r.key_id);
      if (key === undefined) return withCheckpoint({ ok: false, entries, firstBadEntry: r.id, problem: "unknown-key" });
      const expected = entryHash(
        prev,
        {
          id: r.id, at: r.at, actorId: r.actor_id, actorKind: r.actor_kind, actorName: r.actor_name, ip: r.ip, requestId: r.request_id,
          action: r.action, objectType: r.object_type, objectId: r.object_id, caseId: r.case_id, oldValues: r.old_values, newValues: r.new_values,
        },
        key,
      );
      if (r.prev_hash !== prev || r.hash !== expected) return withCheckpoint({ ok: false, entries, firstBadEntry: r.id, problem: "entry-altered" });
      prev = r.hash;
      lastSeq = r.seq;
      entries++;
      if (checkpoint && r.seq === checkpoint.lastSeq) atCheckpoint = { seq: r.seq, hash: r.hash };
    }
    if (rows.length < batch) break;
  }
  return withCheckpoint(againstCheckpoint(checkpoint, entries, atCheckpoint));
}

function againstCheckpoint(c: Checkpoint | undefined, entries: number, at: { hash: string } | undefined): VerifyResult {
  if (!c) return { ok: true, entries };
  if (entries < c.entries || !at) return { ok: false, entries, problem: "entries-missing" };
  if (at.hash !== c.headHash) return { ok: false, entries, problem: "checkpoint-mismatch" };
  return { ok: true, entries };
}
