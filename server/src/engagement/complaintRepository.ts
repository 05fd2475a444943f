import { type Insertable, sql } from "kysely";
import { handledTasksOf } from "../caseRecord/handlers.ts";
import type { Executor } from "../platform/db.ts";
import type { ComplaintsTable, EvaluationsTable } from "../platform/schema.ts";

export async function insertComplaint(db: Executor, row: Insertable<ComplaintsTable>) {
  await db.insertInto("complaints").values(row).execute();
}

export async function insertEvaluation(db: Executor, row: Insertable<EvaluationsTable>) {
  await db.insertInto("evaluations").values(row).execute();
}

export function evaluationOfCase(db: Executor, caseId: string) {
  return db.selectFrom("evaluations").selectAll().where("case_id", "=", caseId).executeTakeFirst();
}

function complaintsQuery(db: Executor) {
  return db
    .selectFrom("complaints")
    .innerJoin("departments", "departments.id", "complaints.department_id")
    .innerJoin("users as applicant", "applicant.id", "complaints.applicant_id")
    .leftJoin("users as replier", "replier.id", "complaints.replied_by")
    .leftJoin("cases", "cases.id", "complaints.case_id")
    .select([
      "complaints.id", "complaints.kind", "complaints.applicant_id", "complaints.case_id", "complaints.department_id", "complaints.subject",
      "complaints.text", "complaints.created_at", "complaints.reply_due_date", "complaints.status", "complaints.reply_text",
      "complaints.replied_at", "departments.name as department_name", "applicant.name as applicant_name", "replier.name as replier_name",
      "cases.supervision_code",
    ]);
}
export type ComplaintRow = NonNullable<Awaited<ReturnType<typeof findComplaint>>>;

export function findComplaint(db: Executor, id: string, opts: { lock?: boolean } = {}) {
  let q = complaintsQuery(db).where("complaints.id", "=", id);
  if (opts.lock) q = q.forUpdate("complaints");
  return q.executeTakeFirst();
}

export function listComplaints(
  db: Executor,
  scope: { all: true } | { applicantId: string } | { departmentIds: string[] },
  filter: { status?: "open" | "replied" | undefined },
) {
  let q = complaintsQuery(db);
  if ("applicantId" in scope) q = q.where("complaints.applicant_id", "=", scope.applicantId);
  else if ("departmentIds" in scope) q = q.where("complaints.department_id", "in", scope.departmentIds);
  if (filter.status) q = q.where("complaints.status", "=", filter.status);
  return q.orderBy("complaints.created_at", "desc").limit(300).execute();
}

export async function replyToComplaint(db: Executor, id: string, reply: { text: string; by: string; at: Date }): Promise<boolean> {
  const res = await db
    .updateTable("complaints")
    .set({ status: "replied", reply_text: reply.text, replied_by: reply.by, replied_at: reply.at })
    .where("id", "=", id)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The figures of a set of evaluations (R37): how many, the average level, the satisfied (4–5) and the dissatisfied (1–2). */
const evaluationTotals = [
  sql<number>`count(*)`.as("n"),
  sql<number>`avg(evaluations.level)`.as("average"),
  sql<number>`count(*) filter (where evaluations.level >= 4)`.as("satisfied"),
  sql<number>`count(*) filter (where evaluations.level <= 2)`.as("dissatisfied"),
];

/** Per department: the evaluation figures of [from, to). */
export function evaluationFigures(db: Executor, from: Date, to: Date, departmentIds?: string[]) {
  let q = db
    .selectFrom("evaluations")
    .select(["department_id", ...evaluationTotals])
    .where("created_at", ">=", from)
    .where("created_at", "<", to)
    .groupBy("department_id");
  if (departmentIds) {
    if (!departmentIds.length) return Promise.resolve([]);
    q = q.where("department_id", "in", departmentIds);
  }
  return q.execute();
}

/**
 * Per staff member of a department: the evaluation figures of the cases they handled in [from, to)
 * (caseRecord/handlers.ts), whenever the evaluation was given (R37(2)).
 */
export function evaluationsByStaff(db: Executor, departmentId: string, from: Date, to: Date) {
  const handled = handledTasksOf(db, departmentId, from, to).select(["tasks.completed_by as staff_id", "tasks.case_id"]).distinct();
  return db
    .selectFrom(handled.as("h"))
    .innerJoin("evaluations", "evaluations.case_id", "h.case_id")
    .select(["h.staff_id", ...evaluationTotals])
    .groupBy("h.staff_id")
    .execute();
}
