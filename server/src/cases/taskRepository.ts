import type { Insertable } from "kysely";
import type { Ctx } from "../audit/command.ts";
import type { Executor } from "../platform/db.ts";
import type { TasksTable } from "../platform/schema.ts";

export async function insertTasks(db: Executor, rows: Insertable<TasksTable>[]) {
  if (rows.length) await db.insertInto("tasks").values(rows).execute();
}

export function tasksOfCase(db: Executor, caseId: string) {
  return db
    .selectFrom("tasks")
    .leftJoin("departments", "departments.id", "tasks.department_id")
    .leftJoin("users as claimer", "claimer.id", "tasks.claimed_by")
    .leftJoin("users as completer", "completer.id", "tasks.completed_by")
    .selectAll("tasks")
    .select(["departments.name as department_name", "claimer.name as claimer_name", "completer.name as completer_name"])
    .where("tasks.case_id", "=", caseId)
    .orderBy("tasks.opened_at")
    .orderBy("tasks.step_index")
    .execute();
}

export function findTask(db: Executor, id: string) {
  return db.selectFrom("tasks").selectAll().where("id", "=", id).executeTakeFirst();
}

/**
 * Marks a task claimed only if nobody did first; returns false when another claim won the race.
 */
export async function claimTaskRow(db: Executor, id: string, userId: string, at: Date): Promise<boolean> {
  const r = await db
    .updateTable("tasks")
    .set({ status: "claimed", claimed_by: userId, claimed_at: at })
    .where("id", "=", id)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Completes a task only if it is still open or claimed by this user; false when someone else got
 * there first. Every completion of a workflow task passes here, so its department's systems hear of it.
 */
export async function completeTaskRow(
  ctx: Pick<Ctx, "trx" | "event">,
  caseId: string,
  id: string,
  /** The person completing it; null for a department system, which completes a claimed task too (R5). */
  userId: string | null,
  patch: { outcome: "pass" | "fail" | "return"; opinion: string; attachments: string; record: string | null; at: Date },
): Promise<boolean> {
  const r = await ctx.trx
    .updateTable("tasks")
    .set({
      status: "done",
      outcome: patch.outcome,
      opinion: patch.opinion,
      attachments: patch.attachments,
      record: patch.record,
      completed_at: patch.at,
      completed_by: userId,
      ...(userId ? { claimed_by: userId } : {}),
    })
    .where("id", "=", id)
    .where((eb) => (userId ? eb.or([eb("status", "=", "open"), eb.and([eb("status", "=", "claimed"), eb("claimed_by", "=", userId)])]) : eb("status", "in", ["open", "claimed"])))
    .executeTakeFirst();
  const won = Number(r.numUpdatedRows) === 1;
  if (won) ctx.event({ type: "task.completed", caseId, taskId: id });
  return won;
}

export async function cancelOpenTasks(db: Executor, caseId: string) {
  await db.updateTable("tasks").set({ status: "cancelled" }).where("case_id", "=", caseId).where("status", "in", ["open", "claimed"]).execute();
}

/** Open tasks in the given (department, role) queues that the user may see: unassigned or assigned to them. */
export function openTasksFor(db: Executor, queues: { departmentId: string; role: string }[], userId: string, filter: { kind?: string; itemId?: string }) {
  if (!queues.length) return Promise.resolve([]);
  let q = db
    .selectFrom("tasks")
    .innerJoin("cases", "cases.id", "tasks.case_id")
    .innerJoin("items", "items.id", "cases.item_id")
    .innerJoin("departments", "departments.id", "tasks.department_id")
    .innerJoin("users as applicant", "applicant.id", "cases.applicant_id")
    .select([
      "tasks.id", "tasks.case_id", "tasks.kind", "tasks.name", "tasks.status", "tasks.due_date", "tasks.light", "tasks.opened_at",
      "tasks.claimed_by", "tasks.department_id", "departments.name as department_name", "items.name as item_name", "items.id as item_id",
      "cases.supervision_code", "cases.reference_no", "cases.status as case_status", "applicant.name as applicant_name",
    ])
    .where("tasks.status", "in", ["open", "claimed"])
    .where((eb) => eb.or(queues.map((qq) => eb.and([eb("tasks.department_id", "=", qq.departmentId), eb("tasks.role", "=", qq.role)]))))
    .where((eb) => eb.or([eb("tasks.assignee_id", "is", null), eb("tasks.assignee_id", "=", userId)]))
    .where((eb) => eb.or([eb("tasks.claimed_by", "is", null), eb("tasks.claimed_by", "=", userId)]))
    // A case waiting for the applicant's supplement is not actionable.
    .where("cases.status", "not in", ["supplement_requested", "suspended"]);
  if (filter.kind) q = q.where("tasks.kind", "=", filter.kind as never);
  if (filter.itemId) q = q.where("cases.item_id", "=", filter.itemId);
  return q.orderBy("tasks.due_date").orderBy("tasks.opened_at").limit(500).execute();
}

export async function setTaskAttachments(db: Executor, taskId: string, attachments: unknown[]) {
  await db.updateTable("tasks").set({ attachments: JSON.stringify(attachments) }).where("id", "=", taskId).execute();
}
