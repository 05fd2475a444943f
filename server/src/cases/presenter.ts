import { departmentsByIds, findItemName, findVersion, materialsOfVersion } from "../catalog/repository.ts";
import { documentsOfCase } from "../documents/repository.ts";
import { findUserById } from "../identity/repository.ts";
import { maskCreditCode, maskIdNumber, maskPhone } from "../identity/checkCharacters.ts";
import type { Actor } from "../platform/actor.ts";
import type { Executor } from "../platform/db.ts";
import type { PersonalData } from "../platform/personalData.ts";
import type { CaseRow, FormField } from "../platform/schema.ts";
import type { CaseResource } from "../policy/case.ts";
import { missingMaterials, providedUploads } from "./completeness.ts";
import { openForm } from "./formData.ts";
import { activeUploads } from "./repository.ts";
import { timelineTitle } from "../caseRecord/timeline.ts";
import { presentWorkflow } from "./workflowPresenter.ts";
import { computeDeadline } from "../clock/deadline.ts";
import type { WorkCalendar } from "../clock/calendar.ts";
import type { ProgressRow } from "./progressRepository.ts";
import { caseEvents } from "../caseRecord/repository.ts";
import type { CertificateStatus, ReusedCertificate } from "@cq/contracts";
import { certificateTypeName } from "../catalog/certificateTypes.ts";
import { certificatesByNumbers, certificatesOfHolder } from "../certificates/repository.ts";
import { certificateVerdict, reuseRefusal, verifyPath } from "../certificates/reuse.ts";
import { shanghaiDay } from "../platform/clock.ts";
import { isEditable } from "./workflow.ts";
import { deliveryChoiceOfCase } from "./deliveryChoiceRepository.ts";
import { pickupPlaceOf, presentDeliveryChoice } from "./deliveryChoice.ts";
import { findNoticeOfRound } from "./supplementRepository.ts";
import { isRemovableUpload, noticeMaterialIds, supersededUploadIds } from "./supersession.ts";

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : undefined);

/** The case file (GET /api/cases/:id), for the applicant and entitled staff. */
export async function presentCase(db: Executor, pd: PersonalData, actor: Actor, c: CaseRow, resource: CaseResource, lang: "zh-CN" | "en", now: Date) {
  const [item, version, applicant, defs, uploads, events, docs, choice, pickupPlace] = await Promise.all([
    findItemName(db, c.item_id),
    findVersion(db, c.item_version_id),
    findUserById(db, pd, c.applicant_id),
    materialsOfVersion(db, c.item_version_id),
    activeUploads(db, c.id),
    caseEvents(db, c.id, actor.kind === "applicant"),
    documentsOfCase(db, c.id),
    deliveryChoiceOfCase(db, c.id),
    pickupPlaceOf(db, c),
  ]);
  const [dept] = await departmentsByIds(db, [c.lead_department_id]);
  const library = await presentLibrary(db, pd, c, defs, uploads, lang, now);
  const isOwner = actor.kind === "applicant" && actor.id === c.applicant_id;
  // A file replaced in a later round is not a current file; staff still see it, marked as history.
  const superseded = supersededUploadIds(uploads);
  const named = c.status === "supplement_requested" ? noticeMaterialIds(await findNoticeOfRound(db, c.id, c.round - 1)) : new Set<string>();
  // Staff see the identity numbers masked; the applicant sees their own in full.
  const show = (v: string | null, mask: (s: string) => string) => (v ? (isOwner ? v : mask(v)) : undefined);
  return {
    id: c.id,
    status: c.status,
    ...(c.result ? { result: c.result } : {}),
    ...(c.supervision_code ? { supervisionCode: c.supervision_code } : {}),
    ...(c.reference_no ? { referenceNo: c.reference_no } : {}),
    channel: c.channel,
    item: {
      id: item.id,
      code: item.code,
      name: item.name,
      version: version.version,
      department: dept ? { id: dept.id, name: dept.name } : null,
      promisedDays: version.promised_days,
      statutoryDays: version.statutory_days,
    },
    applicant: applicant
      ? {
          id: applicant.id,
          type: applicant.applicant_type,
          name: applicant.name,
          ...(applicant.id_number ? { idNumber: show(applicant.id_number, maskIdNumber) } : {}),
          ...(applicant.credit_code ? { creditCode: show(applicant.credit_code, maskCreditCode) } : {}),
          ...(applicant.phone ? { phone: show(applicant.phone, maskPhone) } : {}),
          ...(applicant.legal_rep_name ? { legalRepresentative: applicant.legal_rep_name } : {}),
        }
      : null,
    formData: openForm(pd, c.form_data as Record<string, unknown>),
    formFields: version.form_fields as unknown as FormField[],
    materials: defs.map((m) => ({
      materialId: m.id,
      name: m.name,
      required: m.required,
      ...(m.certificate_type ? { certificateType: m.certificate_type, certificateTypeName: certificateTypeName(m.certificate_type, lang) } : {}),
      ...(library.reusable && m.certificate_type ? { reusableCertificates: library.reusable(m.certificate_type) } : {}),
      uploads: uploads
        .filter((u) => u.material_id === m.id && (actor.kind !== "applicant" || !superseded.has(u.id)))
        .map((u) => ({
          id: u.id,
          round: u.round,
          ...(superseded.has(u.id) ? { superseded: true } : {}),
          ...(isRemovableUpload(u, c, named) && !superseded.has(u.id) ? { removable: true } : {}),
          fileName: u.file_name,
          size: u.size,
          mime: u.mime,
          sha256: u.file_sha256,
          offline: u.offline,
          ...(u.note ? { note: u.note } : {}),
          ...(u.certificate_no ? { certificateNo: u.certificate_no } : {}),
          ...(u.certificate_no && library.used.get(u.certificate_no) ? { certificate: library.used.get(u.certificate_no) } : {}),
          createdAt: u.created_at.toISOString(),
          ...(u.file_sha256 ? { url: `/api/cases/${c.id}/materials/${u.id}/file` } : {}),
        })),
    })),
    // While the case is prepared, a certificate revoked or expired since it was chosen is missing again.
    missingMaterials: missingMaterials(defs, isEditable(c.status) ? providedUploads(uploads, (no) => library.used.get(no)?.status) : uploads),
    timeline: events.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      title: timelineTitle(e.kind, lang),
      ...(e.department_name ? { department: e.department_name } : {}),
      ...(noteOf(e.data as Record<string, unknown>) ? { note: noteOf(e.data as Record<string, unknown>) } : {}),
    })),
    documents: docs.map((d) => ({ id: d.id, kind: d.kind, title: d.title, documentNo: d.document_no, createdAt: d.created_at.toISOString(), url: `/api/documents/${d.id}` })),
    ...(c.not_accepted_reasons ? { notAcceptedReasons: c.not_accepted_reasons as unknown as string[] } : {}),
    createdAt: c.created_at.toISOString(),
    submittedAt: iso(c.submitted_at),
    receivedAt: iso(c.received_at),
    acceptedAt: iso(c.accepted_at),
    deemedAccepted: c.deemed_accepted,
    ...(choice ? { deliveryChoice: presentDeliveryChoice(pd, actor, resource, choice) } : {}),
    ...(pickupPlace ? { pickupPlace } : {}),
    ...(await presentWorkflow(db, actor, c, resource, now, !!choice)),
  };
}

type LibraryView = { certificate_no: string; type: string; name: string; issuer_name: string; issued_at: Date; valid_until: string | null; status: CertificateStatus };

const presentReused = (x: LibraryView, lang: "zh-CN" | "en", today: string): ReusedCertificate => ({
  certificateNo: x.certificate_no,
  type: x.type,
  typeName: certificateTypeName(x.type, lang),
  name: x.name,
  issuer: x.issuer_name,
  issuedAt: shanghaiDay(x.issued_at),
  validUntil: x.valid_until,
  status: certificateVerdict(x, today),
  verifyPath: verifyPath(x.certificate_no),
});

/**
 * The certificate library in a case file (R27): the certificates its materials were taken from and,
 * while the case can be edited, the applicant's certificates each material may be taken from (of its
 * type, not revoked, in force today by the platform clock).
 */
async function presentLibrary(
  db: Executor, pd: PersonalData, c: CaseRow, defs: { certificate_type: string | null }[], uploads: { certificate_no: string | null }[], lang: "zh-CN" | "en", now: Date,
) {
  const today = shanghaiDay(now);
  const nos = [...new Set(uploads.map((u) => u.certificate_no).filter((n): n is string => !!n))];
  const used = new Map((await certificatesByNumbers(db, nos)).map((x) => [x.certificate_no, presentReused(x, lang, today)]));
  if (!isEditable(c.status) || !defs.some((d) => d.certificate_type)) return { used, reusable: undefined };
  const own = await certificatesOfHolder(db, pd, c.applicant_id);
  const reusable = (type: string) => own.filter((x) => reuseRefusal(x, c.applicant_id, type, today) === null).map((x) => presentReused(x, lang, today));
  return { used, reusable };
}

/** The public detail of a timeline entry: the step, the code, the reason the applicant was told. */
function noteOf(data: Record<string, unknown>): string | undefined {
  const note = plainNoteOf(data);
  // Work a department system did (R5) says so: "由 X 办理".
  return typeof data.system === "string" ? `${note ? `${note}，` : ""}由${data.system}办理` : note;
}

function plainNoteOf(data: Record<string, unknown>): string | undefined {
  if (Array.isArray(data.reasons)) return (data.reasons as string[]).join("；");
  if (typeof data.supervisionCode === "string") return data.supervisionCode;
  if (typeof data.material === "string") return data.material;
  if (typeof data.reason === "string" && typeof data.expectedWorkingDays === "number") return `${data.reason}（预计${data.expectedWorkingDays}个工作日）`;
  if (typeof data.reason === "string" && typeof data.workingDays === "number") return `延长${data.workingDays}个工作日：${data.reason}`;
  if (typeof data.step === "string" && typeof data.to === "string") return `${data.step} → ${data.to}`;
  if (typeof data.step === "string") return data.step;
  return undefined;
}

/**
 * The public progress page (R34) from its one-statement row: never personal data. The deadline is
 * computed here, for today, with the calendar of the version the row names.
 */
export function presentPublicProgress(row: ProgressRow, calendar: WorkCalendar, now: Date) {
  const closed = row.status === "closed";
  const acceptedAt = row.accepted_at_ms === null ? null : new Date(row.accepted_at_ms);
  const closedAt = row.closed_at_ms === null ? null : new Date(row.closed_at_ms);
  // A closed case's clock stopped on the day it closed.
  const deadline =
    acceptedAt && !closed
      ? computeDeadline({
          startDay: shanghaiDay(acceptedAt),
          limitDays: row.promised_days,
          extensionDays: row.extension_days,
          suspensions: row.suspensions.map((s) => ({ startDay: s.startDay, endDay: s.endDay })),
          yellowDays: row.yellow_days,
          today: shanghaiDay(closedAt && closedAt < now ? closedAt : now),
          calendar,
        })
      : null;
  const name = (id: string | null | undefined) => (id ? (row.departments[id] ?? "") : "");
  return {
    supervisionCode: row.supervision_code,
    ...(row.reference_no ? { referenceNo: row.reference_no } : {}),
    itemName: row.item_name,
    department: name(row.lead_department_id),
    status: row.status,
    ...(row.result ? { result: row.result } : {}),
    ...(acceptedAt ? { acceptedAt: acceptedAt.toISOString() } : {}),
    ...(deadline ? { dueDate: deadline.dueDate, remainingWorkingDays: deadline.remainingWorkingDays, suspended: deadline.suspended } : {}),
    ...(deadline?.light ? { light: deadline.light } : {}),
    suspensions: row.suspensions.map((s) => ({
      id: s.id,
      kind: s.kind,
      reason: s.reason,
      from: s.startDay,
      ...(s.endDay ? { to: s.endDay } : {}),
      expectedWorkingDays: s.expectedWorkingDays,
      automatic: s.automatic,
    })),
    extensions: row.extensions.map((e) => ({ workingDays: e.workingDays, reason: e.reason, at: new Date(e.atMs).toISOString() })),
    steps: row.steps.map((s) => {
      const mine = row.tasks.filter((t) => t.stepId === s.id && t.status !== "cancelled");
      const open = mine.some((t) => t.status === "open" || t.status === "claimed");
      const done = mine.length > 0 && !open;
      const finished = mine.reduce<number | null>((latest, t) => (t.completedAtMs !== null && (latest === null || t.completedAtMs > latest) ? t.completedAtMs : latest), null);
      const departments = [...new Set(mine.map((t) => name(t.departmentId)))].filter(Boolean);
      return {
        name: s.name,
        department: departments.join("、") || (s.kind === "co-handle" ? "" : name(s.departmentId ?? row.lead_department_id)),
        status: done || (closed && mine.length > 0) ? "done" : open ? "current" : "pending",
        ...(done && finished !== null ? { finishedAt: new Date(finished).toISOString() } : {}),
      };
    }),
  };
}
