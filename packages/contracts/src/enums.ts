export const roles = [
  "platform-admin", "region-admin", "department-admin", "department-head", "clerk",
  "handler", "reviewer", "decider", "supervisor",
] as const;
export type Role = (typeof roles)[number];

export const caseStatuses = [
  "draft", "submitted", "supplement_requested", "accepted", "not_accepted", "in_progress",
  "suspended", "decided", "closed", "withdrawn",
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const stepKinds = ["accept", "review", "decide", "co-handle", "offline", "third-party", "push", "deliver"] as const;
export type StepKind = (typeof stepKinds)[number];

export const lights = ["green", "yellow", "red"] as const;
export type Light = (typeof lights)[number];

export const caseResults = ["approved", "denied"] as const;
export type CaseResult = (typeof caseResults)[number];

export const applicantTypes = ["person", "organization"] as const;
export type ApplicantType = (typeof applicantTypes)[number];

export const userKinds = ["applicant", "staff"] as const;
export type UserKind = (typeof userKinds)[number];

/** How a case came in: applied online, or registered at a service hall's window. */
export const caseChannels = ["online", "hall"] as const;
export type CaseChannel = (typeof caseChannels)[number];

/** What the applicant should do next, as a code the web app words. */
export const nextActions = ["complete-and-submit", "wait-for-acceptance", "supplement", "wait-for-decision", "collect-result", "evaluate"] as const;
export type NextAction = (typeof nextActions)[number];

export const taskStatuses = ["open", "claimed", "done", "cancelled"] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const taskOutcomes = ["pass", "fail", "return"] as const;
export type TaskOutcome = (typeof taskOutcomes)[number];

/** Where a public progress answer places a step of the process. */
export const stepProgress = ["done", "current", "pending"] as const;
export type StepProgress = (typeof stepProgress)[number];

export const deliveryMethods = ["pickup", "mail", "electronic"] as const;
export type DeliveryMethod = (typeof deliveryMethods)[number];

/** Art. 45 procedures whose time is not counted, and suspension at the applicant's written request. */
export const suspensionKinds = [
  "hearing", "tender", "auction", "inspection", "testing", "quarantine", "appraisal", "expert-review", "applicant-request",
] as const;
export type SuspensionKind = (typeof suspensionKinds)[number];

export const documentKinds = [
  "application-form", "acceptance-notice", "non-acceptance-decision", "supplement-notice", "approval-decision",
  "denial-decision", "certificate", "suspension-notice", "extension-notice",
] as const;
export type DocumentKind = (typeof documentKinds)[number];

export const caseRecordKinds = ["verification", "third-party", "offline"] as const;
export type CaseRecordKind = (typeof caseRecordKinds)[number];

export const handlingModes = ["online", "online-and-hall", "hall-only"] as const;
export type HandlingMode = (typeof handlingModes)[number];

export const regionLevels = ["city", "district", "township"] as const;
export type RegionLevel = (typeof regionLevels)[number];

export const formFieldTypes = ["text", "textarea", "number", "date", "phone", "idNumber"] as const;
export type FormFieldType = (typeof formFieldTypes)[number];

export const dayKinds = ["workday", "weekend", "holiday", "makeup-workday"] as const;
export type DayKind = (typeof dayKinds)[number];

export const calendarSources = ["chinese-days", "admin"] as const;
export type CalendarSource = (typeof calendarSources)[number];

export const certificateStatuses = ["valid", "revoked"] as const;
export type CertificateStatus = (typeof certificateStatuses)[number];
/** What a public verification says: a valid certificate past its date reads `expired`. */
export const certificateVerdicts = ["valid", "revoked", "expired"] as const;
export type CertificateVerdict = (typeof certificateVerdicts)[number];

export const escalationStatuses = ["open", "answered"] as const;
export type EscalationStatus = (typeof escalationStatuses)[number];

export const complaintKinds = ["complaint", "evaluation"] as const;
export type ComplaintKind = (typeof complaintKinds)[number];
export const complaintStatuses = ["open", "replied"] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

/** A consultation (咨询) asks a question; a suggestion (建议) proposes something (R33). */
export const consultationKinds = ["question", "suggestion"] as const;
export type ConsultationKind = (typeof consultationKinds)[number];
export const consultationStatuses = ["open", "answered"] as const;
export type ConsultationStatus = (typeof consultationStatuses)[number];
/** The working days a department has to answer, by kind: the one place these numbers live (R33). */
export const consultationReplyWorkingDays = { question: 5, suggestion: 10 } as const satisfies Record<ConsultationKind, number>;
/** The light turns yellow this many working days before the reply is due. */
export const consultationYellowWorkingDays = 1;

/** Signs that work happened off the platform (R39). */
export const offplatformFlagKinds = ["burst-after-acceptance", "decision-without-review", "deemed-acceptance", "certificate-without-code"] as const;
export type OffplatformFlagKind = (typeof offplatformFlagKinds)[number];

/** An item version's life: written, submitted for approval, approved for a later day, in effect, replaced, refused. */
export const versionStatuses = ["draft", "pending", "scheduled", "published", "superseded", "rejected"] as const;
export type VersionStatus = (typeof versionStatuses)[number];
export const agreementStatuses = ["pending", "agreed", "rejected"] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

export const staffChangeKinds = ["create", "update", "grant-role", "revoke-role", "reset-password"] as const;
export type StaffChangeKind = (typeof staffChangeKinds)[number];
export const staffChangeStatuses = ["pending", "approved", "rejected", "withdrawn"] as const;
export type StaffChangeStatus = (typeof staffChangeStatuses)[number];

export const messageChannels = ["sms", "email"] as const;
export type MessageChannel = (typeof messageChannels)[number];
