import type { Executor } from "./db.ts";

/** Next number of a per-key sequence (document numbers), race-free inside the transaction. */
export async function nextCounter(db: Executor, key: string): Promise<number> {
  const row = await db
    .insertInto("counters")
    .values({ key, value: 1 })
    .onConflict((oc) => oc.column("key").doUpdateSet((eb) => ({ value: eb("counters.value", "+", 1) })))
    .returning("value")
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
