import { z } from "zod";
import { complaintKinds, complaintStatuses } from "../enums.ts";
import { isoDate, isoTime, list } from "./common.ts";

// Messages, evaluations (好差评) and complaints.

export const InboxMessage = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  caseId: z.string().optional(),
  createdAt: isoTime,
  readAt: isoTime.optional(),
});
export type InboxMessage = z.infer<typeof InboxMessage>;
export const Inbox = list(InboxMessage);
export type Inbox = z.infer<typeof Inbox>;

export const InboxMarked = z.object({ marked: z.number().int(), readAt: isoTime });
export type InboxMarked = z.infer<typeof InboxMarked>;

/** Levels 1 and 2 open a work order. */
export const EvaluationRecorded = z.object({ id: z.string(), level: z.number().int(), workOrderId: z.string().nullable() });
export type EvaluationRecorded = z.infer<typeof EvaluationRecorded>;

export const ComplaintFiled = z.object({ id: z.string(), replyDueDate: isoDate });
export type ComplaintFiled = z.infer<typeof ComplaintFiled>;

/** A complaint or a bad evaluation's work order, as the caller sees it; the replier is named. */
export const Complaint = z.object({
  id: z.string(),
  kind: z.enum(complaintKinds),
  subject: z.string(),
  text: z.string(),
  caseId: z.string().optional(),
  supervisionCode: z.string().nullable().optional(),
  department: z.object({ id: z.string(), name: z.string() }),
  applicant: z.object({ name: z.string() }),
  createdAt: isoTime,
  replyDueDate: isoDate,
  status: z.enum(complaintStatuses),
  overdue: z.boolean(),
  reply: z.object({ text: z.string(), by: z.string().nullable(), at: isoTime.optional() }).optional(),
  canReply: z.boolean(),
  /**
   * Staff callers only, on a work order from a bad evaluation (差评): who handled the case, with the
   * step each completed and its department, in order (server/src/caseRecord/handlers.ts).
   */
  handledBy: z.array(z.object({ name: z.string(), step: z.string(), department: z.string() })).optional(),
});
export type Complaint = z.infer<typeof Complaint>;
export const ComplaintList = list(Complaint);
