/** Shapes of the supervision API (效能监管, R35–R38) and the audit trail (R40). */
import type { Light, Ref } from "../../common/api/types.ts";
import type { EvaluationFigures } from "../../common/engagement/model.ts";

export interface DepartmentStats {
  department: Ref;
  regionCode: string;
  regionName: string;
  received: number;
  accepted: number;
  closed: number;
  /** 0..1; null when nothing was closed in the period. */
  onTimeRate: number | null;
  averageWorkingDays: number | null;
  overdue: number;
  yellow: number;
  suspended: number;
  extended: number;
  deemedAccepted: number;
  escalationsOpen: number;
  /** Evaluations (好差评, R37) in the period; an older server sent null. */
  evaluations: EvaluationFigures | number | null;
}

export interface TrendPoint {
  month: string;
  received: number;
  closed: number;
  onTime: number;
}

export interface Stats {
  from?: string;
  to?: string;
  items: DepartmentStats[];
  trend: TrendPoint[];
}

export interface LightCase {
  caseId: string;
  supervisionCode: string | null;
  status: string;
  dueDate: string | null;
  light: Light;
  itemName: string;
  department: Ref;
  extended: boolean;
  escalated: boolean;
  explained: boolean;
}

export interface Escalation {
  id: string;
  caseId: string;
  supervisionCode?: string | null;
  itemName?: string;
  department?: Ref;
  automatic: boolean;
  note?: string | null;
  createdAt?: string;
  responseDueDate: string;
  light: Light | null;
  status?: "open" | "answered";
  response?: string;
  respondedAt?: string;
  /** Whether the signed-in person may answer it (the server's policy). */
  canAnswer?: boolean;
}

export type FlagKind = "burst-after-acceptance" | "decision-without-review" | "deemed-acceptance" | "certificate-without-code";

export interface Flag {
  id: string;
  kind: FlagKind | string;
  caseId: string | null;
  certificateNo: string | null;
  supervisionCode: string | null;
  itemName: string | null;
  department: Ref | null;
  evidence: unknown;
  createdAt: string;
}

export interface AuditEntry {
  id: string;
  seq: number;
  at: string;
  actorId: string | null;
  actorKind: string | null;
  actorName: string | null;
  ip: string | null;
  requestId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  caseId: string | null;
  oldValues: unknown;
  newValues: unknown;
  hash: string;
}

export interface AuditVerify {
  ok: boolean;
  entries: number;
  firstBadEntry?: string;
}
