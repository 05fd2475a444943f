import { z } from "zod";
import { consultationKinds, consultationStatuses, lights } from "../enums.ts";
import { isoDate, isoTime, list, Ref } from "./common.ts";

// Consultations (咨询) and suggestions (建议): answered by a named staff member within working days (R33).

export const ConsultationFiled = z.object({ id: z.string(), replyDueDate: isoDate, assignee: z.object({ name: z.string() }) });
export type ConsultationFiled = z.infer<typeof ConsultationFiled>;

/** A question or suggestion as the caller sees it: who answers it, by when, and what the caller may do. */
export const Consultation = z.object({
  id: z.string(),
  kind: z.enum(consultationKinds),
  subject: z.string(),
  text: z.string(),
  item: Ref.optional(),
  caseId: z.string().optional(),
  supervisionCode: z.string().nullable().optional(),
  department: Ref,
  applicant: z.object({ name: z.string() }),
  assignee: z.object({ id: z.string(), name: z.string() }),
  createdAt: isoTime,
  replyDueDate: isoDate,
  status: z.enum(consultationStatuses),
  light: z.enum(lights).nullable().describe("While open: green, yellow near the reply date, red past it"),
  overdue: z.boolean().describe("Open past the reply date, or answered after it"),
  reply: z.object({ text: z.string(), by: z.string(), at: isoTime }).optional(),
  abilities: z.object({ reply: z.boolean(), assign: z.boolean() }),
  assignees: z.array(Ref).optional().describe("Who it may be reassigned to (only for who may reassign)"),
});
export type Consultation = z.infer<typeof Consultation>;
export const ConsultationList = list(Consultation).extend({
  counts: z.object({ open: z.number().int(), yellow: z.number().int(), red: z.number().int() }),
});
export type ConsultationList = z.infer<typeof ConsultationList>;
export const MyConsultationList = list(Consultation);
export type MyConsultationList = z.infer<typeof MyConsultationList>;
