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
  light: z.enum(lights).nullable(),
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
  id: true, caseId: true, supervisionCode: true, itemName: true, note: true, automatic: true, responseDueDate: true, light: true, canAnswer: true,
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

