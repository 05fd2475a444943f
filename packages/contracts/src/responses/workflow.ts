import { z } from "zod";
import { applicantTypes, caseStatuses } from "../enums.ts";
import { TaskAttachment } from "./cases.ts";
import { isoTime, list } from "./common.ts";

// What the case commands answer: the state they left the case in, and what they created.

export const CaseCreated = z.object({ id: z.string(), status: z.literal("draft") });
export type CaseCreated = z.infer<typeof CaseCreated>;

export const FormSaved = z.object({ status: z.literal("saved") });
export type FormSaved = z.infer<typeof FormSaved>;

/** A material added: a stored file, a paper material recorded, or a certificate reused from the library. */
export const UploadResult = z.object({
  id: z.string(),
  fileName: z.string().optional(),
  size: z.number().optional(),
  mime: z.string().optional(),
  sha256: z.string().optional(),
  offline: z.boolean().optional(),
  certificateNo: z.string().optional(),
});
export type UploadResult = z.infer<typeof UploadResult>;

export const CaseSubmitted = z.object({ status: z.literal("submitted") });
export type CaseSubmitted = z.infer<typeof CaseSubmitted>;

export const AcceptResult = z.object({ status: z.enum(["accepted", "in_progress"]), supervisionCode: z.string(), documentId: z.string() });
export type AcceptResult = z.infer<typeof AcceptResult>;

export const NotAcceptResult = z.object({ status: z.literal("not_accepted"), documentId: z.string() });
export type NotAcceptResult = z.infer<typeof NotAcceptResult>;

export const SupplementNoticeResult = z.object({ status: z.literal("supplement_requested"), documentId: z.string() });
export type SupplementNoticeResult = z.infer<typeof SupplementNoticeResult>;

/** After a supplement the case goes back to where it waited: `submitted`, or `in_progress` when asked during review. */
export const SupplementResult = z.object({ status: z.enum(["submitted", "in_progress"]) });
export type SupplementResult = z.infer<typeof SupplementResult>;

export const WithdrawResult = z.object({ status: z.literal("withdrawn") });
export type WithdrawResult = z.infer<typeof WithdrawResult>;

export const TaskClaimed = z.object({ id: z.string(), status: z.literal("claimed") });
export type TaskClaimed = z.infer<typeof TaskClaimed>;

export const TaskCompleted = z.object({ id: z.string(), status: z.literal("done"), caseStatus: z.enum(caseStatuses) });
export type TaskCompleted = z.infer<typeof TaskCompleted>;

/** The file attached to a task: the same shape the task lists. */
export const TaskAttachmentAdded = TaskAttachment;
export type TaskAttachmentAdded = z.infer<typeof TaskAttachmentAdded>;

export const DecisionResult = z.object({ status: z.literal("decided"), documentId: z.string(), certificates: z.array(z.object({ certificateNo: z.string() })) });
export type DecisionResult = z.infer<typeof DecisionResult>;

export const ResultRecorded = z.object({ id: z.string(), certificateNo: z.string().nullable() });
export type ResultRecorded = z.infer<typeof ResultRecorded>;

export const DeliverResult = z.object({ status: z.literal("closed") });
export type DeliverResult = z.infer<typeof DeliverResult>;

export const HandoverRegistered = z.object({ id: z.string(), label: z.string() });
export type HandoverRegistered = z.infer<typeof HandoverRegistered>;
export const HandoverReceived = z.object({ id: z.string(), receivedAt: isoTime });
export type HandoverReceived = z.infer<typeof HandoverReceived>;

/** The hall desk's look-up: who is standing at the window (phone masked). */
export const HallApplicant = z.object({ id: z.string(), type: z.enum(applicantTypes).nullable(), name: z.string(), phone: z.string().nullable() });
export type HallApplicant = z.infer<typeof HallApplicant>;
export const HallApplicantList = list(HallApplicant);

