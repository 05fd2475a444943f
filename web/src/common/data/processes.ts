/** Shapes of the configuration API: item processes (R10), the working-day calendar (Art. 82). */
import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../api/client.ts";

export const stepKinds = ["accept", "review", "decide", "co-handle", "offline", "third-party", "push", "deliver"] as const;
export type StepKind = (typeof stepKinds)[number];
/** A role a step names; which ones a process may use comes from the server (GET /api/me abilities). */
export type StepRole = string;

/** One step of a process definition as the admin API takes and returns it. */
export interface StepDef {
  id: string;
  name: string;
  kind: StepKind;
  /** null: the lead department. */
  departmentId: string | null;
  role: StepRole;
  workingDays: number;
  staffId?: string | null;
  clockStops?: boolean;
}

export interface ProcessDef {
  steps: StepDef[];
  assistingDepartmentIds: string[];
}

export type AgreementStatus = "pending" | "agreed" | "rejected";

export interface Agreement {
  departmentId: string;
  departmentName: string;
  status: AgreementStatus;
  note: string | null;
}

export interface ProcessDraft extends ProcessDef {
  id: string;
  status: "draft" | "awaiting-agreement" | string;
  updatedAt?: string;
  agreements: Agreement[];
}

export interface AdminItem {
  id: string;
  code: string;
  name: string;
  departmentId: string;
  version: number;
  promisedDays: number;
  versionCreatedAt?: string;
}

export interface ItemProcess {
  item: { id: string; code: string; name: string; version: number; departmentId: string; promisedDays: number };
  current: ProcessDef;
  drafts: ProcessDraft[];
}

export interface PendingAgreement {
  draftId: string;
  departmentId: string;
  itemId: string;
  itemName: string;
  leadDepartment: string;
  steps: StepDef[];
  assistingDepartmentIds: string[];
}

export interface ProcessProblem {
  stepId?: string;
  problem: string;
}

export interface DepartmentOption {
  id: string;
  name: string;
  shortName?: string;
  regionCode: string;
  regionName: string;
}

export type DayKind = "workday" | "weekend" | "holiday" | "makeup-workday";

export interface CalendarDay {
  date: string;
  workday: boolean;
  kind: DayKind;
  note?: string;
}

export interface CalendarStatus {
  maintainedYears: { year: number; source?: string; maintainedAt?: string }[];
  nextYear: number;
  nextYearMaintained: boolean;
  warning?: string;
}

export function useCalendarStatus(enabled = true) {
  return useQuery({
    queryKey: ["calendar", "status"],
    queryFn: ({ signal }) => apiGet<CalendarStatus>("/api/calendar/status", undefined, signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}
