import { sql } from "kysely";
import { takeCommitOrderLock } from "../platform/commitOrder.ts";
import type { Db, Executor } from "../platform/db.ts";
import type { AuditKeys } from "./keys.ts";
import { type ChainedFields, entryHash, GENESIS_HASH } from "./writer.ts";

/**
 * The sequencer: puts what commands wrote, unordered, into the order it became visible — audit
 * records are linked into the chain, integration events get their feed number.
 *
 * A command writes its audit records into `audit_pending` (one row, its records in order) and its events without a `seq`, and commits
 * without waiting for any other writer. Then one pass (one transaction under the commit-order lock,
 * so one at a time across every process) takes what is pending and committed, in the order it was
 * written: each record is hashed onto the chain's head and appended to `audit_log`, each event draws
 * the next seq. A pass commits before the next one takes the lock, so the next pass sees the head it
 * left, and a reader of the feed sees seqs appear in order, a whole pass at once: never n+1 before n
 * (docs/integration-events.md). A record committed while a pass runs is left for the next one.
 *
 * Passes are shared: every command awaits one that started after it committed, so a command returns
 * once its records are in the chain, and under load one pass links the work of many commands. What a
 * process that died between its commit and its pass left pending is taken by the next pass anywhere
 * (the scheduler runs one on every tick).
 */

const BATCH = 2000;

export interface Sequenced {
  entries: number;
  events: number;
}

/** One pass: links and numbers what is pending now, in batches; returns how much it did. */
export async function sequencePending(db: Db, keys: AuditKeys): Promise<Sequenced> {
  const done: Sequenced = { entries: 0, events: 0 };
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      await takeCommitOrderLock(trx);
      return { entries: await linkEntries(trx, keys), events: await numberEvents(trx) };
    });
    done.entries += n.entries;
    done.events += n.events;
    if (n.entries < BATCH && n.events < BATCH) return done;
  }
}

async function linkEntries(trx: Executor, keys: AuditKeys): Promise<number> {
  const pending = await trx.selectFrom("audit_pending").selectAll().orderBy("pseq").limit(BATCH).execute();
  if (!pending.length) return 0;
  const head = await trx.selectFrom("audit_log").select("hash").orderBy("seq", "desc").limit(1).executeTakeFirst();
  let prevHash = head?.hash ?? GENESIS_HASH;
  const rows = pending.flatMap((p) =>
    p.entries.map((e) => {
      // Hashed as read back from the database, exactly as verification will read them (audit/verify.ts).
      const fields: ChainedFields = {
        id: e.id, at: p.at, actorId: p.actor_id, actorKind: p.actor_kind, actorName: p.actor_name, ip: p.ip, requestId: p.request_id,
        action: e.action, objectType: e.objectType, objectId: e.objectId, caseId: e.caseId, oldValues: e.oldValues, newValues: e.newValues,
      };
      const hash = entryHash(prevHash, fields, keys.current.secret);
      const row = {
        id: e.id, at: p.at, actor_id: p.actor_id, actor_kind: p.actor_kind, actor_name: p.actor_name, ip: p.ip, request_id: p.request_id,
        action: e.action, object_type: e.objectType, object_id: e.objectId, case_id: e.caseId,
        old_values: e.oldValues === null ? null : JSON.stringify(e.oldValues),
        new_values: e.newValues === null ? null : JSON.stringify(e.newValues),
        prev_hash: prevHash, hash, key_id: keys.current.id,
      };
      prevHash = hash;
      return row;
    }),
  );
  // seq (bigserial) follows the order of the VALUES list: the chain's order, each command's records together.
  for (let i = 0; i < rows.length; i += BATCH) await trx.insertInto("audit_log").values(rows.slice(i, i + BATCH)).execute();
  // By the rows taken: one committed while this pass ran is not among them and waits for the next.
  await trx.deleteFrom("audit_pending").where("pseq", "in", pending.map((p) => p.pseq)).execute();
  return pending.length;
}

async function numberEvents(trx: Executor): Promise<number> {
  const pending = await trx.selectFrom("integration_events").select("id").where("seq", "is", null).orderBy("written").limit(BATCH).execute();
  if (!pending.length) return 0;
  const seqs = await sql<{ seq: string }>`select nextval('integration_events_seq_seq')::text as seq from generate_series(1, ${pending.length})`.execute(trx);
  const numbers = seqs.rows.map((r) => BigInt(r.seq)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const values = sql.join(pending.map((p, i) => sql`(${p.id}, ${numbers[i]!.toString()}::bigint)`));
  await sql`update integration_events as e set seq = v.seq from (values ${values}) as v(id, seq) where e.id = v.id`.execute(trx);
  return pending.length;
}

/**
 * A process's sequencer: `settle()` resolves once everything committed before the call is sequenced.
 * Callers that arrive while a pass runs share the next one; a failed pass fails its callers (their
 * commands are committed: the next pass, or the scheduler's, links their records).
 */
export function createSequencer(db: Db, keys: () => AuditKeys): { settle: () => Promise<void> } {
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const pass = async () => {
    await sequencePending(db, keys());
  };
  const settle = (): Promise<void> => {
    if (next) return next;
    if (!running) {
      running = pass().finally(() => {
        running = null;
      });
      return running;
    }
    next = running
      .catch(() => undefined)
      .then(() => {
        next = null;
        running = pass().finally(() => {
          running = null;
        });
        return running;
      });
    return next;
  };
  return { settle };
}
