import type { ColumnType, Generated, Insertable, Selectable } from "kysely";

/** Timestamps are written as Date and read as Date. */
type Ts = Date;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface RegionsTable { code: string; name: string; level: "city" | "district"; parent_code: string | null }
export interface DepartmentsTable {
  id: string; code: string; name: string; short_name: string; region_code: string;
  counterpart_id: string | null; phone: string; address: string; created_at: Ts;
}
export interface ServiceHallsTable { id: string; code: string; name: string; region_code: string; address: string; phone: string; hours: string }
export interface UsersTable {
  id: string; kind: "applicant" | "staff"; applicant_type: "person" | "organization" | null; name: string;
  username: string | null; phone: string | null; id_number: string | null; credit_code: string | null;
  legal_rep_name: string | null; legal_rep_id_number: string | null; password_hash: string;
  department_id: string | null; hall_id: string | null; trained_at: Ts | null;
  failed_logins: Generated<number>; locked_until: Ts | null; disabled: Generated<boolean>; created_at: Ts;
}
export interface RoleAssignmentsTable { id: string; user_id: string; role: string; department_id: string | null; region_code: string | null; created_at: Ts }
export interface SessionsTable { id: string; user_id: string; created_at: Ts; expires_at: Ts; ip: string | null }
export interface SmsCodesTable { id: string; phone: string; purpose: string; code_hash: string; created_at: Ts; expires_at: Ts; attempts: Generated<number>; used_at: Ts | null }
export interface OutboxTable { id: string; to_address: string; channel: "sms" | "email"; text: string; created_at: Ts; sent_at: Ts | null }
export interface FilesTable { sha256: string; size: number; mime: string; created_at: Ts }
export interface ItemsTable {
  id: string; code: string; department_id: string; level: "city" | "district"; region_code: string; name: string;
  offline_only: Generated<boolean>; status: Generated<"active" | "cancelled">; current_version_id: string | null; created_at: Ts;
}
export interface FormField { key: string; label: string; type: "text" | "textarea" | "number" | "date"; required: boolean }
export interface ProcessStep { id: string; name: string; kind: string; departmentId: string | null; role: string; workingDays: number }
export interface ItemVersionsTable {
  id: string; item_id: string; version: number; effective_from: Ts; legal_basis: string; conditions: string; handling_mode: string;
  statutory_days: number; statutory_extension_days: number; promised_days: number; yellow_days: number; fees: string; result: string;
  result_certificate_type: string | null; responsibilities: string; accountability: string; consultation_phone: string;
  complaint_phone: string; applicant_types: string[]; form_fields: Json<FormField[]>; process: Json<{ steps: ProcessStep[] }>;
  assisting_department_ids: string[]; cc_department_ids: string[]; search_text: string; created_at: Ts;
}
export interface ItemMaterialsTable {
  id: string; item_version_id: string; key: string; name: string; required: boolean; description: string | null;
  has_form: boolean; certificate_type: string | null; sort: number;
}
export type CaseStatus =
  | "draft" | "submitted" | "supplement_requested" | "accepted" | "not_accepted" | "in_progress"
  | "suspended" | "decided" | "closed" | "withdrawn";
export interface CasesTable {
  id: string; item_id: string; item_version_id: string; applicant_id: string; registered_by: string | null;
  channel: "online" | "hall"; status: CaseStatus; result: "approved" | "denied" | null; supervision_code: string | null;
  region_code: string; lead_department_id: string; form_data: Json<Record<string, unknown>>; round: Generated<number>;
  created_at: Ts; updated_at: Ts; submitted_at: Ts | null; received_at: Ts | null; accepted_at: Ts | null;
  deemed_accepted: Generated<boolean>; closed_at: Ts | null; not_accepted_reasons: Json<string[]> | null;
}
export interface CaseMaterialsTable {
  id: string; case_id: string; material_id: string; round: number; file_sha256: string | null; file_name: string | null;
  size: number | null; mime: string | null; offline: Generated<boolean>; note: string | null; certificate_no: string | null;
  uploaded_by: string; created_at: Ts; removed_at: Ts | null;
}
export interface DocumentsTable { id: string; case_id: string | null; kind: string; title: string; document_no: string; file_sha256: string; created_by: string | null; created_at: Ts }
export interface CaseEventsTable { id: string; case_id: string; at: Ts; kind: string; public: boolean; department_id: string | null; actor_id: string | null; data: Json<Record<string, unknown>> }
export interface CountersTable { key: string; value: number }
export interface AuditLogTable {
  seq: Generated<number>; id: string; at: Ts; actor_id: string | null; actor_kind: string; actor_name: string | null;
  ip: string | null; request_id: string | null; action: string; object_type: string; object_id: string | null;
  case_id: string | null; old_values: Json | null; new_values: Json | null; prev_hash: string; hash: string;
}
export interface PlatformSettingsTable { key: string; value: Json }

export interface Database {
  regions: RegionsTable;
  departments: DepartmentsTable;
  service_halls: ServiceHallsTable;
  users: UsersTable;
  role_assignments: RoleAssignmentsTable;
  sessions: SessionsTable;
  sms_codes: SmsCodesTable;
  outbox: OutboxTable;
  files: FilesTable;
  items: ItemsTable;
  item_versions: ItemVersionsTable;
  item_materials: ItemMaterialsTable;
  cases: CasesTable;
  case_materials: CaseMaterialsTable;
  documents: DocumentsTable;
  case_events: CaseEventsTable;
  counters: CountersTable;
  audit_log: AuditLogTable;
  platform_settings: PlatformSettingsTable;
}

export type UserRow = Selectable<UsersTable>;
export type CaseRow = Selectable<CasesTable>;
export type ItemVersionRow = Selectable<ItemVersionsTable>;
export type NewAuditRow = Insertable<AuditLogTable>;
