import type { z } from "zod";
import { AdminItemList, DepartmentList, ItemGuide, ItemPage, ItemProcess, PendingAgreementList, ProcessAgreementDecided, ProcessDraftPublished, ProcessDraftSaved, ProcessDraftSubmitted, PublicDepartment, RegionList } from "./responses/catalog.ts";
import { CasePage, CaseDetail, CaseTaskList, Worklist } from "./responses/cases.ts";
import { CalendarDays, CalendarDaySet, CalendarStatus, CalendarYearMaintained } from "./responses/calendar.ts";
import { CertificateKeys, CertificateList, CertificateRegistered, CertificateRevoked, PublicCertificate } from "./responses/certificates.ts";
import { Created } from "./responses/common.ts";
import { ComplaintFiled, Complaint, ComplaintList, EvaluationRecorded, Inbox, InboxMarked } from "./responses/engagement.ts";
import { AuthResult, Me, SmsCodeSent } from "./responses/identity.ts";
import { AuditPage, AuditVerification, DemoAccounts, DevClock, DevClockSet, Health, Outbox, Readiness } from "./responses/ops.ts";
import { PublicProgress } from "./responses/public.ts";
import { StaffChange, StaffChangeList, StaffDetail, StaffList, TrainingRecorded } from "./responses/staff.ts";
import {
  EscalationAnswered, EscalationList, EscalationRaised, ExtensionGranted, MyEscalationList, OffplatformFlagList, SupervisedCasePage,
  SupervisionStats, SuspensionEnded,
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
  summary?: string;
  /** Every 2xx status the route answers with, and what its body is. */
  response: Readonly<Record<number, ResponseContract>>;
}

export const raw = (contentType: string): RawBody => ({ raw: contentType });
export const noBody: NoBody = { noBody: true };

export const isRawBody = (r: ResponseContract): r is RawBody => typeof r === "object" && r !== null && "raw" in r && typeof (r as RawBody).raw === "string";
export const isNoBody = (r: ResponseContract): r is NoBody => typeof r === "object" && r !== null && "noBody" in r && (r as NoBody).noBody === true;

const ok = (schema: z.ZodType) => ({ response: { 200: schema } });
const created = (schema: z.ZodType) => ({ response: { 201: schema } });
const pdf = { response: { 200: raw("application/pdf") } };
const file = { response: { 200: raw("application/octet-stream") } };
const none = { response: { 204: noBody } };

/**
 * Every route the server registers, as Fastify spells it ("METHOD /path/:param"), with the body of
 * each 2xx answer. The server attaches these as its response schemas (OpenAPI, serialization) and
 * its tests demand an entry for every registered route and a matching body for every answer.
 */
export const routes = {
  // Operations
  "GET /healthz": ok(Health),
  "GET /readyz": ok(Readiness),
  "GET /metrics": { response: { 200: raw("text/plain; version=0.0.4") } },
  "GET /api/openapi.json": { response: { 200: raw("application/json") } },

  // Identity
  "POST /api/auth/sms-codes": { response: { 202: SmsCodeSent } },
  "POST /api/auth/register": created(AuthResult),
  "POST /api/auth/login": ok(AuthResult),
  "POST /api/auth/logout": none,
  "POST /api/auth/password-reset": none,
  "POST /api/auth/password": none,
  "GET /api/me": ok(Me),

  // Catalog
  "GET /api/catalog/regions": ok(RegionList),
  "GET /api/catalog/departments": ok(DepartmentList),
  "GET /api/public/departments/:id": ok(PublicDepartment),
  "GET /api/catalog/items": ok(ItemPage),
  "GET /api/catalog/items/:id": ok(ItemGuide),
  "GET /api/catalog/items/:id/flowchart.svg": { response: { 200: raw("image/svg+xml") } },
  "GET /api/catalog/items/:id/materials/:materialId/:variant": pdf,

  // Process configuration
  "GET /api/admin/items": ok(AdminItemList),
  "GET /api/admin/items/:id/process": ok(ItemProcess),
  "POST /api/admin/items/:id/process-drafts": created(ProcessDraftSaved),
  "POST /api/admin/items/:id/process-drafts/:draftId": ok(ProcessDraftSaved),
  "POST /api/admin/process-drafts/:id/submit": ok(ProcessDraftSubmitted),
  "POST /api/admin/process-drafts/:id/publish": ok(ProcessDraftPublished),
  "POST /api/admin/process-drafts/:id/agreements": ok(ProcessAgreementDecided),
  "GET /api/admin/process-agreements": ok(PendingAgreementList),
  "POST /api/admin/flowchart-preview": { response: { 200: raw("image/svg+xml") } },

  // Cases
  "POST /api/cases": created(CaseCreated),
  "GET /api/cases": ok(CasePage),
  "GET /api/cases/:id": ok(CaseDetail),
  "POST /api/cases/:id/form": ok(FormSaved),
  "POST /api/cases/:id/materials": created(UploadResult),
  "DELETE /api/cases/:id/materials/:uploadId": none,
  "GET /api/cases/:id/materials/:uploadId/file": file,
  "POST /api/cases/:id/submit": ok(CaseSubmitted),
  "POST /api/cases/:id/accept": ok(AcceptResult),
  "POST /api/cases/:id/not-accept": ok(NotAcceptResult),
  "GET /api/worklist": ok(Worklist),

  // Workflow
  "GET /api/cases/:id/tasks": ok(CaseTaskList),
  "POST /api/tasks/:id/claim": ok(TaskClaimed),
  "POST /api/tasks/:id/complete": ok(TaskCompleted),
  "POST /api/tasks/:id/attachments": created(TaskAttachmentAdded),
  "GET /api/tasks/:id/attachments/:attachmentId/file": file,
  "POST /api/cases/:id/decision": ok(DecisionResult),
  "POST /api/cases/:id/results": created(ResultRecorded),
  "POST /api/cases/:id/deliver": ok(DeliverResult),
  "POST /api/cases/:id/supplement-notice": ok(SupplementNoticeResult),
  "POST /api/cases/:id/supplements": ok(SupplementResult),
  "POST /api/cases/:id/withdraw": ok(WithdrawResult),
  "POST /api/cases/:id/verifications": created(Created),
  "POST /api/cases/:id/third-party-results": created(Created),
  "POST /api/cases/:id/handovers": created(HandoverRegistered),
  "POST /api/handovers/:id/receive": ok(HandoverReceived),
  "GET /api/hall/applicants": ok(HallApplicantList),
  "POST /api/hall/applicants": created(Created),

  // Public queries
  "GET /api/public/progress/:code": ok(PublicProgress),
  "GET /api/public/certificates/:no": ok(PublicCertificate),
  "GET /.well-known/certificate-keys.json": ok(CertificateKeys),

  // Certificates and documents
  "GET /api/certificates": ok(CertificateList),
  "POST /api/certificates": created(CertificateRegistered),
  "POST /api/certificates/:no/revoke": ok(CertificateRevoked),
  "GET /api/documents/:id": pdf,

  // The clock and supervision
  "POST /api/cases/:id/suspensions": created(Created),
  "POST /api/cases/:id/suspensions/:sid/end": ok(SuspensionEnded),
  "POST /api/cases/:id/extensions": created(ExtensionGranted),
  "POST /api/cases/:id/explanations": created(Created),
  "GET /api/supervision/escalations": ok(EscalationList),
  "POST /api/supervision/escalations": created(EscalationRaised),
  "POST /api/supervision/escalations/:id/response": ok(EscalationAnswered),
  "GET /api/supervision/cases": ok(SupervisedCasePage),
  "GET /api/supervision/stats": ok(SupervisionStats),
  "GET /api/supervision/flags": ok(OffplatformFlagList),
  "GET /api/supervision/reports/monthly": { response: { 200: raw("application/pdf or text/csv") } },
  "GET /api/supervision/my-escalations": ok(MyEscalationList),

  // Calendar
  "GET /api/calendar": ok(CalendarDays),
  "GET /api/calendar/status": ok(CalendarStatus),
  "PUT /api/calendar/days/:date": ok(CalendarDaySet),
  "POST /api/calendar/years/:year/maintained": ok(CalendarYearMaintained),

  // Messages and engagement
  "GET /api/inbox": ok(Inbox),
  "POST /api/inbox/:id/read": ok(InboxMarked),
  "POST /api/inbox/read-all": ok(InboxMarked),
  "POST /api/cases/:id/evaluation": created(EvaluationRecorded),
  "POST /api/complaints": created(ComplaintFiled),
  "GET /api/complaints": ok(ComplaintList),
  "GET /api/complaints/:id": ok(Complaint),
  "POST /api/complaints/:id/reply": ok(Complaint),

  // Audit
  "GET /api/audit": ok(AuditPage),
  "GET /api/audit/verify": ok(AuditVerification),

  // Staff administration
  "GET /api/admin/staff": ok(StaffList),
  "GET /api/admin/staff/:id": ok(StaffDetail),
  "POST /api/admin/staff/:id/training": created(TrainingRecorded),
  "GET /api/admin/staff-changes": ok(StaffChangeList),
  "POST /api/admin/staff-changes": created(StaffChange),
  "POST /api/admin/staff-changes/:id/approve": ok(StaffChange),
  "POST /api/admin/staff-changes/:id/reject": ok(StaffChange),
  "POST /api/admin/staff-changes/:id/withdraw": ok(StaffChange),

  // Demo and test affordances (absent in production)
  "GET /api/dev/outbox": ok(Outbox),
  "GET /api/dev/clock": ok(DevClock),
  "POST /api/dev/clock": ok(DevClockSet),
  "GET /api/dev/accounts": ok(DemoAccounts),
} as const satisfies Record<string, RouteContract>;

export type RouteKey = keyof typeof routes;
export const routeTable: Readonly<Record<string, RouteContract>> = routes;
