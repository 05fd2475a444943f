/**
 * The workflow part of GET /api/cases/:id (tasks, notices, results, records, clock, abilities), as
 * server/src/cases/workflowPresenter.ts sends it. Staff-only fields are optional: the applicant's
 * view leaves them out (R3). Kept beside the portal because both faces read it; types only.
 */
import type { Abilities, CaseDetail, CaseResult, Light, Ref } from "./types.ts";
import type { Evaluation } from "../engagement/model.ts";

export type TaskKind = "accept" | "review" | "decide" | "co-handle" | "offline" | "third-party" | "push" | "deliver";
export type TaskStatus = "open" | "claimed" | "done";
export type TaskOutcome = "pass" | "fail" | "return";

/** What happened at an offline step (现场踏勘, 专家评审, 听证…), entered on the platform (R28). */
export interface OfflineRecord {
  procedure: string;
  course: string;
  result: string;
  date?: string;
  participants?: string;
}

export interface TaskAttachment {
  id: string;
  fileName: string;
  sha256: string;
  mime: string;
  size: number;
}

export interface CaseTask {
  id: string;
  stepId: string;
  kind: TaskKind | string;
  name: string;
  department: Ref;
  role: string;
  status: TaskStatus | string;
  round: number;
  openedAt: string;
  dueDate?: string;
  light?: Light | null;
  completedAt?: string;
  // staff only
  assignee?: string;
  outcome?: TaskOutcome;
  opinion?: string;
  completedBy?: string;
  attachments?: TaskAttachment[];
  record?: OfflineRecord | null;
  abilities?: { claim: boolean; complete: boolean };
}

/** 补齐补正一次性告知书: one per submission round. */
export interface SupplementNotice {
  id: string;
  round: number;
  items: { materialId?: string; name?: string; reason: string }[];
  documentId: string;
  createdAt: string;
  answeredAt?: string;
}

export interface CaseResultEntry {
  department: Ref;
  result: CaseResult;
  certificateNo?: string;
  documentId?: string;
  recordedAt: string;
}

export interface Delivery {
  method: "pickup" | "mail" | "electronic";
  deliveredAt: string;
  trackingNo?: string;
}

export interface CaseRecord {
  id: string;
  kind: "verification" | "third-party" | "offline" | string;
  data: Record<string, unknown>;
  recordedBy?: string | null;
  department?: string | null;
  recordedAt: string;
  taskId?: string | null;
}

export interface Handover {
  id: string;
  label: string;
  items: string[];
  from: Ref;
  to: Ref;
  registeredAt: string;
  receivedAt?: string;
  note?: string | null;
}

/** A clock stop, if the server lists them (it does not yet: see the report); used to resume. */
export interface SuspensionInfo {
  id: string;
  kind: string;
  reason?: string;
  expectedWorkingDays?: number;
  startDay?: string;
  endDay?: string | null;
  automatic?: boolean;
}

export type ExpectedOfApplicant =
  | "complete-and-submit"
  | "wait-for-acceptance"
  | "supplement"
  | "wait-for-decision"
  | "collect-result"
  | "evaluate";

export interface WorkflowAbilities extends Abilities {
  decide?: boolean;
  deliver?: boolean;
  record?: boolean;
  handover?: boolean;
  suspend?: boolean;
  resume?: boolean;
  extend?: boolean;
  explain?: boolean;
  /** Departments whose own result (R31) the signed-in person may record now. */
  resultFor?: string[];
  /** Applicant: evaluate the closed case (好差评, once). */
  evaluate?: boolean;
}

export interface WorkflowDeadline {
  dueDate: string;
  remainingWorkingDays: number;
  usedWorkingDays?: number;
  /** null while the clock is stopped. */
  light: Light | null;
  suspended: boolean;
}

interface WorkflowExtras {
  deadline?: WorkflowDeadline;
  tasks?: CaseTask[];
  supplementNotices?: SupplementNotice[];
  results?: CaseResultEntry[];
  delivery?: Delivery;
  records?: CaseRecord[];
  handovers?: Handover[];
  suspensions?: SuspensionInfo[];
  expectedOfApplicant?: ExpectedOfApplicant | null;
  /** The applicant's evaluation, once given (好差评, R37). */
  evaluation?: Evaluation;
  abilities: WorkflowAbilities;
}

/** The case file with its workflow: what both faces render. */
export type WorkflowCase = Omit<CaseDetail, "deadline" | "abilities"> & WorkflowExtras;

/** The latest supplement notice the applicant has not answered yet. */
export function openSupplementNotice(detail: WorkflowCase): SupplementNotice | undefined {
  return [...(detail.supplementNotices ?? [])].filter((n) => !n.answeredAt).sort((a, b) => b.round - a.round || b.createdAt.localeCompare(a.createdAt))[0];
}

/** Tasks in the order they were opened (the server's order, made explicit). */
export function tasksInOrder(detail: WorkflowCase): CaseTask[] {
  return [...(detail.tasks ?? [])].sort((a, b) => a.openedAt.localeCompare(b.openedAt));
}

export const documentUrl = (id: string) => `/api/documents/${encodeURIComponent(id)}`;
