import type { Executor } from "../platform/db.ts";

/** Messages to the user, and to any department role the user holds (or to the whole department). */
export function inboxFor(db: Executor, userId: string, grants: { departmentId: string; role: string }[], limit: number) {
  return db
    .selectFrom("inbox")
    .selectAll()
    .where((eb) =>
      eb.or([
        eb("user_id", "=", userId),
        ...grants.map((g) => eb.and([eb("department_id", "=", g.departmentId), eb.or([eb("role", "is", null), eb("role", "=", g.role)])])),
      ]),
    )
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
}
