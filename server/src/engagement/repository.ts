import type { ExpressionBuilder } from "kysely";
import type { Executor } from "../platform/db.ts";
import type { Database } from "../platform/schema.ts";

export type InboxAudience = { userId: string; grants: { departmentId: string; role: string }[] };

/** Messages to the user, and to any department role the user holds (or to the whole department). */
function addressedTo(a: InboxAudience) {
  return (eb: ExpressionBuilder<Database, "inbox">) =>
    eb.or([
      eb("inbox.user_id", "=", a.userId),
      ...a.grants.map((g) => eb.and([eb("inbox.department_id", "=", g.departmentId), eb.or([eb("inbox.role", "is", null), eb("inbox.role", "=", g.role)])])),
    ]);
}

/** The user's messages, newest first, each with the time this user read it (if they did). */
export function inboxFor(db: Executor, a: InboxAudience, limit: number) {
  return db
    .selectFrom("inbox")
    .leftJoin("inbox_reads", (j) => j.onRef("inbox_reads.message_id", "=", "inbox.id").on("inbox_reads.user_id", "=", a.userId))
    .select(["inbox.id", "inbox.title", "inbox.text", "inbox.case_id", "inbox.created_at", "inbox_reads.read_at"])
    .where(addressedTo(a))
    .orderBy("inbox.created_at", "desc")
    .limit(limit)
    .execute();
}

/** Of these messages (all, when `ids` is null), the ones addressed to the user and not yet read by them. */
export async function unreadOf(db: Executor, a: InboxAudience, ids: string[] | null): Promise<string[]> {
  let q = db
    .selectFrom("inbox")
    .leftJoin("inbox_reads", (j) => j.onRef("inbox_reads.message_id", "=", "inbox.id").on("inbox_reads.user_id", "=", a.userId))
    .select("inbox.id")
    .where(addressedTo(a))
    .where("inbox_reads.read_at", "is", null);
  if (ids) q = q.where("inbox.id", "in", ids);
  return (await q.execute()).map((r) => r.id);
}

export function isAddressedTo(db: Executor, a: InboxAudience, id: string) {
  return db.selectFrom("inbox").select("inbox.id").where("inbox.id", "=", id).where(addressedTo(a)).executeTakeFirst();
}

export async function markRead(db: Executor, userId: string, ids: string[], at: Date): Promise<void> {
  if (!ids.length) return;
  await db
    .insertInto("inbox_reads")
    .values(ids.map((id) => ({ message_id: id, user_id: userId, read_at: at })))
    .onConflict((oc) => oc.columns(["message_id", "user_id"]).doNothing())
    .execute();
}
