import { sql } from "kysely";
import type { Executor } from "./db.ts";

/**
 * The one transaction-level advisory lock that serialises what must be appended in commit order:
 * the audit chain (each entry hashes its predecessor) and the integration event feed (whose `seq` is
 * a reader's cursor). Only the sequencer takes it (audit/sequencer.ts), one short pass at a time,
 * after the commands it orders have committed. Held until its transaction ends.
 */
export const COMMIT_ORDER_LOCK = 730_001;

export async function takeCommitOrderLock(trx: Executor): Promise<void> {
  await sql`select pg_advisory_xact_lock(${COMMIT_ORDER_LOCK})`.execute(trx);
}
