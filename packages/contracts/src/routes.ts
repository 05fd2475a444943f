import type { z } from "zod";
import type { IntegrationScope } from "./integration.ts";
import { DepartmentList, ItemGuide, ItemPage, PublicDepartment, PublicHallList, RegionList } from "./responses/catalog.ts";
import {
  AdminFileUploaded, AdminItem, AdminItemList, VersionAgreed, VersionApproved, VersionCreated, VersionDetail, VersionInbox, VersionList,
  VersionRejected, VersionSubmitted,
} from "./responses/catalogAdmin.ts";
import { CasePage, CaseDetail, CaseTaskList, Worklist } from "./responses/cases.ts";
import { CalendarDays, CalendarDaySet, CalendarStatus, CalendarYearMaintained } from "./responses/calendar.ts";
import { CertificateDraft, CertificateKeys, CertificateList, CertificateRegistered, CertificateRevoked, PublicCertificate, SignedCertificateFile } from "./responses/certificates.ts";
import { Created } from "./responses/common.ts";
import { DeliveryChoiceSaved } from "./deliveryChoice.ts";
import { Consultation, ConsultationFiled, ConsultationList, MyConsultationList } from "./responses/consultations.ts";
import { ComplaintFiled, Complaint, ComplaintList, EvaluationRecorded, Inbox, InboxMarked } from "./responses/engagement.ts";
import { AuthResult, EmailSet, LanguageSet, Me, OwnSessionList, SmsCodeSent, TotpConfirmed, TotpEnrollment } from "./responses/identity.ts";
import { AuditPage, AuditStaffList, AuditVerification, DemoAccounts, DevClock, DevClockSet, Health, Outbox, Readiness } from "./responses/ops.ts";
import { AdminDepartment, AdminDepartmentList, AdminHall, AdminHallList, AdminRegion, AdminRegionList } from "./responses/organization.ts";
import {
  IntegrationClientDetail, IntegrationClientList, IntegrationCreated, IntegrationRevoked, IntegrationRotated,
} from "./integrationClients.ts";
import { PublicProgress } from "./responses/public.ts";
import { IntegrationEventPage, WebhookCreated, WebhookDeliveryList, WebhookReplayed, WebhookResumed, WebhookSubscriptionList } from "./responses/integration.ts";
import { TemplateDetail, TemplateList, TemplateSaved } from "./responses/templates.ts";
import { StaffChange, StaffChangeList, StaffDetail, StaffList, TrainingRecorded } from "./responses/staff.ts";
import {
  EscalationAnswered, EscalationList, EscalationRaised, ExtensionGranted, MyEscalationList, OffplatformFlagList, SupervisedCasePage,
  SupervisionStats, SuspensionEnded, DepartmentStaffStats,
} from "./responses/supervision.ts";
import {
  AcceptResult, CaseCreated, CaseSubmitted, DecisionResult, DeliverResult, FormSaved, HallApplicantList, HandoverReceived, HandoverRegistered,
  NotAcceptResult, ResultRecorded, SupplementNoticeResult, SupplementResult, TaskAttachmentAdded, TaskClaimed, TaskCompleted, UploadResult,
  WithdrawResult,
} from "./responses/workflow.ts";

/** A 2xx answer that is not JSON (a PDF, an image, a file, text) or not described here; never checked. */
export interface RawBody {
  readonly raw: string;
}
/** A 2xx answer without a body (204). */
export interface NoBody {
  readonly noBody: true;
}
export type ResponseContract = z.ZodType | RawBody | NoBody;

export interface RouteContract {
  /** The operation's one-line summary in the OpenAPI document. */
  summary?: string;
  /** Every 2xx status the route answers with, and what its body is. */
  response: Readonly<Record<number, ResponseContract>>;
  /** A department system may call this route with a bearer token holding this scope (R5); else sessions only. */
  bearerScope?: IntegrationScope;
  /**
   * Anyone may call it, without a session or a token (the OpenAPI document's `security: []`). The
   * policy checks decide at run time; the authorization matrix test holds this flag to them.
   */
  public?: true;
  /** Only a department system's token may call it; a person's session gets 403 (the event feed). */
  bearerOnly?: true;
}

export const raw = (contentType: string): RawBody => ({ raw: contentType });
export const noBody: NoBody = { noBody: true };

export const isRawBody = (r: ResponseContract): r is RawBody => typeof r === "object" && r !== null && "raw" in r && typeof (r as RawBody).raw === "string";
export const isNoBody = (r: ResponseContract): r is NoBody => typeof r === "object" && r !== null && "noBody" in r && (r as NoBody).noBody === true;

const ok = (summary: string, schema: z.ZodType) => ({ summary, response: { 200: schema } });
const created = (summary: string, schema: z.ZodType) => ({ summary, response: { 201: schema } });
const pdf = (summary: string) => ({ summary, response: { 200: raw("application/pdf") } });
const file = (summary: string) => ({ summary, response: { 200: raw("application/octet-stream") } });
const none = (summary: string) => ({ summary, response: { 204: noBody } });
const open = <C extends RouteContract>(contract: C) => ({ ...contract, public: true as const });

/**
 * Every route the server registers, as Fastify spells it ("METHOD /path/:param"), with the body of
 * each 2xx answer. The server attaches these as its response schemas (OpenAPI, serialization) and
 * its tests demand an entry for every registered route and a matching body for every answer.
 */
export const routes = {
  // Operations
  "GET /healthz": open(ok("Process is up", Health)),
  "GET /readyz": open(ok("Database answers", Readiness)),
  "GET /metrics": open({ summary: "Prometheus metrics", response: { 200: raw("text/plain; version=0.0.4") } }),
  "GET /api/openapi.json": open({ summary: "This OpenAPI document", response: { 200: raw("application/json") } }),

  // Identity
  "POST /api/auth/sms-codes": open({ summary: "Send an SMS code", response: { 202: SmsCodeSent } }),
  "POST /api/auth/register": open(created("Register an applicant and log in", AuthResult)),
  "POST /api/auth/login": open(ok("Log in", AuthResult)),
  "POST /api/auth/logout": open(none("Log out")),
  "POST /api/auth/password-reset": open(none("Reset a forgotten password with an SMS code")),
  "POST /api/auth/password": none("Change one's password"),
  "GET /api/me": ok("The logged-in user", Me),
  "PUT /api/me/language": ok("Set the language the platform writes to one in", LanguageSet),
  "PUT /api/me/email": ok("Set or remove the e-mail address notices also go to", EmailSet),
  "GET /api/me/sessions": ok("One's own sessions", OwnSessionList),
  "DELETE /api/me/sessions/:id": none("End one of one's own sessions"),
  "POST /api/auth/totp/enroll": ok("Start setting up a second factor (staff)", TotpEnrollment),
  "POST /api/auth/totp/confirm": ok("Confirm the second factor with a code; returns recovery codes once", TotpConfirmed),

  // Catalog
  "GET /api/catalog/regions": open(ok("Regions", RegionList)),
  "GET /api/catalog/halls": open(ok("Service halls of a region, where items are handled in person", PublicHallList)),
  "GET /api/catalog/departments": open(ok("Departments with their item counts", DepartmentList)),
  "GET /api/public/departments/:id": open(ok("A department's public page and service figures", PublicDepartment)),
  "GET /api/catalog/items": open(ok("Search the catalog of items", ItemPage)),
  "GET /api/catalog/items/:id": open(ok("An item's guide", ItemGuide)),
  "GET /api/catalog/items/:id/flowchart.svg": open({ summary: "An item's process as a flowchart", response: { 200: raw("image/svg+xml") } }),
  "GET /api/catalog/items/:id/materials/:materialId/:variant": open(pdf("A material's blank form or filled-in sample")),

  // Process configuration
  "GET /api/admin/items": ok("Items the caller administers, with their versions' state", AdminItemList),
  "POST /api/admin/items": created("Create an item (not public until a version takes effect)", Created),
  "PATCH /api/admin/items/:id": ok("Rename, cancel or restore an item", AdminItem),
  "POST /api/admin/items/:id/files": created("Upload a blank form or a sample for an item's guide", AdminFileUploaded),
  "GET /api/admin/items/:id/files/:file": { summary: "A blank form or sample uploaded for an item", response: { 200: raw("application/pdf") } },
  "GET /api/admin/items/:id/versions": ok("An item's versions with what each changed", VersionList),
  "POST /api/admin/items/:id/versions": created("Write a new version of an item's guide (a draft)", VersionCreated),
  "GET /api/admin/item-versions/:id": ok("A version with its guide, diff and agreements", VersionDetail),
  "PUT /api/admin/item-versions/:id": ok("Save a draft version", VersionCreated),
  "GET /api/admin/item-versions/:id/preview": ok("A version's guide as the public will see it", ItemGuide),
  "GET /api/admin/item-versions/:id/flowchart.svg": { summary: "A version's process as a flowchart", response: { 200: raw("image/svg+xml") } },
  "POST /api/admin/item-versions/:id/submit": ok("Submit a draft for approval", VersionSubmitted),
  "POST /api/admin/item-versions/:id/approve": ok("Approve a version (a second person)", VersionApproved),
  "POST /api/admin/item-versions/:id/reject": ok("Send a version back with a reason", VersionRejected),
  "POST /api/admin/item-versions/:id/agreements": ok("Agree or disagree to a version for an involved department", VersionAgreed),
  "GET /api/admin/version-inbox": ok("Versions waiting for the caller's approval or agreement", VersionInbox),
  "POST /api/admin/flowchart-preview": { summary: "Draw a process being edited", response: { 200: raw("image/svg+xml") } },

  // Document templates (R12)
  "GET /api/admin/templates": ok("Document templates of a department (or the platform defaults)", TemplateList),
  "GET /api/admin/templates/:kind": ok("A template in force, the platform default and the history", TemplateDetail),
  "PUT /api/admin/templates/:kind": ok("Save a new version of a template", TemplateSaved),
  "DELETE /api/admin/templates/:kind": ok("Go back to the platform default (a new version)", TemplateSaved),
  "POST /api/admin/templates/:kind/preview": pdf("A template rendered with a sample case"),

  // Cases
  "POST /api/cases": created("Create a draft application", CaseCreated),
  "GET /api/cases": ok("Cases the caller may see", CasePage),
  "GET /api/cases/:id": { ...ok("The case file", CaseDetail), bearerScope: "cases:read" },
  "POST /api/cases/:id/form": ok("Save a draft's form", FormSaved),
  "POST /api/cases/:id/materials": created("Add a material", UploadResult),
  "DELETE /api/cases/:id/materials/:uploadId": none("Remove an uploaded material"),
  "GET /api/cases/:id/materials/:uploadId/file": file("An uploaded material's file"),
  "POST /api/cases/:id/submit": ok("Submit the application", CaseSubmitted),
  "POST /api/cases/:id/accept": ok("Accept the case", AcceptResult),
  "POST /api/cases/:id/not-accept": ok("Refuse to accept the case", NotAcceptResult),
  "GET /api/worklist": ok("What the caller or their role may act on now", Worklist),

  // Workflow
  "GET /api/cases/:id/tasks": { ...ok("The case's tasks", CaseTaskList), bearerScope: "cases:read" },
  "POST /api/tasks/:id/claim": ok("Sign for a task", TaskClaimed),
  "POST /api/tasks/:id/complete": { ...ok("Complete a task", TaskCompleted), bearerScope: "results:write" },
  "POST /api/tasks/:id/attachments": { ...created("Attach a file to a task", TaskAttachmentAdded), bearerScope: "results:write" },
  "GET /api/tasks/:id/attachments/:attachmentId/file": file("A task attachment's file"),
  "GET /api/cases/:id/certificate-draft": ok("The certificate an approval would issue, its particulars pre-filled", CertificateDraft),
  "POST /api/cases/:id/decision": ok("Decide the case", DecisionResult),
  "POST /api/cases/:id/results": created("Record a department's own result", ResultRecorded),
  "POST /api/cases/:id/deliver": ok("Deliver the results", DeliverResult),
  "PUT /api/cases/:id/delivery-choice": ok("Choose how to receive the result", DeliveryChoiceSaved),
  "POST /api/cases/:id/supplement-notice": ok("Issue the one-time supplement notice", SupplementNoticeResult),
  "POST /api/cases/:id/supplements": ok("Hand in the supplement", SupplementResult),
  "POST /api/cases/:id/withdraw": ok("Withdraw the application", WithdrawResult),
  "POST /api/cases/:id/verifications": created("Record the applicant's verification", Created),
  "POST /api/cases/:id/third-party-results": { ...created("Record a third-party review's result", Created), bearerScope: "results:write" },
  "POST /api/cases/:id/handovers": created("Register a paper hand-over", HandoverRegistered),
  "POST /api/handovers/:id/receive": ok("Receive a paper hand-over", HandoverReceived),
  "GET /api/hall/applicants": ok("Find an applicant at the hall desk", HallApplicantList),
  "POST /api/hall/applicants": created("Register an applicant at the hall desk", Created),

  // Public queries
  "GET /api/public/progress/:code": open(ok("Progress by supervision code", PublicProgress)),
  "GET /api/public/certificates/:no": open(ok("Verify a certificate", PublicCertificate)),
  "GET /.well-known/certificate-keys.json": open(ok("Public keys of certificate signatures", CertificateKeys)),

  // Certificates and documents
  "GET /api/certificates": ok("Certificates of a holder", CertificateList),
  "POST /api/certificates": created("Register a certificate issued off the platform", CertificateRegistered),
  "POST /api/certificates/:no/revoke": ok("Revoke a certificate", CertificateRevoked),
  "GET /api/certificates/:no/signed.json": ok("A certificate's signed file, for offline verification", SignedCertificateFile),
  "GET /api/documents/:id": pdf("A document as PDF"),

  // The clock and supervision
  "POST /api/cases/:id/suspensions": created("Suspend the case's clock", Created),
  "POST /api/cases/:id/suspensions/:sid/end": ok("End a suspension", SuspensionEnded),
  "POST /api/cases/:id/extensions": created("Extend the case's limit", ExtensionGranted),
  "POST /api/cases/:id/explanations": created("Explain an overdue case", Created),
  "GET /api/supervision/escalations": ok("Escalations", EscalationList),
  "POST /api/supervision/escalations": created("Escalate a case", EscalationRaised),
  "POST /api/supervision/escalations/:id/response": ok("Answer an escalation", EscalationAnswered),
  "GET /api/supervision/cases": ok("Yellow or red cases", SupervisedCasePage),
  "GET /api/supervision/stats": ok("Figures per department", SupervisionStats),
  "GET /api/supervision/departments/:id/staff-stats": ok("Figures per staff member of one department", DepartmentStaffStats),
  "GET /api/supervision/flags": ok("Signs of off-platform handling", OffplatformFlagList),
  "GET /api/supervision/reports/monthly": { summary: "A month's supervision report (PDF or CSV)", response: { 200: raw("application/pdf or text/csv") } },
  "GET /api/supervision/my-escalations": ok("Open escalations of the caller's departments", MyEscalationList),

  // Calendar
  "GET /api/calendar": open(ok("Working-day calendar", CalendarDays)),
  "GET /api/calendar/status": open(ok("Which years the calendar is maintained for", CalendarStatus)),
  "PUT /api/calendar/days/:date": ok("Set a day of the calendar", CalendarDaySet),
  "POST /api/calendar/years/:year/maintained": ok("Mark a year's calendar maintained", CalendarYearMaintained),

  // Messages and engagement
  "GET /api/inbox": ok("The caller's messages", Inbox),
  "POST /api/inbox/:id/read": ok("Mark a message read", InboxMarked),
  "POST /api/inbox/read-all": ok("Mark every message read", InboxMarked),
  "POST /api/cases/:id/evaluation": created("Evaluate a closed case", EvaluationRecorded),
  "POST /api/complaints": created("File a complaint", ComplaintFiled),
  "GET /api/complaints": ok("Complaints and work orders", ComplaintList),
  "GET /api/complaints/:id": ok("A complaint", Complaint),
  "POST /api/complaints/:id/reply": ok("Reply to a complaint", Complaint),
  "POST /api/consultations": created("Ask a question or make a suggestion", ConsultationFiled),
  "GET /api/my/consultations": ok("The applicant's questions and suggestions", MyConsultationList),
  "GET /api/consultations": ok("Questions and suggestions of the caller's departments", ConsultationList),
  "GET /api/consultations/:id": ok("A question or suggestion", Consultation),
  "POST /api/consultations/:id/reply": ok("Answer a question or suggestion", Consultation),
  "POST /api/consultations/:id/assign": ok("Hand a question to another staff member of the department", Consultation),

  // Audit
  "GET /api/audit": ok("Search the audit trail", AuditPage),
  "GET /api/audit/staff": ok("Staff to choose from in the audit search", AuditStaffList),
  "GET /api/audit/verify": ok("Verify the audit chain", AuditVerification),

  // Staff administration
  "GET /api/admin/staff": ok("Staff the caller may administer", StaffList),
  "GET /api/admin/staff/:id": ok("A staff member with training and changes", StaffDetail),
  "POST /api/admin/staff/:id/training": created("Record a training", TrainingRecorded),
  "GET /api/admin/staff-changes": ok("Staff change requests", StaffChangeList),
  "POST /api/admin/staff-changes": created("Request a staff change", StaffChange),
  "POST /api/admin/staff-changes/:id/approve": ok("Approve a staff change", StaffChange),
  "POST /api/admin/staff-changes/:id/reject": ok("Reject a staff change", StaffChange),
  "POST /api/admin/staff-changes/:id/withdraw": ok("Withdraw a staff change", StaffChange),

  // Organization administration
  "GET /api/admin/regions": ok("Regions the caller administers", AdminRegionList),
  "POST /api/admin/regions": created("Create a region", AdminRegion),
  "GET /api/admin/departments": ok("Departments the caller administers", AdminDepartmentList),
  "POST /api/admin/departments": created("Create a department", Created),
  "PATCH /api/admin/departments/:id": ok("Change or disable a department", AdminDepartment),
  "GET /api/admin/halls": ok("Service halls the caller administers", AdminHallList),
  "POST /api/admin/halls": created("Create a service hall", Created),
  "PATCH /api/admin/halls/:id": ok("Change or disable a service hall", AdminHall),

  // Integration: the event feed and webhooks of department systems
  "GET /api/events": { ...ok("The department's events after a cursor, in commit order", IntegrationEventPage), bearerScope: "events:read", bearerOnly: true },
  "POST /api/admin/webhooks": created("Subscribe an integration client's URL to event types (the secret is shown once)", WebhookCreated),
  "GET /api/admin/webhooks": ok("An integration client's webhook subscriptions", WebhookSubscriptionList),
  "DELETE /api/admin/webhooks/:id": none("Delete a webhook subscription"),
  "POST /api/admin/webhooks/:id/resume": ok("Resume a paused webhook subscription (sends the held events)", WebhookResumed),
  "GET /api/admin/webhooks/:id/deliveries": ok("A subscription's deliveries with every attempt", WebhookDeliveryList),
  "POST /api/admin/webhooks/:id/deliveries/:did/replay": ok("Send a delivery again now", WebhookReplayed),
  // Department systems' clients (R5): administered by the department's admin or a platform admin
  "GET /api/admin/integrations": ok("Integration clients the caller administers", IntegrationClientList),
  "POST /api/admin/integrations": created("Create an integration client; its token is shown once", IntegrationCreated),
  "GET /api/admin/integrations/:id": ok("An integration client with its recent calls", IntegrationClientDetail),
  "POST /api/admin/integrations/:id/rotate": ok("Mint a new token; the previous one works until its grace ends", IntegrationRotated),
  "PUT /api/admin/integrations/:id/rate-limit": ok("Set a client's calls per minute", IntegrationClientDetail),
  "DELETE /api/admin/integrations/:id": ok("Revoke a client: both its tokens stop at once", IntegrationRevoked),
  "GET /api/integration/certificates/:no": { ...ok("A certificate of any department, by number, holder masked (R27)", PublicCertificate), bearerScope: "certificates:read" },

  // Demo and test affordances (absent in production)
  "GET /api/dev/outbox": open(ok("Messages the platform sent (demo)", Outbox)),
  "GET /api/dev/clock": open(ok("The platform clock (demo)", DevClock)),
  "POST /api/dev/clock": open(ok("Move the platform clock (demo)", DevClockSet)),
  "GET /api/dev/accounts": open(ok("Demo accounts", DemoAccounts)),
} as const satisfies Record<string, RouteContract>;

export type RouteKey = keyof typeof routes;
export const routeTable: Readonly<Record<string, RouteContract>> = routes;
