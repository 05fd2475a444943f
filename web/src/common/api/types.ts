/** Shapes of the HTTP API the web app codes against (see shared/API.md). */
import type { WorkbenchSection } from "@cq/contracts";

export type CaseStatus =
  | "draft"
  | "submitted"
  | "supplement_requested"
  | "accepted"
  | "not_accepted"
  | "in_progress"
  | "suspended"
  | "decided"
  | "closed"
  | "withdrawn";

export type Light = "green" | "yellow" | "red";
export type ApplicantType = "person" | "organization";
export type CaseResult = "approved" | "denied";
export type NextAction = "complete-and-submit" | "wait-for-acceptance" | "supplement";

export interface Ref {
  id: string;
  name: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface RoleGrant {
  role: string;
  departmentId?: string;
  departmentName?: string;
  regionCode?: string;
}

export interface Me {
  id: string;
  name: string;
  kind: "applicant" | "staff";
  applicantType?: ApplicantType;
  roles: RoleGrant[];
  department?: Ref;
  /** Staff whose account was just created with an initial password (sent by SMS): true until they change it. */
  mustChangePassword?: boolean;
  /** What the server's policy lets this person open and do; the web shows only these. */
  abilities: MeAbilities;
}

/** The workbench sections, as the contracts name them. */
export type { WorkbenchSection };

export type GrantScope = "platform" | "region" | "department";

export interface MeAbilities {
  sections: Record<WorkbenchSection, boolean>;
  editCalendar: boolean;
  escalate: boolean;
  /** The platform-wide list of escalations, and the list of one's own departments. */
  escalations: { all: boolean; own: boolean };
  /** Department ids: where one works, registers hall cases, agrees to process changes, configures items. */
  departments: { member: string[]; hall: string[]; agree: string[]; administer: string[] };
  /** Roles one may ask to grant (with where each applies), and the roles that need a training record (R17). */
  staff: { grantableRoles: { role: string; scope: GrantScope }[]; approvingRoles: string[] };
  /** Roles a process step may name, and the usual role per kind of step. */
  processes: { stepRoles: string[]; defaultStepRole: Record<string, string> };
}

export interface DemoAccount {
  username: string;
  password: string;
  name: string;
  roles: string[];
  department?: string | Ref | null;
}

export interface OutboxMessage {
  to: string;
  channel: "sms" | "email";
  text: string;
  createdAt: string;
}

export interface Region {
  code: string;
  name: string;
  level: "city" | "district";
}

export interface Department {
  id: string;
  name: string;
  shortName: string;
  regionCode: string;
  regionName: string;
  /** The department's public phone and address (GET /api/catalog/departments sends both). */
  phone?: string | null;
  address?: string | null;
  itemCount: number;
}

export interface ItemSummary {
  id: string;
  code: string;
  name: string;
  department: Ref;
  level: "city" | "district";
  regionCode: string;
  regionName?: string;
  statutoryDays: number;
  promisedDays: number;
  multiDepartment?: boolean;
  applicantTypes?: ApplicantType[];
  offlineOnly?: boolean;
}

export interface Material {
  id: string;
  name: string;
  required: boolean;
  description?: string;
  formUrl?: string;
  sampleUrl?: string;
  certificateType?: string;
}

export type FormFieldType = "text" | "textarea" | "number" | "date";

export interface FormField {
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
}

export interface ProcessStep {
  id: string;
  name: string;
  kind: string;
  department: Ref | null;
  role: string;
  workingDays: number;
}

export interface ItemGuide {
  id: string;
  code: string;
  name: string;
  version: number | string;
  department: Ref;
  leadDepartment?: Ref;
  assistingDepartments?: Ref[];
  level: "city" | "district";
  regionCode: string;
  regionName?: string;
  legalBasis: string;
  conditions: string;
  handlingMode: string;
  statutoryDays: number;
  statutoryExtensionDays?: number;
  promisedDays: number;
  fees: string;
  materials: Material[];
  formFields: FormField[];
  process: { steps: ProcessStep[] };
  yellowDays?: number;
  result: string;
  responsibilities: string;
  accountability: string;
  consultationPhone: string;
  complaintPhone: string;
  applicantTypes?: ApplicantType[];
  offlineOnly?: boolean;
  updatedAt?: string;
}

export type FormData = Record<string, string | number | null>;

export interface CaseCreated {
  id: string;
  status: CaseStatus;
}

export interface UploadResult {
  id: string;
  fileName: string;
  size: number;
  mime: string;
  sha256: string;
}

export interface CaseListItem {
  id: string;
  status: CaseStatus;
  result?: CaseResult;
  supervisionCode?: string;
  itemId: string;
  itemName: string;
  department: Ref;
  createdAt: string;
  submittedAt?: string;
  acceptedAt?: string;
  nextAction: NextAction | null;
  dueDate?: string;
  light?: Light;
}

export interface CaseUpload {
  id: string;
  fileName: string;
  size: number;
  mime: string;
  sha256: string;
  offline: boolean;
  note?: string;
  certificateNo?: string;
  createdAt: string;
  url: string;
}

export interface CaseMaterial {
  materialId: string;
  name: string;
  required: boolean;
  uploads: CaseUpload[];
}

export interface TimelineEntry {
  at: string;
  kind: string;
  title: string;
  department?: string;
  note?: string;
}

export interface CaseDocument {
  id: string;
  kind: string;
  title: string;
  createdAt: string;
  url: string;
}

export interface Deadline {
  dueDate: string;
  remainingWorkingDays: number;
  light: Light;
  suspended: boolean;
}

export interface Abilities {
  editForm: boolean;
  uploadMaterial: boolean;
  submit: boolean;
  withdraw: boolean;
  accept: boolean;
  notAccept: boolean;
  /** Applicant: send the supplemented materials (status supplement_requested). */
  supplement?: boolean;
  /** Staff: issue the one-time supplement notice. */
  requestSupplement?: boolean;
}

export interface CaseDetail {
  id: string;
  status: CaseStatus;
  result?: CaseResult;
  supervisionCode?: string;
  channel: "online" | "hall";
  item: {
    id: string;
    code: string;
    name: string;
    version: number | string;
    department: Ref;
    promisedDays: number;
    statutoryDays: number;
  };
  applicant: {
    id: string;
    type: ApplicantType;
    name: string;
    idNumber?: string;
    creditCode?: string;
    phone?: string;
  };
  formData: FormData;
  formFields: FormField[];
  materials: CaseMaterial[];
  missingMaterials: { materialId: string; name: string }[];
  timeline: TimelineEntry[];
  documents: CaseDocument[];
  notAcceptedReasons?: string[];
  /** The open one-time supplement notice (补齐补正一次性告知), when the server sends it. */
  supplementNotice?: { items: { materialId?: string; name?: string; reason: string }[]; documentId?: string; createdAt?: string };
  createdAt: string;
  submittedAt?: string;
  receivedAt?: string;
  acceptedAt?: string;
  deemedAccepted: boolean;
  deadline?: Deadline;
  abilities: Abilities;
}

export interface WorklistItem {
  taskId?: string;
  caseId: string;
  kind: string;
  name: string;
  department: Ref;
  status: CaseStatus | string;
  dueDate?: string;
  light?: Light;
  itemName: string;
  itemId?: string;
  supervisionCode?: string;
  applicantName: string;
  submittedAt?: string;
}

export interface Worklist {
  items: WorklistItem[];
  counts: { total: number; yellow: number; red: number };
}

export interface AcceptResult {
  status: CaseStatus;
  supervisionCode: string;
  documentId: string;
}

export interface NotAcceptResult {
  status: "not_accepted";
  documentId: string;
}

export interface PublicProgress {
  supervisionCode: string;
  itemName: string;
  department: string | Ref;
  status: CaseStatus;
  result?: CaseResult;
  acceptedAt?: string;
  dueDate?: string;
  light?: Light;
  steps: { name: string; department: string | Ref; status: string; finishedAt?: string }[];
}

export interface PublicCertificate {
  certificateNo: string;
  type: string;
  holder: string;
  issuer: string | Ref;
  issuedAt: string;
  validUntil?: string;
  status: "valid" | "revoked" | "expired";
  supervisionCode: string;
  signatureValid: boolean;
}
