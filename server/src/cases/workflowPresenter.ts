import { caseDeadline } from "../clock/caseClock.ts";
import { nextActionOf } from "./nextAction.ts";
import { findVersion } from "../catalog/repository.ts";
import { evaluationOfCase } from "../engagement/complaintRepository.ts";
import { resultsOfCase } from "../certificates/repository.ts";
import { type Actor, actorId } from "../platform/actor.ts";
import type { Executor } from "../platform/db.ts";
import type { CaseRow } from "../platform/schema.ts";
import { allowTask, type CaseResource } from "../policy/index.ts";
import { handoversOfCase, recordsOfCase } from "./recordRepository.ts";
import { noticesOfCase } from "./supplementRepository.ts";
import { tasksOfCase } from "./taskRepository.ts";
import { deliveryOfCase } from "./repository.ts";
import { completedByOwnCommand } from "./routing.ts";
import { abilitiesOf } from "./abilities.ts";
import { presentClockEvents } from "../clock/presenter.ts";

type TaskWithNames = Awaited<ReturnType<typeof tasksOfCase>>[number];

function presentTask(actor: Actor, t: TaskWithNames, staff: boolean, caseStatus: string) {
  const resource = { departmentId: t.department_id, role: t.role, assigneeId: t.assignee_id, claimedBy: t.claimed_by };
  const open = t.status === "open" || t.status === "claimed";
  return {
    id: t.id,
    stepId: t.step_id,
    kind: t.kind,
    name: t.name,
    department: { id: t.department_id, name: t.department_name },
    role: t.role,
    status: t.status,
    round: t.round,
    openedAt: t.opened_at.toISOString(),
    ...(t.due_date ? { dueDate: t.due_date } : {}),
    ...(t.light ? { light: t.light } : {}),
    ...(t.completed_at ? { completedAt: t.completed_at.toISOString() } : {}),
    // Names of staff and their opinions are internal (R3): staff only.
    ...(staff
      ? {
          ...(t.claimer_name ? { assignee: t.claimer_name } : {}),
          ...(t.outcome ? { outcome: t.outcome } : {}),
          ...(t.opinion ? { opinion: t.opinion } : {}),
          ...(t.completer_name ? { completedBy: t.completer_name } : {}),
          attachments: t.attachments,
          ...(t.record ? { record: t.record } : {}),
          abilities: {
            claim: open && t.status === "open" && allowTask(actor, "claim", resource),
            // While the applicant supplements or the clock is stopped, the case's tasks wait.
            complete: open && caseStatus === "in_progress" && !completedByOwnCommand(t.kind) && allowTask(actor, "complete", resource),
          },
        }
      : {}),
  };
}

export async function presentTasks(db: Executor, actor: Actor, c: CaseRow, _lang: "zh-CN" | "en") {
  const staff = actor.kind === "staff";
  return (await tasksOfCase(db, c.id)).filter((t) => t.status !== "cancelled").map((t) => presentTask(actor, t, staff, c.status));
}

/** The workflow part of the case file: tasks, opinions, records, notices, results, deadline, abilities. */
export async function presentWorkflow(db: Executor, actor: Actor, c: CaseRow, r: CaseResource, now: Date, deliveryChosen = false) {
  const staff = actor.kind === "staff";
  const [tasks, notices, results, deadline, clock, version, evaluation] = await Promise.all([
    tasksOfCase(db, c.id),
    noticesOfCase(db, c.id),
    resultsOfCase(db, c.id),
    caseDeadline(db, c.id, now),
    presentClockEvents(db, c.id),
    findVersion(db, c.item_version_id),
    evaluationOfCase(db, c.id),
  ]);
  const resultDepartmentIds = version.result_department_ids;
  const me = actorId(actor) ?? undefined;
  const decideTaskOpen =
    tasks.some((t) => t.kind === "decide" && (t.status === "open" || (t.status === "claimed" && t.claimed_by === me))) &&
    !tasks.some((t) => t.kind !== "decide" && (t.status === "open" || t.status === "claimed"));
  const records = staff ? await recordsOfCase(db, c.id) : [];
  const handovers = staff ? await handoversOfCase(db, c.id) : [];
  const delivery = await deliveryOfCase(db, c.id);
  return {
    ...(deadline
      ? {
          deadline: {
            dueDate: deadline.dueDate,
            remainingWorkingDays: deadline.remainingWorkingDays,
            usedWorkingDays: deadline.usedWorkingDays,
            light: deadline.light,
            suspended: deadline.suspended,
            overdue: deadline.overdue,
            limitDays: deadline.limitDays,
          },
        }
      : {}),
    ...clock,
    tasks: tasks.filter((t) => t.status !== "cancelled").map((t) => presentTask(actor, t, staff, c.status)),
    supplementNotices: notices.map((n) => ({
      id: n.id,
      round: n.round,
      items: n.items,
      documentId: n.document_id,
      createdAt: n.created_at.toISOString(),
      ...(n.answered_at ? { answeredAt: n.answered_at.toISOString() } : {}),
    })),
    results: results.map((x) => ({
      department: { id: x.department_id, name: x.department_name },
      result: x.result,
      ...(x.certificate_no ? { certificateNo: x.certificate_no } : {}),
      ...(x.document_id ? { documentId: x.document_id } : {}),
      recordedAt: x.recorded_at.toISOString(),
    })),
    ...(delivery
      ? { delivery: { method: delivery.method, deliveredAt: delivery.delivered_at.toISOString(), ...(delivery.tracking_no ? { trackingNo: delivery.tracking_no } : {}) } }
      : {}),
    ...(staff
      ? {
          records: records.map((x) => ({ id: x.id, kind: x.kind, data: x.data, recordedBy: x.recorder_name, department: x.department_name, recordedAt: x.recorded_at.toISOString(), taskId: x.task_id })),
          handovers: handovers.map((h) => ({
            id: h.id, label: h.supervision_code, items: h.items, from: { id: h.from_department_id, name: h.from_name }, to: { id: h.to_department_id, name: h.to_name },
            registeredAt: h.registered_at.toISOString(), ...(h.received_at ? { receivedAt: h.received_at.toISOString() } : {}), note: h.note,
          })),
        }
      : {}),
    ...(evaluation
      ? {
          evaluation: {
            level: evaluation.level,
            ...(evaluation.efficiency ? { dimensions: { efficiency: evaluation.efficiency, attitude: evaluation.attitude, quality: evaluation.quality } } : {}),
            ...(evaluation.comment ? { comment: evaluation.comment } : {}),
            createdAt: evaluation.created_at.toISOString(),
          },
        }
      : {}),
    expectedOfApplicant: nextActionOf(c.status, !!evaluation),
    abilities: abilitiesOf(actor, c, r, {
      decideTaskOpen,
      deliverable: true,
      hasDeadline: !!deadline,
      evaluated: !!evaluation,
      deliveryChosen,
      pendingResultDepartmentIds: resultDepartmentIds.filter((d) => !results.some((x) => x.department_id === d)),
      noticeThisRound: notices.some((n) => n.round === c.round || (c.status === "supplement_requested" && n.round === c.round - 1)),
    }),
  };
}
