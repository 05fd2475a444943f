import { type SelectQueryBuilder, sql } from "kysely";
import type { Executor } from "../platform/db.ts";
import type { Database } from "../platform/schema.ts";

/**
 * Who handled a case (办理人员, R37(2)) — the one definition used by the per-staff statistics and
 * by the bad-evaluation work orders:
 *
 * A staff member handled a case for a department when they completed a task of the case in that
 * department's queue: the acceptance (recorded as a done task of the `accept` step by the clerk who
 * accepted), a review, a co-handling opinion, an offline or third-party record, a push, the
 * decision or the delivery. Claiming a task without completing it, cancelled tasks and what the
 * platform did itself (a deemed acceptance) count for nobody. A task completed "on time" is one
 * completed no later than its due date (Asia/Shanghai day); tasks without a due date (the
 * acceptance record) and steps whose time the law does not count (Art. 45: the clock stops) are
 * left out of the on-time rate.
 */
export function handledTasks(db: Executor): SelectQueryBuilder<Database, "tasks" | "users", object> {
  return db
    .selectFrom("tasks")
    .innerJoin("users", "users.id", "tasks.completed_by")
    .where("tasks.status", "=", "done");
}

/** A handled task counts towards the on-time rate: it had a due date and its clock ran. */
const timed = sql<boolean>`tasks.due_date is not null and not tasks.clock_stopped`;
/** … and it was completed by the end of its due date. */
const onTime = sql<boolean>`${timed} and to_char(tasks.completed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') <= tasks.due_date`;

/** The tasks the staff of a department handled (completed) in [from, to). */
export function handledTasksOf(db: Executor, departmentId: string, from: Date, to: Date) {
  return handledTasks(db).where("tasks.department_id", "=", departmentId).where("tasks.completed_at", ">=", from).where("tasks.completed_at", "<", to);
}

/** Per staff member of a department: the cases and tasks they handled in [from, to), and how many of the timed ones on time. */
export function handlingByStaff(db: Executor, departmentId: string, from: Date, to: Date) {
  return handledTasksOf(db, departmentId, from, to)
    .select([
      "users.id as staff_id",
      "users.name as staff_name",
      sql<number>`count(distinct tasks.case_id)`.as("cases"),
      sql<number>`count(*)`.as("tasks"),
      sql<number>`count(*) filter (where ${timed})`.as("timed"),
      sql<number>`count(*) filter (where ${onTime})`.as("on_time"),
    ])
    .groupBy(["users.id", "users.name"])
    .execute();
}

/** The staff who handled these cases, each with the step they completed and its department, in the order they did. */
export function handlersOfCases(db: Executor, caseIds: string[]) {
  if (!caseIds.length) return Promise.resolve([]);
  return handledTasks(db)
    .innerJoin("departments", "departments.id", "tasks.department_id")
    .where("tasks.case_id", "in", caseIds)
    .select(["tasks.case_id", "tasks.name as step", "tasks.kind", "users.name as staff_name", "departments.name as department_name", "tasks.completed_at"])
    .orderBy("tasks.completed_at")
    .execute();
}
