import { z } from "zod";
import { applicantTypes, caseResults, roles, complaintStatuses, consultationKinds, consultationStatuses, deliveryMethods, staffChangeStatuses, taskOutcomes } from "./enums.ts";
import { departmentRoles } from "./roles.ts";

// Request schemas: they validate at the edge and feed the OpenAPI document.

export const phoneSchema = z.string().regex(/^1[3-9]\d{9}$/).describe("Mainland mobile number, 11 digits");
export const passwordSchema = z.string().min(8).max(128).describe("At least 8 characters with letters and digits");

export const SmsCodeRequest = z.object({
  phone: phoneSchema,
  purpose: z.enum(["register", "login", "reset"]),
  /** Registration: the ID number typed (the person's, or the legal representative's), checked before any SMS is sent. */
  idNumber: z.string().trim().max(18).optional(),
});
export type SmsCodeRequest = z.infer<typeof SmsCodeRequest>;

export const RegisterPersonRequest = z.object({
  type: z.literal("person"),
  name: z.string().trim().min(2).max(40).describe("Real name as on the ID card"),
  idNumber: z.string().trim().describe("18-character resident ID number (GB 11643)"),
  phone: phoneSchema,
  smsCode: z.string().regex(/^\d{6}$/),
  password: passwordSchema,
});
export const RegisterOrganizationRequest = z.object({
  type: z.literal("organization"),
  name: z.string().trim().min(2).max(100).describe("Registered name of the organization"),
  creditCode: z.string().trim().describe("Unified social credit code (GB 32100)"),
  legalRepresentative: z.object({ name: z.string().trim().min(2).max(40), idNumber: z.string().trim() }),
  phone: phoneSchema,
  smsCode: z.string().regex(/^\d{6}$/),
  password: passwordSchema,
});
export const RegisterRequest = z.discriminatedUnion("type", [RegisterPersonRequest, RegisterOrganizationRequest]);
export type RegisterRequest = z.infer<typeof RegisterRequest>;

export const LoginRequest = z.object({
  login: z.string().trim().min(1).max(64).describe("Phone, ID number, credit code or staff username"),
  password: z.string().min(1).max(128),
  totp: z.string().trim().max(20).optional().describe("Staff with a second factor: the current TOTP code or an unused recovery code"),
});

export const TotpConfirmRequest = z.object({ code: z.string().trim().regex(/^\d{6}$/) });
export type TotpConfirmRequest = z.input<typeof TotpConfirmRequest>;
export type LoginRequest = z.infer<typeof LoginRequest>;

export const PasswordResetRequest = z.object({
  phone: phoneSchema,
  smsCode: z.string().regex(/^\d{6}$/),
  password: passwordSchema,
});

export const PasswordChangeRequest = z.object({
  currentPassword: z.string().min(1).max(128),
  newPassword: passwordSchema,
});

export const CatalogQuery = z.object({
  q: z.string().max(100).optional(),
  regionCode: z.string().regex(/^\d{6}$/).optional(),
  departmentId: z.string().max(64).optional(),
  applicantType: z.enum(applicantTypes).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

export const formDataSchema = z
  .record(z.string().max(64), z.union([z.string().max(5000), z.number(), z.boolean(), z.null()]))
  .refine((r) => Object.keys(r).length <= 100, "too many fields");

export const CreateCaseRequest = z.object({
  itemId: z.string().min(1).max(64),
  formData: formDataSchema.default({}),
  applicantId: z.string().min(1).max(64).optional().describe("Only for a hall clerk registering for someone"),
});
export type CreateCaseRequest = z.infer<typeof CreateCaseRequest>;

export const UpdateCaseFormRequest = z.object({ formData: formDataSchema });

export const MaterialJsonRequest = z.union([
  z.object({ materialId: z.string().min(1).max(64), offline: z.literal(true), note: z.string().trim().min(1).max(500) }),
  z.object({ materialId: z.string().min(1).max(64), certificateNo: z.string().trim().min(1).max(64) }),
]);

export const NotAcceptRequest = z.object({
  reasons: z.array(z.string().trim().min(1).max(500)).min(1).max(20),
});

export const WorklistQuery = z.object({
  kind: z.string().max(20).optional(),
  itemId: z.string().max(64).optional(),
});

export const MyCasesQuery = z.object({
  mine: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

/** The demo clock moves within this century: audit records must stay orderable and printable. */
export const ClockRequest = z.object({
  now: z
    .string()
    .datetime({ offset: true })
    .refine((s) => {
      const t = Date.parse(s);
      return t >= Date.UTC(2000, 0, 1) && t < Date.UTC(2100, 0, 1);
    }, "between 2000 and 2099"),
});

// ——— Workflow ———

export const CompleteTaskRequest = z.object({
  outcome: z.enum(taskOutcomes),
  opinion: z.string().trim().min(1).max(5000).describe("The handler's opinion (审查意见)"),
  attachments: z.array(z.string().max(64)).max(20).optional(),
  returnToStepId: z.string().max(64).optional(),
  record: z
    .object({
      procedure: z.string().trim().min(1).max(100).describe("现场踏勘 / 专家评审 / 听证 …"),
      course: z.string().trim().min(1).max(5000),
      result: z.string().trim().min(1).max(5000),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
      participants: z.string().max(1000).optional(),
    })
    .optional()
    .describe("Offline steps: what happened and what came of it"),
});

export const DecisionRequest = z.object({
  result: z.enum(caseResults),
  reasons: z.string().trim().max(5000).optional(),
  particulars: z
    .record(z.string().max(64), z.string().trim().max(2000))
    .optional()
    .describe("The certificate's particulars (证照信息) by key, for an approval that issues one; those left out are taken from the draft"),
});

export const DeliverRequest = z.object({
  method: z.enum(deliveryMethods),
  trackingNo: z.string().trim().max(64).optional(),
  address: z.string().trim().max(300).optional(),
  recipientName: z.string().trim().max(60).optional(),
  idChecked: z.boolean().optional(),
});

export const SupplementNoticeRequest = z.object({
  items: z.array(z.object({ materialId: z.string().max(64).optional(), reason: z.string().trim().min(1).max(1000) })).min(1).max(50),
});

export const VerificationRequest = z.object({
  method: z.enum(["phone", "sms"]),
  result: z.enum(["confirmed", "not-reached", "discrepancy"]),
  note: z.string().trim().max(1000).optional(),
});

export const ThirdPartyRequest = z.object({
  taskId: z.string().max(64).optional(),
  agency: z.string().trim().min(1).max(200),
  reportNo: z.string().trim().min(1).max(100),
  conclusion: z.string().trim().min(1).max(200),
  receivedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  text: z.string().trim().min(1).max(20000).describe("The result exactly as received"),
});

export const HandoverRequest = z.object({
  items: z.array(z.string().trim().min(1).max(200)).min(1).max(50),
  fromDepartmentId: z.string().max(64),
  toDepartmentId: z.string().max(64),
  note: z.string().trim().max(1000).optional(),
});

export const ResultRequest = z.object({
  departmentId: z.string().max(64),
  result: z.enum(caseResults),
  certificateType: z.string().trim().max(100).optional(),
  certificateName: z.string().trim().max(100).optional(),
  validYears: z.number().int().min(1).max(50).optional(),
});

export const HallApplicantRequest = z.object({
  type: z.enum(applicantTypes),
  name: z.string().trim().min(2).max(100),
  idNumber: z.string().trim().max(18).optional(),
  creditCode: z.string().trim().max(18).optional(),
  legalRepresentative: z.object({ name: z.string().trim().min(2).max(40), idNumber: z.string().trim() }).optional(),
  phone: phoneSchema,
});

export const ApplicantLookupQuery = z.object({
  idNumber: z.string().trim().max(18).optional(),
  creditCode: z.string().trim().max(18).optional(),
  phone: z.string().trim().max(11).optional(),
});

// ---------------------------------------------------------------------------------------------
// Staff administration (R14, R16, R17): changes are requested by an admin and take effect only
// when a second, responsible person approves them.
// ---------------------------------------------------------------------------------------------

export const StaffListQuery = z.object({
  departmentId: z.string().max(64).optional(),
  q: z.string().trim().max(40).optional(),
});

export const TrainingRecordRequest = z.object({
  course: z.string().trim().min(2).max(100),
  hours: z.number().int().min(1).max(500),
  completedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  certificateNo: z.string().trim().max(60).optional(),
});

const roleGrantSchema = z.object({
  role: z.enum(roles),
  departmentId: z.string().max(64).optional(),
  regionCode: z.string().regex(/^\d{6}$/).optional(),
});

export const StaffChangeRequest = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("create"),
    reason: z.string().trim().min(2).max(500),
    staff: z.object({
      username: z.string().trim().min(3).max(40).regex(/^[a-z0-9][a-z0-9._-]*$/),
      name: z.string().trim().min(2).max(40),
      phone: phoneSchema,
      idNumber: z.string().trim().max(18),
      departmentId: z.string().max(64),
      roles: z.array(z.enum(departmentRoles)).max(7),
    }),
  }),
  z.object({
    kind: z.literal("update"),
    reason: z.string().trim().min(2).max(500),
    staffId: z.string().max(64),
    changes: z
      .object({ name: z.string().trim().min(2).max(40).optional(), phone: phoneSchema.optional(), disabled: z.boolean().optional() })
      .refine((c) => Object.keys(c).length > 0, { message: "nothing to change" }),
  }),
  z.object({ kind: z.literal("grant-role"), reason: z.string().trim().min(2).max(500), staffId: z.string().max(64), grant: roleGrantSchema }),
  z.object({ kind: z.literal("revoke-role"), reason: z.string().trim().min(2).max(500), staffId: z.string().max(64), roleAssignmentId: z.string().max(64) }),
  z.object({ kind: z.literal("reset-password"), reason: z.string().trim().min(2).max(500), staffId: z.string().max(64) }),
]);
export type StaffChangeRequest = z.infer<typeof StaffChangeRequest>;

export const StaffChangesQuery = z.object({
  status: z.enum(staffChangeStatuses).optional(),
  staffId: z.string().max(64).optional(),
});

export const StaffChangeDecision = z.object({ note: z.string().trim().max(500).optional() });
export const StaffChangeRejection = z.object({ reason: z.string().trim().min(2).max(500) });

// ---------------------------------------------------------------------------------------------
// Evaluations (好差评, R37) and complaints (R33)
// ---------------------------------------------------------------------------------------------

const score = z.number().int().min(1).max(5);
export const EvaluationRequest = z.object({
  level: score.describe("5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意"),
  dimensions: z.object({ efficiency: score, attitude: score, quality: score }).optional(),
  comment: z.string().trim().max(1000).optional(),
});

export const ComplaintRequest = z.object({
  subject: z.string().trim().min(2).max(100),
  text: z.string().trim().min(5).max(2000),
  caseId: z.string().max(64).optional(),
  departmentId: z.string().max(64).optional(),
});

export const ComplaintReplyRequest = z.object({ text: z.string().trim().min(5).max(2000) });

export const ComplaintsQuery = z.object({ status: z.enum(complaintStatuses).optional() });

/** A question or suggestion about an item, a case of one's own, or a department (R33); the first of the three given decides the department. */
export const ConsultationRequest = z.object({
  kind: z.enum(consultationKinds).describe("question 咨询, suggestion 建议"),
  subject: z.string().trim().min(2).max(100),
  text: z.string().trim().min(5).max(2000),
  itemId: z.string().max(64).optional(),
  caseId: z.string().max(64).optional(),
  departmentId: z.string().max(64).optional(),
});
export const ConsultationReplyRequest = z.object({ text: z.string().trim().min(5).max(2000) });
export const ConsultationAssignRequest = z.object({ assigneeId: z.string().min(1).max(64).describe("A staff member of the consultation's department") });
export const ConsultationsQuery = z.object({
  status: z.enum(consultationStatuses).optional(),
  light: z.enum(["yellow", "red"]).optional().describe("Open ones near their reply date (yellow) or past it (red)"),
  mine: z.enum(["true", "false"]).optional().describe("Only those assigned to the caller"),
  departmentId: z.string().max(64).optional(),
});

// What a client sends (before defaults apply), for the request schemas above that have no alias yet.
export type RegisterPersonRequest = z.input<typeof RegisterPersonRequest>;
export type RegisterOrganizationRequest = z.input<typeof RegisterOrganizationRequest>;
export type PasswordResetRequest = z.input<typeof PasswordResetRequest>;
export type PasswordChangeRequest = z.input<typeof PasswordChangeRequest>;
export type CatalogQuery = z.input<typeof CatalogQuery>;
export type UpdateCaseFormRequest = z.input<typeof UpdateCaseFormRequest>;
export type MaterialJsonRequest = z.input<typeof MaterialJsonRequest>;
export type NotAcceptRequest = z.input<typeof NotAcceptRequest>;
export type WorklistQuery = z.input<typeof WorklistQuery>;
export type MyCasesQuery = z.input<typeof MyCasesQuery>;
export type ClockRequest = z.input<typeof ClockRequest>;
export type CompleteTaskRequest = z.input<typeof CompleteTaskRequest>;
export type DecisionRequest = z.input<typeof DecisionRequest>;
export type DeliverRequest = z.input<typeof DeliverRequest>;
export type SupplementNoticeRequest = z.input<typeof SupplementNoticeRequest>;
export type VerificationRequest = z.input<typeof VerificationRequest>;
export type ThirdPartyRequest = z.input<typeof ThirdPartyRequest>;
export type HandoverRequest = z.input<typeof HandoverRequest>;
export type ResultRequest = z.input<typeof ResultRequest>;
export type HallApplicantRequest = z.input<typeof HallApplicantRequest>;
export type ApplicantLookupQuery = z.input<typeof ApplicantLookupQuery>;
export type StaffListQuery = z.input<typeof StaffListQuery>;
export type TrainingRecordRequest = z.input<typeof TrainingRecordRequest>;
export type StaffChangesQuery = z.input<typeof StaffChangesQuery>;
export type StaffChangeDecision = z.input<typeof StaffChangeDecision>;
export type StaffChangeRejection = z.input<typeof StaffChangeRejection>;
export type EvaluationRequest = z.input<typeof EvaluationRequest>;
export type ComplaintRequest = z.input<typeof ComplaintRequest>;
export type ComplaintReplyRequest = z.input<typeof ComplaintReplyRequest>;
export type ComplaintsQuery = z.input<typeof ComplaintsQuery>;
export type ConsultationRequest = z.input<typeof ConsultationRequest>;
export type ConsultationReplyRequest = z.input<typeof ConsultationReplyRequest>;
export type ConsultationAssignRequest = z.input<typeof ConsultationAssignRequest>;
export type ConsultationsQuery = z.input<typeof ConsultationsQuery>;

/** The language the platform writes to a person in. */
export const LanguageRequest = z.object({ lang: z.enum(["zh-CN", "en"]) });

/** An e-mail address for notices (`null` removes it). */
export const emailSchema = z.string().trim().max(254).regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/).describe("An e-mail address, e.g. name@example.com");
export const EmailRequest = z.object({ email: emailSchema.nullable() });
export type EmailRequest = z.input<typeof EmailRequest>;
export type LanguageRequest = z.input<typeof LanguageRequest>;

/** The service halls of one region (6 or 9 digits). */
export const HallsQuery = z.object({ regionCode: z.string().regex(/^\d{6}(\d{3})?$/) });

/**
 * Revoking a certificate (注销): the reason, and the law or rule it rests on (`legalBasis`; optional in
 * the API for older clients, required by the workbench's form).
 */
export const CertificateRevokeRequest = z.object({
  reason: z.string().trim().min(1).max(1000),
  legalBasis: z.string().trim().min(1).max(500).optional(),
});
export type CertificateRevokeRequest = z.infer<typeof CertificateRevokeRequest>;

/** Registering a certificate issued outside the platform's workflow; without a supervision code it counts as off the platform (R37). */
export const CertificateRegisterRequest = z.object({
  departmentId: z.string().max(64),
  type: z.string().trim().min(1).max(100),
  name: z.string().trim().min(1).max(100),
  /** The holder: by account id, or by ID number / unified social credit code (`holderCode`); one of them. */
  holderId: z.string().max(64).optional(),
  holderCode: z.string().trim().max(18).optional(),
  supervisionCode: z.string().max(40).optional(),
  validUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});
export type CertificateRegisterRequest = z.infer<typeof CertificateRegisterRequest>;

/** Looking certificates up: the caller's own (`holder=me`), a holder's by id or by ID number / credit code (staff), one by its number (staff). */
export const CertificateListQuery = z.object({
  holder: z.literal("me").optional(),
  holderId: z.string().max(64).optional(),
  idNumber: z.string().trim().max(18).optional(),
  creditCode: z.string().trim().max(18).optional(),
  certificateNo: z.string().trim().max(40).optional(),
});
export type CertificateListQuery = z.infer<typeof CertificateListQuery>;
