import { type Insertable, sql } from "kysely";
import type { Executor } from "../platform/db.ts";
import type { ConsultationsTable } from "../platform/schema.ts";

export async function insertConsultation(db: Executor, row: Insertable<ConsultationsTable>) {
  await db.insertInto("consultations").values(row).execute();
}

function consultationsQuery(db: Executor) {
  return db
    .selectFrom("consultations")
    .innerJoin("departments", "departments.id", "consultations.department_id")
    .innerJoin("users as applicant", "applicant.id", "consultations.applicant_id")
    .innerJoin("users as assignee", "assignee.id", "consultations.assignee_id")
    .leftJoin("users as replier", "replier.id", "consultations.replied_by")
    .leftJoin("items", "items.id", "consultations.item_id")
    .leftJoin("cases", "cases.id", "consultations.case_id")
    .select([
      "consultations.id", "consultations.kind", "consultations.applicant_id", "consultations.item_id", "consultations.case_id",
      "consultations.department_id", "consultations.subject", "consultations.text", "consultations.created_at", "consultations.reply_due_date",
      "consultations.yellow_from", "consultations.assignee_id", "consultations.status", "consultations.reply_text", "consultations.replied_at",
      "departments.name as department_name", "applicant.name as applicant_name", "assignee.name as assignee_name", "replier.name as replier_name",
      "items.name as item_name", "cases.supervision_code",
    ]);
}
export type ConsultationRow = NonNullable<Awaited<ReturnType<typeof findConsultation>>>;

export function findConsultation(db: Executor, id: string, opts: { lock?: boolean } = {}) {
  let q = consultationsQuery(db).where("consultations.id", "=", id);
  if (opts.lock) q = q.forUpdate("consultations");
  return q.executeTakeFirst();
}

export type ConsultationScope = { all: true } | { applicantId: string } | { departmentIds: string[] };
export interface ConsultationFilter {
  status?: "open" | "answered" | undefined;
  light?: "yellow" | "red" | undefined;
  assigneeId?: string | undefined;
  departmentId?: string | undefined;
}

/** Questions in a scope, most urgent first: open ones by reply date, then answered ones newest first. */
export function listConsultations(db: Executor, scope: ConsultationScope, filter: ConsultationFilter, today: string) {
  let q = consultationsQuery(db);
  if ("applicantId" in scope) q = q.where("consultations.applicant_id", "=", scope.applicantId);
  else if ("departmentIds" in scope) q = q.where("consultations.department_id", "in", scope.departmentIds);
  if (filter.status) q = q.where("consultations.status", "=", filter.status);
  if (filter.assigneeId) q = q.where("consultations.assignee_id", "=", filter.assigneeId);
  if (filter.departmentId) q = q.where("consultations.department_id", "=", filter.departmentId);
  if (filter.light === "red") q = q.where("consultations.status", "=", "open").where("consultations.reply_due_date", "<", today);
  if (filter.light === "yellow") {
    q = q.where("consultations.status", "=", "open").where("consultations.yellow_from", "<=", today).where("consultations.reply_due_date", ">=", today);
  }
  return q
    .orderBy(sql`case when consultations.status = 'open' then 0 else 1 end`)
    .orderBy(sql`case when consultations.status = 'open' then consultations.reply_due_date end`)
    .orderBy("consultations.created_at", "desc")
    .limit(300)
    .execute();
}

/** Open questions per department: how many, how many near their reply date (yellow), how many past it (red). */
export function openConsultationFigures(db: Executor, today: string, scope: Exclude<ConsultationScope, { applicantId: string }>, assigneeId?: string) {
  let q = db
    .selectFrom("consultations as c")
    .innerJoin("departments as d", "d.id", "c.department_id")
    .select((eb) => [
      "c.department_id",
      "d.region_code",
      eb.fn.countAll<number>().as("open"),
      sql<number>`count(*) filter (where c.yellow_from <= ${today} and c.reply_due_date >= ${today})`.as("yellow"),
      sql<number>`count(*) filter (where c.reply_due_date < ${today})`.as("red"),
    ])
    .where("c.status", "=", "open")
    .groupBy(["c.department_id", "d.region_code"]);
  if ("departmentIds" in scope) q = q.where("c.department_id", "in", scope.departmentIds);
  if (assigneeId) q = q.where("c.assignee_id", "=", assigneeId);
  return q.execute();
}
export type ConsultationFigures = Awaited<ReturnType<typeof openConsultationFigures>>;

/** The sum of the figures (of the rows kept). */
export function sumConsultationFigures(rows: ConsultationFigures, keep: (r: ConsultationFigures[number]) => boolean = () => true) {
  const sum = (k: "open" | "yellow" | "red") => rows.filter(keep).reduce((n, r) => n + Number(r[k]), 0);
  return { open: sum("open"), yellow: sum("yellow"), red: sum("red") };
}

/**
 * Who answers a new question by default: an active staff member of the department, window clerks
 * first, then heads, then anyone else there; among them the one with the fewest open questions.
 */
export function leastLoadedStaff(db: Executor, departmentId: string) {
  return db
    .selectFrom("users")
    .innerJoin("role_assignments as ra", "ra.user_id", "users.id")
    .leftJoin("consultations as c", (j) => j.onRef("c.assignee_id", "=", "users.id").on("c.status", "=", "open"))
    .select(["users.id", "users.name"])
    .where("ra.department_id", "=", departmentId)
    .where("users.kind", "=", "staff")
    .where("users.disabled", "=", false)
    .groupBy(["users.id", "users.name", "users.username"])
    .orderBy(sql`min(case ra.role when 'clerk' then 0 when 'department-head' then 1 else 2 end)`)
    .orderBy(sql`count(distinct c.id)`)
    .orderBy("users.username")
    .orderBy("users.id")
    .executeTakeFirst();
}

/** The active staff of a department (anyone holding a role there), by name. */
export function departmentStaff(db: Executor, departmentId: string) {
  return db
    .selectFrom("users")
    .select(["users.id", "users.name"])
    .where("users.kind", "=", "staff")
    .where("users.disabled", "=", false)
    .where((eb) => eb.exists(eb.selectFrom("role_assignments as ra").select("ra.id").whereRef("ra.user_id", "=", "users.id").where("ra.department_id", "=", departmentId)))
    .orderBy("users.name")
    .orderBy("users.id")
    .execute();
}

export async function setConsultationAssignee(db: Executor, id: string, assigneeId: string): Promise<void> {
  await db.updateTable("consultations").set({ assignee_id: assigneeId }).where("id", "=", id).execute();
}

export async function answerConsultationRow(db: Executor, id: string, reply: { text: string; by: string; at: Date }): Promise<boolean> {
  const res = await db
    .updateTable("consultations")
    .set({ status: "answered", reply_text: reply.text, replied_by: reply.by, replied_at: reply.at })
    .where("id", "=", id)
    .where("status", "=", "open")
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
