import { z } from "zod";
import { applicantTypes, caseChannels, certificateVerdicts, caseRecordKinds, caseResults, caseStatuses, deliveryMethods, documentKinds, lights, nextActions, roles, stepKinds, suspensionKinds, taskOutcomes, taskStatuses } from "../enums.ts";
import { FormField } from "./catalog.ts";
import { DeliveryChoice, PickupPlace } from "../deliveryChoice.ts";
import { isoDate, isoTime, JsonRecord, page, Ref } from "./common.ts";

// The case (办件) as the applicant and staff see it: list, file, tasks.

export const CaseListItem = z.object({
  id: z.string(),
  status: z.enum(caseStatuses),
  result: z.enum(caseResults).optional(),
  supervisionCode: z.string().optional(),
  /** 申请编号: given at submission, quoted before acceptance (the supervision code takes over after). */
  referenceNo: z.string().optional(),
  itemId: z.string(),
  itemName: z.string(),
  department: Ref,
  createdAt: isoTime,
  submittedAt: isoTime.optional(),
  acceptedAt: isoTime.optional(),
  dueDate: isoDate.optional(),
  light: z.enum(lights).optional(),
  /** For the applicant's own list; null for staff. */
  nextAction: z.enum(nextActions).nullable(),
});
export type CaseListItem = z.infer<typeof CaseListItem>;
export const CasePage = page(CaseListItem);
export type CasePage = z.infer<typeof CasePage>;

/** A certificate of the library as a case's material shows it: no holder, the public verification path. */
export const ReusedCertificate = z.object({
  certificateNo: z.string(),
  type: z.string(),
  typeName: z.string(),
  name: z.string(),
  issuer: z.string(),
  issuedAt: isoDate,
  validUntil: isoDate.nullable(),
  /** On the platform's day: a certificate taken into a draft may since have been revoked or expired. */
  status: z.enum(certificateVerdicts),
  verifyPath: z.string(),
});
export type ReusedCertificate = z.infer<typeof ReusedCertificate>;

export const CaseUpload = z.object({
  id: z.string(),
  round: z.number().int(),
  /** Staff only: a file of an earlier round that a later round's file of the material replaced (history). */
  superseded: z.boolean().optional(),
  /** The file may be withdrawn now (DELETE …/materials/:uploadId): of the round being prepared, or the rejected file of a material a supplement notice names. */
  removable: z.boolean().optional(),
  fileName: z.string().nullable(),
  size: z.number().nullable(),
  mime: z.string().nullable(),
  sha256: z.string().nullable(),
  offline: z.boolean(),
  note: z.string().optional(),
  certificateNo: z.string().optional(),
  /** A material taken from the certificate library (R27) instead of a file. */
  certificate: ReusedCertificate.optional(),
  createdAt: isoTime,
  url: z.string().optional(),
});
export type CaseUpload = z.infer<typeof CaseUpload>;

export const CaseMaterial = z.object({
  materialId: z.string(),
  name: z.string(),
  required: z.boolean(),
  certificateType: z.string().optional(),
  certificateTypeName: z.string().optional(),
  uploads: z.array(CaseUpload),
  /**
   * While the case can be edited: the applicant's certificates in the library that this material
   * may be taken from (of its type, in force today), to choose instead of an upload.
   */
  reusableCertificates: z.array(ReusedCertificate).optional(),
});
export type CaseMaterial = z.infer<typeof CaseMaterial>;

export const TimelineEntry = z.object({ at: isoTime, kind: z.string(), title: z.string(), department: z.string().optional(), note: z.string().optional() });
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const CaseDocument = z.object({ id: z.string(), kind: z.enum(documentKinds), title: z.string(), documentNo: z.string(), createdAt: isoTime, url: z.string() });
export type CaseDocument = z.infer<typeof CaseDocument>;

export const Deadline = z.object({
  dueDate: isoDate,
  remainingWorkingDays: z.number(),
  usedWorkingDays: z.number(),
  light: z.enum(lights).nullable(),
  suspended: z.boolean(),
  overdue: z.boolean(),
  limitDays: z.number(),
});
export type Deadline = z.infer<typeof Deadline>;

/** A stop of the clock: an Art. 45 procedure or the applicant's request. */
export const Suspension = z.object({
  id: z.string(),
  kind: z.enum(suspensionKinds),
  reason: z.string(),
  from: isoDate,
  to: isoDate.optional(),
  expectedWorkingDays: z.number(),
  automatic: z.boolean(),
});
export type Suspension = z.infer<typeof Suspension>;
export const Extension = z.object({ workingDays: z.number(), reason: z.string(), at: isoTime });
export type Extension = z.infer<typeof Extension>;

export const TaskAttachment = z.object({ id: z.string(), fileName: z.string(), sha256: z.string(), mime: z.string(), size: z.number() });
export type TaskAttachment = z.infer<typeof TaskAttachment>;

/** A task of the case; the staff-only fields (names, opinions, abilities) are absent for the applicant. */
export const CaseTask = z.object({
  id: z.string(),
  stepId: z.string(),
  kind: z.enum(stepKinds),
  name: z.string(),
  department: z.object({ id: z.string(), name: z.string().nullable() }),
  role: z.enum(roles),
  status: z.enum(taskStatuses),
  round: z.number().int(),
  openedAt: isoTime,
  dueDate: isoDate.optional(),
  light: z.enum(lights).optional(),
  completedAt: isoTime.optional(),
  assignee: z.string().optional(),
  outcome: z.enum(taskOutcomes).optional(),
  opinion: z.string().optional(),
  completedBy: z.string().optional(),
  attachments: z.array(TaskAttachment).optional(),
  record: JsonRecord.optional(),
  abilities: z.object({ claim: z.boolean(), complete: z.boolean() }).optional(),
});
export type CaseTask = z.infer<typeof CaseTask>;
export const CaseTaskList = z.object({ items: z.array(CaseTask) });
export type CaseTaskList = z.infer<typeof CaseTaskList>;

/** What the caller may do with the case now; the web apps show actions only from these. */
export const CaseAbilities = z.object({
  editForm: z.boolean(),
  uploadMaterial: z.boolean(),
  submit: z.boolean(),
  supplement: z.boolean(),
  withdraw: z.boolean(),
  accept: z.boolean(),
  notAccept: z.boolean(),
  requestSupplement: z.boolean(),
  decide: z.boolean(),
  deliver: z.boolean(),
  record: z.boolean(),
  handover: z.boolean(),
  suspend: z.boolean(),
  resume: z.boolean(),
  extend: z.boolean(),
  explain: z.boolean(),
  evaluate: z.boolean(),
  /** The applicant may choose (or change) how to receive the result. */
  chooseDelivery: z.boolean(),
  /** Departments whose own result the caller may record now. */
  resultFor: z.array(z.string()),
});
export type CaseAbilities = z.infer<typeof CaseAbilities>;

export const SupplementNotice = z.object({
  id: z.string(),
  round: z.number().int(),
  items: z.array(z.object({ materialId: z.string().optional(), name: z.string().optional(), reason: z.string() })),
  documentId: z.string().nullable(),
  createdAt: isoTime,
  answeredAt: isoTime.optional(),
});
export type SupplementNotice = z.infer<typeof SupplementNotice>;

export const DepartmentResult = z.object({
  department: Ref,
  result: z.enum(caseResults),
  certificateNo: z.string().optional(),
  documentId: z.string().optional(),
  recordedAt: isoTime,
});
export type DepartmentResult = z.infer<typeof DepartmentResult>;

export const CaseRecord = z.object({
  id: z.string(),
  kind: z.enum(caseRecordKinds),
  data: JsonRecord,
  recordedBy: z.string().nullable(),
  department: z.string().nullable(),
  recordedAt: isoTime,
  taskId: z.string().nullable(),
});
export type CaseRecord = z.infer<typeof CaseRecord>;

export const Handover = z.object({
  id: z.string(),
  label: z.string(),
  items: z.array(z.string()),
  from: Ref,
  to: Ref,
  registeredAt: isoTime,
  receivedAt: isoTime.optional(),
  note: z.string().nullable(),
});
export type Handover = z.infer<typeof Handover>;

export const CaseEvaluation = z.object({
  level: z.number().int(),
  dimensions: z.object({ efficiency: z.number(), attitude: z.number().nullable(), quality: z.number().nullable() }).optional(),
  comment: z.string().optional(),
  createdAt: isoTime,
});
export type CaseEvaluation = z.infer<typeof CaseEvaluation>;

export const CaseApplicant = z.object({
  id: z.string(),
  type: z.enum(applicantTypes).nullable(),
  name: z.string(),
  /** Masked for staff; in full for the applicant. */
  idNumber: z.string().optional(),
  creditCode: z.string().optional(),
  phone: z.string().optional(),
  legalRepresentative: z.string().optional(),
});
export type CaseApplicant = z.infer<typeof CaseApplicant>;

/** The case file (GET /api/cases/:id). `records` and `handovers` are for staff only. */
export const CaseDetail = z.object({
  id: z.string(),
  status: z.enum(caseStatuses),
  result: z.enum(caseResults).optional(),
  supervisionCode: z.string().optional(),
  /** 申请编号: given at submission, quoted before acceptance (the supervision code takes over after). */
  referenceNo: z.string().optional(),
  channel: z.enum(caseChannels),
  item: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    version: z.number().int(),
    department: Ref.nullable(),
    promisedDays: z.number(),
    statutoryDays: z.number(),
  }),
  applicant: CaseApplicant.nullable(),
  formData: JsonRecord,
  formFields: z.array(FormField),
  materials: z.array(CaseMaterial),
  missingMaterials: z.array(z.object({ materialId: z.string(), name: z.string() })),
  timeline: z.array(TimelineEntry),
  documents: z.array(CaseDocument),
  notAcceptedReasons: z.array(z.string()).optional(),
  createdAt: isoTime,
  submittedAt: isoTime.optional(),
  receivedAt: isoTime.optional(),
  acceptedAt: isoTime.optional(),
  deemedAccepted: z.boolean(),
  deadline: Deadline.optional(),
  suspensions: z.array(Suspension),
  extensions: z.array(Extension),
  tasks: z.array(CaseTask),
  supplementNotices: z.array(SupplementNotice),
  results: z.array(DepartmentResult),
  delivery: z.object({ method: z.enum(deliveryMethods), deliveredAt: isoTime, trackingNo: z.string().optional() }).optional(),
  /** How the applicant chose to receive the result (送达方式), if they did. */
  deliveryChoice: DeliveryChoice.optional(),
  /** Where a result is collected (the service hall of the case's region, else the department). */
  pickupPlace: PickupPlace.optional(),
  records: z.array(CaseRecord).optional(),
  handovers: z.array(Handover).optional(),
  evaluation: CaseEvaluation.optional(),
  expectedOfApplicant: z.enum(nextActions).nullable(),
  abilities: CaseAbilities,
});
export type CaseDetail = z.infer<typeof CaseDetail>;

/** One line of the staff worklist: a submitted case waiting for acceptance, or an open task. */
export const AcceptWorkItem = z.object({
  caseId: z.string(),
  kind: z.literal("accept"),
  name: z.string(),
  department: Ref,
  status: z.enum(caseStatuses),
  itemId: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  channel: z.enum(caseChannels),
  submittedAt: isoTime.optional(),
  supervisionCode: z.string().optional(),
  /** 申请编号: given at submission, quoted before acceptance (the supervision code takes over after). */
  referenceNo: z.string().optional(),
});
export const TaskWorkItem = z.object({
  taskId: z.string(),
  caseId: z.string(),
  kind: z.enum(stepKinds),
  name: z.string(),
  department: Ref,
  status: z.enum(taskStatuses),
  caseStatus: z.enum(caseStatuses),
  claimedByMe: z.boolean(),
  itemId: z.string(),
  itemName: z.string(),
  applicantName: z.string(),
  openedAt: isoTime,
  dueDate: isoDate.optional(),
  light: z.enum(lights).optional(),
  supervisionCode: z.string().optional(),
  /** 申请编号: given at submission, quoted before acceptance (the supervision code takes over after). */
  referenceNo: z.string().optional(),
});
/** An entry with a `taskId` is a task; one without is a case waiting for acceptance. */
export const WorklistItem = z.union([TaskWorkItem, AcceptWorkItem]);
export type WorklistItem = z.infer<typeof WorklistItem>;
export const Worklist = z.object({
  items: z.array(WorklistItem),
  counts: z.object({ total: z.number().int(), yellow: z.number().int(), red: z.number().int() }),
});
export type Worklist = z.infer<typeof Worklist>;
