import type { IntegrationEventType } from "@cq/contracts";
import { sql } from "kysely";
import type { Executor } from "./db.ts";
import { newId } from "./ids.ts";

/**
 * The event feed of department systems (R5, R27): what happened to a case, one row per department
 * concerned, written inside the transaction of the command that made it happen.
 *
 * Commit order. A reader follows the feed with `seq > cursor`; it must never see seq n+1 before n,
 * or it would move its cursor past n and skip it when n's transaction commits later. So an event is
 * written without a seq, and numbered after its command committed by the sequencer
 * (audit/sequencer.ts), one pass at a time under the commit-order lock: seqs become visible strictly
 * in order, a pass at a time (docs/integration-events.md).
 *
 * Departments: a task's events go to the task's department; a certificate's to its issuer and the
 * lead department; every other case event to the lead department and every department with a task
 * in the case (a joint case's assisting departments follow it too). The data names the item, the
 * task, the certificate… enough to act without a second call, and never a person: no applicant's
 * name, ID number or phone, and no free text a clerk wrote (reasons, opinions).
 */

export interface IntegrationEventDraft {
  type: IntegrationEventType;
  caseId: string;
  taskId?: string;
  certificateNo?: string;
  /** Extra facts of the event, free of personal data. */
  data?: Record<string, unknown>;
}

/** One event as the feed and the webhooks carry it (API.md). */
export interface IntegrationEventItem {
  id: string;
  type: IntegrationEventType;
  caseId: string;
  supervisionCode?: string;
  departmentId: string;
  at: string;
  data: Record<string, unknown>;
}

export function eventItem(row: { id: string; type: string; case_id: string; supervision_code: string | null; department_id: string; at: Date; data: unknown }): IntegrationEventItem {
  return {
    id: row.id,
    type: row.type as IntegrationEventType,
    caseId: row.case_id,
    ...(row.supervision_code ? { supervisionCode: row.supervision_code } : {}),
    departmentId: row.department_id,
    at: new Date(row.at).toISOString(),
    data: (typeof row.data === "string" ? JSON.parse(row.data) : row.data) as Record<string, unknown>,
  };
}

const unique = (xs: (string | null | undefined)[]): string[] => [...new Set(xs.filter((x): x is string => !!x))];

async function taskFacts(trx: Executor, taskId: string) {
  const t = await trx
    .selectFrom("tasks")
    .select(["id", "step_id", "step_index", "kind", "name", "department_id", "status", "outcome", "due_date", "working_days", "round"])
    .where("id", "=", taskId)
    .executeTakeFirstOrThrow();
  return {
    departments: [t.department_id],
    data: {
      task: {
        id: t.id, stepId: t.step_id, stepIndex: t.step_index, kind: t.kind, name: t.name, departmentId: t.department_id,
        status: t.status, outcome: t.outcome, dueDate: t.due_date, workingDays: t.working_days, round: t.round,
      },
    },
  };
}

async function certificateFacts(trx: Executor, certificateNo: string, leadDepartmentId: string) {
  const c = await trx
    .selectFrom("certificates")
    .select(["certificate_no", "type", "name", "issuer_department_id", "issued_at", "valid_until", "status", "revoked_at"])
    .where("certificate_no", "=", certificateNo)
    .executeTakeFirstOrThrow();
  return {
    departments: unique([c.issuer_department_id, leadDepartmentId]),
    data: {
      certificate: {
        certificateNo: c.certificate_no, type: c.type, name: c.name, issuerDepartmentId: c.issuer_department_id,
        issuedAt: new Date(c.issued_at).toISOString(), validUntil: c.valid_until, status: c.status,
        revokedAt: c.revoked_at ? new Date(c.revoked_at).toISOString() : null,
      },
    },
  };
}

/**
 * Writes the event for each department concerned and queues one delivery per subscription that
 * asked for its type (held while the subscription is paused). Call inside the command's transaction.
 */
export async function recordIntegrationEvent(trx: Executor, at: Date, draft: IntegrationEventDraft): Promise<void> {
  const c = await trx
    .selectFrom("cases")
    .innerJoin("items", "items.id", "cases.item_id")
    .select(["cases.id", "cases.status", "cases.result", "cases.supervision_code", "cases.lead_department_id", "cases.due_date", "cases.channel", "items.code as item_code", "items.name as item_name"])
    // The departments the case's tasks are with (those of a case-wide event besides the lead), read with the case.
    .select(sql<string[]>`array(select distinct t.department_id from tasks t where t.case_id = cases.id)`.as("task_departments"))
    .where("cases.id", "=", draft.caseId)
    .executeTakeFirst();
  if (!c) return;
  const specific = draft.taskId
    ? await taskFacts(trx, draft.taskId)
    : draft.certificateNo
      ? await certificateFacts(trx, draft.certificateNo, c.lead_department_id)
      : { departments: unique([c.lead_department_id, ...[...c.task_departments].sort()]), data: {} };
  const data = {
    item: { code: c.item_code, name: c.item_name },
    caseStatus: c.status,
    result: c.result,
    dueDate: c.due_date,
    channel: c.channel,
    leadDepartmentId: c.lead_department_id,
    ...specific.data,
    ...draft.data,
  };
  for (const departmentId of specific.departments) {
    const id = newId();
    await trx
      .insertInto("integration_events")
      .values({ id, type: draft.type, case_id: c.id, supervision_code: c.supervision_code, department_id: departmentId, at, data: JSON.stringify(data) })
      .execute();
    const subscriptions = await trx
      .selectFrom("webhook_subscriptions as s")
      .innerJoin("integration_clients as ic", "ic.id", "s.integration_id")
      .select(["s.id", "s.status"])
      .where("ic.department_id", "=", departmentId)
      .where("ic.revoked_at", "is", null)
      .where("s.deleted_at", "is", null)
      .where(sql<boolean>`s.events @> ${JSON.stringify([draft.type])}::jsonb`)
      .orderBy("s.id")
      .execute();
    // One delivery per subscription, in one statement (held while the subscription is paused).
    if (subscriptions.length) {
      await trx
        .insertInto("webhook_deliveries")
        .values(subscriptions.map((sub) => ({ id: newId(), subscription_id: sub.id, event_id: id, status: sub.status === "paused" ? "held" : "queued", next_attempt_at: at, created_at: at })))
        .execute();
    }
  }
}
