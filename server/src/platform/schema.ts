import type {
  AgreementStatus, ApplicantType, CalendarSource, CaseChannel, CaseRecordKind, CaseResult, CaseStatus, CertificateStatus, ComplaintKind,
  ComplaintStatus, ConsultationKind, ConsultationStatus, DayKind, DeliveryMethod, EscalationStatus, FormFieldType, Light, MessageChannel, OffplatformFlagKind, HandlingMode, VersionStatus,
  RegionLevel, StaffChangeKind, StaffChangeStatus, StepKind, TaskOutcome, TaskStatus, UserKind,
} from "@cq/contracts";
import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

// The enumerations are the HTTP contract's (@cq/contracts): the database holds the same values.
export type { CaseStatus, StaffChangeKind, StaffChangeStatus, TaskOutcome, TaskStatus };

/** Timestamps are written as Date and read as Date. */
type Ts = Date;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface RegionsTable { code: string; name: string; level: RegionLevel; parent_code: string | null }
export interface DepartmentsTable {
  id: string; code: string; name: string; short_name: string; region_code: string;
  counterpart_id: string | null; phone: string; address: string; created_at: Ts; disabled_at: Ts | null;
}
export interface ServiceHallsTable { id: string; code: string; name: string; region_code: string; address: string; phone: string; hours: string; disabled_at: Ts | null }
/** `phone`, `id_number`, `legal_rep_id_number` and the TOTP secrets are sealed (platform/personalData.ts); `*_index` are their blind indexes. */
export interface UsersTable {
  id: string; kind: UserKind; applicant_type: ApplicantType | null; name: string; phone_index: Generated<string | null>; id_number_index: Generated<string | null>;
  username: string | null; phone: string | null; id_number: string | null; credit_code: string | null;
  legal_rep_name: string | null; legal_rep_id_number: string | null; password_hash: string;
  department_id: string | null; hall_id: string | null; trained_at: Ts | null;
  failed_logins: Generated<number>; locked_until: Ts | null; disabled: Generated<boolean>; created_at: Ts;
  must_change_password: Generated<boolean>; lang: Generated<"zh-CN" | "en">;
  totp_secret: Generated<string | null>; totp_pending_secret: Generated<string | null>; totp_enabled_at: Generated<Ts | null>; totp_last_step: Generated<number | null>;
  email: Generated<string | null>;
}
export interface RoleAssignmentsTable { id: string; user_id: string; role: string; department_id: string | null; region_code: string | null; created_at: Ts }
export interface SessionsTable { id: string; user_id: string; created_at: Ts; expires_at: Ts; ip: string | null; last_seen_at: Ts | null }
export interface PasswordHistoryTable { id: string; user_id: string; password_hash: string; created_at: Ts }
export interface RecoveryCodesTable { id: string; user_id: string; code_hash: string; created_at: Ts; used_at: Ts | null }
export interface SmsCodesTable { id: string; phone_index: string; purpose: string; code_hash: string; created_at: Ts; expires_at: Ts; attempts: Generated<number>; used_at: Ts | null }
/** `to_address` is sealed; `to_index` its blind index (a phone). */
/** Where a message of the outbox stands: `recorded` where no sender is configured for its channel (the demo). */
export type OutboxStatus = "queued" | "sending" | "sent" | "failed" | "recorded";
export interface OutboxTable {
  id: string; to_address: string; to_index: Generated<string | null>; channel: MessageChannel; text: string; created_at: Ts; sent_at: Ts | null;
  status: Generated<OutboxStatus>; attempts: Generated<number>; next_attempt_at: Ts | null; locked_by: Generated<string | null>; locked_at: Generated<Ts | null>;
  last_error: Generated<string | null>; kind: string | null; params: Json<Record<string, string>> | null; subject: string | null;
}
export interface FilesTable { sha256: string; size: number; mime: string; created_at: Ts }
export interface ItemsTable {
  id: string; code: string; department_id: string; level: RegionLevel; region_code: string; name: string;
  offline_only: Generated<boolean>; status: Generated<"active" | "cancelled">; current_version_id: string | null; created_at: Ts;
}
export interface FormField { key: string; label: string; type: FormFieldType; required: boolean }
/** One step of an item version's process. `departmentId` null means the lead department (or, for co-handle, each assisting one). */
export interface ProcessStep {
  id: string;
  name: string;
  kind: StepKind;
  departmentId: string | null;
  role: string;
  workingDays: number;
  /** A named staff member who acts on this step; otherwise anyone with the role. */
  staffId?: string | null;
  /** Art. 45 procedures (inspection, testing, expert review…): their time is not counted. */
  clockStops?: boolean;
}
export type StepSummary = Pick<ProcessStep, "id" | "name" | "kind" | "departmentId">;
export interface ItemVersionsTable {
  id: string; item_id: string; version: number; effective_from: Ts | null; legal_basis: string; conditions: string; handling_mode: HandlingMode;
  statutory_days: number; statutory_extension_days: number; promised_days: number; yellow_days: number; fees: string; result: string;
  result_certificate_type: string | null; responsibilities: string; accountability: string; consultation_phone: string;
  complaint_phone: string; applicant_types: string[]; form_fields: Json<FormField[]>; process: Json<{ steps: ProcessStep[] }>;
  assisting_department_ids: string[]; cc_department_ids: string[]; search_text: string; created_at: Ts;
  assisting_days: Json<Record<string, number>>; result_department_ids: string[];
  /** The steps as the public progress page shows them, and the departments they name (written with `process`). */
  step_summary: Json<StepSummary[]>; step_department_ids: string[];
  status: Generated<VersionStatus>; effective_on: string | null; base_version_id: string | null; created_by: string | null;
  updated_by: string | null; updated_at: Ts | null; submitted_by: string | null; submitted_at: Ts | null; decided_by: string | null;
  decided_at: Ts | null; reject_reason: string | null; changes: ColumnType<string[], string | undefined, string>; diff: ColumnType<{ field: string; before: unknown; after: unknown }[], string | undefined, string>;
}
export interface ItemMaterialsTable {
  id: string; item_version_id: string; key: string; name: string; required: boolean; description: string | null;
  has_form: boolean; certificate_type: string | null; sort: number; blank_form_file: string | null; sample_file: string | null;
}
export interface VersionAgreementsTable {
  id: string; version_id: string; department_id: string; status: AgreementStatus; decided_by: string | null; decided_at: Ts | null; note: string | null;
}
export interface ItemFilesTable { item_id: string; sha256: string; file_name: string; uploaded_by: string | null; created_at: Ts }
export interface ChangeNoticesTable { id: string; version_id: string; case_id: string; applicant_id: string; created_at: Ts }
export interface CasesTable {
  id: string; item_id: string; item_version_id: string; applicant_id: string; registered_by: string | null;
  channel: CaseChannel; status: CaseStatus; result: CaseResult | null; supervision_code: string | null;
  region_code: string; lead_department_id: string; form_data: Json<Record<string, unknown>>; round: Generated<number>;
  created_at: Ts; updated_at: Ts; submitted_at: Ts | null; received_at: Ts | null; accepted_at: Ts | null;
  deemed_accepted: Generated<boolean>; closed_at: Ts | null; not_accepted_reasons: Json<string[]> | null;
  current_step_id: string | null; supplement_return_status: CaseStatus | null; withdrawn_at: Ts | null; decided_at: Ts | null;
  due_date: string | null; yellow_from: string | null; light: Light | null;
  suspended: Generated<boolean>; extension_days: Generated<number>; used_working_days: number | null; on_time: boolean | null;
  /** Kept by supervision/repository.ts: an escalation of the case is open; the department explained a delay. */
  escalated: Generated<boolean>; explained: Generated<boolean>;
  reference_no: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface CaseMaterialsTable {
  id: string; case_id: string; material_id: string; round: number; file_sha256: string | null; file_name: string | null;
  size: number | null; mime: string | null; offline: Generated<boolean>; note: string | null; certificate_no: string | null;
  uploaded_by: string; created_at: Ts; removed_at: Ts | null;
}
/** One saved version of a document template; `scope` is 'platform' or the department's id. */
export interface DocumentTemplatesTable {
  id: string; scope: string; department_id: string | null; kind: string; version: number;
  body: Json<{ title: string; paragraphs: string[]; footnote: string }> | null; note: string | null; created_by: string | null; created_at: Ts;
}
export interface DocumentsTable {
  id: string; case_id: string | null; kind: string; title: string; document_no: string; created_by: string | null; created_at: Ts;
  /** Null until rendered (`documents/rendering.ts`); then never changed. */
  file_sha256: string | null; rendered_at: Generated<Ts | null>;
  /** What the renderer needs, frozen at issue time; null for documents issued before rendering was deferred. */
  render_input: Json<Record<string, unknown>> | null;
}
/** The public progress page's facts of a case (cases/progressRepository.ts), kept by the commands that change it. */
export interface CaseProgressTable {
  case_id: string; supervision_code: string | null; reference_no: string | null; item_id: string; department_ids: string[];
  facts: Json<Record<string, unknown>>;
}
export interface CaseEventsTable { id: string; case_id: string; at: Ts; kind: string; public: boolean; department_id: string | null; actor_id: string | null; data: Json<Record<string, unknown>>; seq: Generated<number> }
export interface CountersTable { key: string; value: number }
export interface AuditLogTable {
  seq: Generated<number>; id: string; at: Ts; actor_id: string | null; actor_kind: string; actor_name: string | null;
  ip: string | null; request_id: string | null; action: string; object_type: string; object_id: string | null;
  case_id: string | null; old_values: Json | null; new_values: Json | null; prev_hash: string; hash: string; key_id: string | null;
}
/** What a case contributes to the supervision counters now (0031, supervision/counts.ts). */
export interface CaseCountedTable {
  case_id: string; department_id: string; region_code: string; received_at: Ts | null; accepted_at: Ts | null; closed_at: Ts | null;
  on_time: boolean | null; used_days: number | null; extended: boolean; deemed: boolean; light: "red" | "yellow" | null; suspended_open: boolean;
}
/** Per department and region: its open cases that are red, yellow, suspended now (0031). */
export interface DepartmentOpenCountsTable { department_id: string; region_code: string; red: number; yellow: number; suspended: number }
/** Per department, region and day (Asia/Shanghai): the supervision figures of the period kinds (0031). */
export interface DepartmentDayCountsTable {
  department_id: string; region_code: string; day: string; received: number; accepted: number; closed: number; closed_on_time: number;
  used_days_sum: string; used_days_n: number; extended: number; deemed_accepted: number;
}
/** One audit record of a command, as it waits in `audit_pending.entries`. */
export interface PendingAuditRecord {
  id: string; action: string; objectType: string; objectId: string | null; caseId: string | null; oldValues: unknown; newValues: unknown;
}
/** The audit records of a committed command, in order, waiting for the sequencer to link them into the chain (0030). */
export interface AuditPendingTable {
  pseq: Generated<string>; at: Ts; actor_id: string | null; actor_kind: string; actor_name: string | null;
  ip: string | null; request_id: string | null; entries: Json<PendingAuditRecord[]>;
}
export interface AuditCheckpointsTable { id: string; entries: number; last_seq: number; head_hash: string; key_id: string; at: Ts; mac: string }
export interface PlatformSettingsTable { key: string; value: Json }
export interface TasksTable {
  id: string; case_id: string; step_id: string; step_index: number; kind: ProcessStep["kind"]; name: string; department_id: string;
  role: string; assignee_id: string | null; status: TaskStatus; outcome: TaskOutcome | null; opinion: string | null;
  attachments: Json<{ id: string; fileName: string; sha256: string; mime: string; size: number }[]>; record: Json<Record<string, unknown>> | null;
  working_days: number; round: number; opened_at: Ts; claimed_at: Ts | null; claimed_by: string | null; completed_at: Ts | null;
  completed_by: string | null; due_date: string | null; yellow_from: string | null; light: Light | null;
  clock_stopped: Generated<boolean>;
  /** When the staff were told the task turned yellow, and the department head that it turned red (0019); null until then. */
  yellow_noticed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  red_noticed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}
export interface SupplementNoticesTable {
  id: string; case_id: string; round: number; department_id: string; task_id: string | null; requested_by: string;
  items: Json<{ materialId?: string; name?: string; reason: string }[]>; document_id: string | null; created_at: Ts;
  answered_at: Ts | null; answered_by: string | null;
}
export interface CaseRecordsTable {
  id: string; case_id: string; task_id: string | null; kind: CaseRecordKind; department_id: string | null;
  data: Json<Record<string, unknown>>; recorded_by: string | null; recorded_at: Ts;
  /** A department system's client that entered the record (then `recorded_by` is null). */
  recorded_by_client: ColumnType<string | null, string | null | undefined, string | null>;
}
export interface HandoversTable {
  id: string; case_id: string; supervision_code: string; items: Json<string[]>; from_department_id: string; to_department_id: string;
  registered_by: string; registered_at: Ts; note: string | null; received_at: Ts | null; received_by: string | null;
}
export interface CertificatesTable {
  certificate_no: string; case_id: string | null; type: string; name: string; holder_id: string | null; holder_name: string;
  holder_code: string; issuer_department_id: string; issued_at: Ts; valid_until: string | null; status: CertificateStatus;
  supervision_code: string | null; payload: Json<Record<string, unknown>>; signature: string; key_id: string;
  document_id: string | null; revoked_at: Ts | null; revoke_reason: string | null;
  /** The particulars as printed (`certificates/particulars.ts` StoredParticular[]), personal values sealed; [] before particulars. */
  particulars: ColumnType<unknown[], string | undefined, string>;
  /** The law or rule a revocation rests on (0015); null before it or when not revoked. */
  revoke_legal_basis: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the holder was reminded that the certificate expires soon (once; 0015). */
  expiry_reminded_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}
export interface CaseResultsTable {
  id: string; case_id: string; department_id: string; result: CaseResult; document_id: string | null;
  certificate_no: string | null; recorded_by: string; recorded_at: Ts;
}
/** `address` is sealed (platform/personalData.ts). */
export interface DeliveriesTable {
  id: string; case_id: string; method: DeliveryMethod; tracking_no: string | null; address: string | null;
  recipient_name: string | null; id_checked: Generated<boolean>; delivered_by: string; delivered_at: Ts;
}
/** The applicant's choice of how to receive the result; `phone` and `address` are sealed (platform/personalData.ts). */
export interface DeliveryChoicesTable {
  case_id: string; method: DeliveryMethod; recipient_name: string | null; phone: string | null; address: string | null;
  chosen_by: string; chosen_at: Ts; ready_notice_at: Ts | null;
}
export interface CaseCopiesTable { id: string; case_id: string; department_id: string; created_at: Ts; read_at: Ts | null }
export interface InboxTable {
  id: string; user_id: string | null; department_id: string | null; role: string | null; title: string; text: string;
  case_id: string | null; created_at: Ts;
}
export interface StaffChangesTable {
  id: string; kind: StaffChangeKind; status: StaffChangeStatus; staff_id: string | null; department_id: string | null;
  payload: Json<Record<string, unknown>>; reason: string; requested_by: string; requested_at: Ts; decided_by: string | null;
  decided_at: Ts | null; decision_note: string | null;
}
export interface TrainingRecordsTable {
  id: string; user_id: string; course: string; hours: number; completed_on: string; certificate_no: string | null;
  recorded_by: string; recorded_at: Ts;
}

export interface ComplaintsTable {
  id: string; kind: ComplaintKind; applicant_id: string; case_id: string | null; department_id: string; subject: string;
  text: string; created_at: Ts; reply_due_date: string; status: ComplaintStatus; reply_text: string | null; replied_by: string | null;
  replied_at: Ts | null;
}
export interface EvaluationsTable {
  id: string; case_id: string; applicant_id: string; department_id: string; level: number; efficiency: number | null;
  attitude: number | null; quality: number | null; comment: string | null; work_order_id: string | null; created_at: Ts;
}
export interface InboxReadsTable { message_id: string; user_id: string; read_at: Ts }

export interface ConsultationsTable {
  id: string; kind: ConsultationKind; applicant_id: string; item_id: string | null; case_id: string | null; department_id: string;
  subject: string; text: string; created_at: Ts; reply_due_date: string; yellow_from: string; assignee_id: string; status: ConsultationStatus;
  reply_text: string | null; replied_by: string | null; replied_at: Ts | null;
}
export interface Database {
  regions: RegionsTable;
  departments: DepartmentsTable;
  service_halls: ServiceHallsTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  recovery_codes: RecoveryCodesTable;
  password_history: PasswordHistoryTable;
  sms_codes: SmsCodesTable;
  outbox: OutboxTable;
  files: FilesTable;
  items: ItemsTable;
  item_versions: ItemVersionsTable;
  item_materials: ItemMaterialsTable;
  cases: CasesTable;
  case_materials: CaseMaterialsTable;
  documents: DocumentsTable;
  document_templates: DocumentTemplatesTable;
  case_events: CaseEventsTable;
  counters: CountersTable;
  audit_log: AuditLogTable;
  audit_pending: AuditPendingTable;
  case_counted: CaseCountedTable;
  department_day_counts: DepartmentDayCountsTable;
  department_open_counts: DepartmentOpenCountsTable;
  audit_checkpoints: AuditCheckpointsTable;
  platform_settings: PlatformSettingsTable;
  tasks: TasksTable;
  supplement_notices: SupplementNoticesTable;
  case_records: CaseRecordsTable;
  handovers: HandoversTable;
  certificates: CertificatesTable;
  case_results: CaseResultsTable;
  deliveries: DeliveriesTable;
  delivery_choices: DeliveryChoicesTable;
  case_copies: CaseCopiesTable;
  inbox: InboxTable;
  version_agreements: VersionAgreementsTable;
  change_notices: ChangeNoticesTable;
  item_files: ItemFilesTable;
  calendar_days: CalendarDaysTable;
  calendar_version: { id: number; version: number };
  case_progress: CaseProgressTable;
  calendar_years: CalendarYearsTable;
  suspensions: SuspensionsTable;
  extensions: ExtensionsTable;
  explanations: ExplanationsTable;
  escalations: EscalationsTable;
  jobs: JobsTable;
  offplatform_flags: OffplatformFlagsTable;
  staff_changes: StaffChangesTable;
  training_records: TrainingRecordsTable;
  inbox_reads: InboxReadsTable;
  complaints: ComplaintsTable;
  consultations: ConsultationsTable;
  evaluations: EvaluationsTable;
  integration_clients: IntegrationClientsTable;
  integration_events: IntegrationEventsTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  integration_calls: IntegrationCallsTable;
}
export type TaskRow = Selectable<TasksTable>;
export interface CalendarDaysTable {
  date: string; workday: boolean; kind: DayKind; note: string | null;
  source: CalendarSource; updated_at: Ts; updated_by: string | null;
}
export interface SuspensionsTable {
  id: string; case_id: string; kind: string; reason: string; expected_working_days: number; automatic: Generated<boolean>;
  task_id: string | null; start_day: string; started_at: Ts; started_by: string | null; end_day: string | null; ended_at: Ts | null;
  ended_by: string | null; document_id: string | null;
}
export interface ExtensionsTable { id: string; case_id: string; working_days: number; reason: string; approved_by: string; created_at: Ts; document_id: string | null }
export interface ExplanationsTable { id: string; case_id: string; text: string; created_by: string; created_at: Ts }
export interface EscalationsTable {
  id: string; case_id: string; department_id: string; automatic: boolean; note: string | null; created_by: string | null; created_at: Ts;
  response_due_date: string; response_yellow_from: string; light: Light | null; status: EscalationStatus;
  response_text: string | null; responded_by: string | null; responded_at: Ts | null;
}
export interface JobsTable {
  id: string; kind: string; dedupe_key: string | null; run_at: Ts; payload: Json<Record<string, unknown>>; status: "queued" | "running" | "done" | "failed";
  attempts: Generated<number>; locked_by: string | null; locked_at: Ts | null; finished_at: Ts | null; last_error: string | null;
}
export interface OffplatformFlagsTable {
  id: string; case_id: string | null; certificate_no: string | null; department_id: string | null;
  kind: OffplatformFlagKind;
  evidence: Json<Record<string, unknown>>; created_at: Ts;
}
export interface CalendarYearsTable { year: number; source: CalendarSource; maintained_at: Ts; maintained_by: string | null }

export type UserRow = Selectable<UsersTable>;
export type CaseRow = Selectable<CasesTable>;
export type ItemVersionRow = Selectable<ItemVersionsTable>;
export type NewAuditRow = Insertable<AuditLogTable>;

export interface IntegrationClientsTable {
  id: string; name: string; department_id: string; scopes: Json<string[]>; token_hash: string; token_hint: string;
  previous_token_hash: string | null; previous_valid_until: Ts | null; rate_limit_per_minute: Generated<number>;
  created_by: string | null; created_at: Ts; rotated_at: Ts | null; revoked_at: Ts | null; revoked_by: string | null; last_used_at: Ts | null;
}

/** The feed of department systems (0023); `seq` is the cursor, drawn in commit order. */
/** `seq` is null until the sequencer numbers the event, after its command committed (audit/sequencer.ts). */
export interface IntegrationEventsTable {
  seq: ColumnType<string | null, never, string>; written: Generated<string>; id: string; type: string; case_id: string; supervision_code: string | null; department_id: string;
  at: Ts; data: Json<Record<string, unknown>>;
}
export type WebhookSubscriptionStatus = "active" | "paused";
/** `secret` is sealed (platform/personalData.ts): it must be recovered to sign. */
export interface WebhookSubscriptionsTable {
  id: string; integration_id: string; url: string; events: Json<string[]>; secret: string; status: WebhookSubscriptionStatus;
  failing_since: Ts | null; consecutive_failures: Generated<number>; created_by: string | null; created_at: Ts; paused_at: Ts | null;
  deleted_at: Ts | null;
}
/** `held`: queued while its subscription is paused; resuming queues it. */
export type WebhookDeliveryStatus = "queued" | "delivering" | "delivered" | "failed" | "held";
export interface WebhookDeliveriesTable {
  id: string; subscription_id: string; event_id: string; status: WebhookDeliveryStatus; attempts: Generated<number>;
  first_attempt_at: Ts | null; next_attempt_at: Ts; last_status_code: number | null; locked_by: string | null; locked_at: Ts | null;
  created_at: Ts; delivered_at: Ts | null;
}
export interface WebhookAttemptsTable { id: string; delivery_id: string; at: Ts; status_code: number | null; error: string | null; duration_ms: number }
export interface IntegrationCallsTable { id: Generated<string>; client_id: string; method: string; route: string; status: number; at: Ts }
