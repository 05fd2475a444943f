import type { Executor } from "../platform/db.ts";
import { entryHash, GENESIS_HASH } from "./writer.ts";

export interface VerifyResult {
  ok: boolean;
  entries: number;
  firstBadEntry?: string;
}

/** Walks the whole chain in order and recomputes every hash. */
export async function verifyAuditChain(db: Executor, batch = 2000): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let lastSeq = 0;
  let entries = 0;
  for (;;) {
    const rows = await db.selectFrom("audit_log").selectAll().where("seq", ">", lastSeq).orderBy("seq").limit(batch).execute();
    if (rows.length === 0) return { ok: true, entries };
    for (const r of rows) {
      const expected = entryHash(prev, {
        id: r.id,
        at: r.at,
        actorId: r.actor_id,
        actorKind: r.actor_kind,
        actorName: r.actor_name,
        ip: r.ip,
        requestId: r.request_id,
        action: r.action,
        objectType: r.object_type,
        objectId: r.object_id,
        caseId: r.case_id,
        oldValues: r.old_values,
        newValues: r.new_values,
      });
      if (r.prev_hash !== prev || r.hash !== expected) return { ok: false, entries, firstBadEntry: r.id };
      prev = r.hash;
      lastSeq = r.seq;
      entries++;
    }
  }
}
