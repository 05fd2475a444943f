import { z } from "zod";
import { caseStatuses, escalationStatuses, lights, offplatformFlagKinds } from "../enums.ts";
import { isoDate, isoTime, JsonRecord, list, page, Ref } from "./common.ts";

// The clock commands (suspension, extension, explanation) and the supervising office's views.

/** The clock runs again: the case is back in progress. */
export const SuspensionEnded = z.object({ id: z.string(), status: z.literal("in_progress") });
export type SuspensionEnded = z.infer<typeof SuspensionEnded>;

export const ExtensionGranted = z.object({ id: z.string(), limitDays: z.number() });
export type ExtensionGranted = z.infer<typeof ExtensionGranted>;

export const Escalation = z.object({
  id: z.string(),
  caseId: z.string(),
  supervisionCode: z.string().nullable(),
  itemName: z.string(),
  department: Ref,
  automatic: z.boolean(),
  note: z.string().nullable(),
  createdAt: isoTime,
  responseDueDate: isoDate,
  /** The escalation's own light: how near the department's answer is to its due date. */
  light: z.enum(lights).nullable(),
  /** The case's light (green, yellow, red) as the server keeps it; null while its clock is stopped or once it is decided. */
  caseLight: z.enum(lights).nullable(),
  status: z.enum(escalationStatuses),
  response: z.string().optional(),
  respondedAt: isoTime.optional(),
  canAnswer: z.boolean(),
});
export type Escalation = z.infer<typeof Escalation>;
export const EscalationList = list(Escalation);

/** Null when the case already has an open escalation (nothing new was raised). */
export const EscalationRaised = z.object({ id: z.string(), responseDueDate: isoDate }).nullable();
export type EscalationRaised = z.infer<typeof EscalationRaised>;
export const EscalationAnswered = z.object({ id: z.string(), status: z.literal("answered") });
export type EscalationAnswered = z.infer<typeof EscalationAnswered>;

/** The open escalations that concern the caller's own departments. */
export const MyEscalation = Escalation.pick({
  id: true, caseId: true, supervisionCode: true, itemName: true, note: true, automatic: true, responseDueDate: true, light: true, caseLight: true, canAnswer: true,
});
export type MyEscalation = z.infer<typeof MyEscalation>;
export const MyEscalationList = list(MyEscalation);

export const SupervisedCase = z.object({
  caseId: z.string(),
  supervisionCode: z.string().nullable(),
  status: z.enum(caseStatuses),
  dueDate: isoDate.nullable(),
  light: z.enum(lights).nullable(),
  itemName: z.string(),
  department: Ref,
  extended: z.boolean(),
  escalated: z.boolean(),
  explained: z.boolean(),
});
export type SupervisedCase = z.infer<typeof SupervisedCase>;
export const SupervisedCasePage = page(SupervisedCase);

/** Evaluation figures (好差评): how many, the average level, the share satisfied (4–5). */
export const EvaluationFigures = z.object({
  count: z.number().int(),
  averageLevel: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
  dissatisfied: z.number().int(),
});
export type EvaluationFigures = z.infer<typeof EvaluationFigures>;

export const DepartmentStats = z.object({
  department: Ref,
  regionCode: z.string(),
  regionName: z.string(),
  received: z.number(),
  accepted: z.number(),
  closed: z.number(),
  onTimeRate: z.number().nullable(),
  averageWorkingDays: z.number().nullable(),
  overdue: z.number(),
  yellow: z.number(),
  suspended: z.number(),
  extended: z.number(),
  deemedAccepted: z.number(),
  escalationsOpen: z.number(),
  /** Certificates registered in the period without a supervision code: issued off the platform (R37). */
  offPlatformCertificates: z.number(),
  evaluations: EvaluationFigures,
});
export type DepartmentStats = z.infer<typeof DepartmentStats>;

export const SupervisionStats = z.object({
  from: isoTime,
  to: isoTime,
  items: z.array(DepartmentStats),
  consultations: z.object({ open: z.number().int(), yellow: z.number().int(), red: z.number().int() }).describe("Open questions and suggestions in scope: yellow near their reply date, red past it"),
  trend: z.array(z.object({ month: z.string(), received: z.number(), closed: z.number(), onTime: z.number() })),
});
export type SupervisionStats = z.infer<typeof SupervisionStats>;

export const OffplatformFlag = z.object({
  id: z.string(),
  kind: z.enum(offplatformFlagKinds),
  caseId: z.string().nullable(),
  certificateNo: z.string().nullable(),
  supervisionCode: z.string().nullable(),
  itemName: z.string().nullable(),
  department: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  evidence: JsonRecord,
  createdAt: isoTime,
});
export type OffplatformFlag = z.infer<typeof OffplatformFlag>;
export const OffplatformFlagList = list(OffplatformFlag);


/**
 * One staff member's handling of a department's cases over a period (R37(2)); "handled" is defined
 * in server/src/caseRecord/handlers.ts and docs/api-additions.md.
 */
export const StaffHandlingStats = z.object({
  staff: Ref,
  /** Cases of which they completed at least one task in the department's queue in the period. */
  casesHandled: z.number().int(),
  tasksCompleted: z.number().int(),
  /** Of those tasks, the ones with a running clock and a due date, and how many were completed by it. */
  timedTasks: z.number().int(),
  onTimeTasks: z.number().int(),
  onTimeRate: z.number().nullable(),
  /** The applicants' evaluations of the cases they handled in the period. */
  evaluations: EvaluationFigures,
});
export type StaffHandlingStats = z.infer<typeof StaffHandlingStats>;

export const DepartmentStaffStats = z.object({
  department: Ref,
  from: isoTime,
  to: isoTime,
  items: z.array(StaffHandlingStats),
});
export type DepartmentStaffStats = z.infer<typeof DepartmentStaffStats>;
