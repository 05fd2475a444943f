/**
 * The authorization matrix: for every route of the route table (`packages/contracts/src/routes.ts`),
 * who may call it and what everyone else gets. Written by hand from API.md, docs/api-additions.md and
 * the rules of `server/src/policy/`, never computed from them: `authzMatrix.test.ts` sends each
 * request as each principal and compares. A route added to the table without a row here fails it.
 *
 * The principals, relative to the objects the fixtures build: a case of applicant A at department
 * D1 (渝北区市场监管局, region 500112), filed online; D2 is another district's department
 * (渝中区卫生健康委, region 500103). The window clerk is also the hall desk (API.md: hall clerk).
 *
 * Outcomes: `allow` — any answer but 401, 403, 404 or a 5xx (a 409 or 422 is a business answer after
 * the authorization passed); otherwise the exact denial: 401 not logged in, 403 may see but not do,
 * 404 may not know the thing exists (API.md Conventions: "404 absent, also for what exists but the
 * caller may not know of").
 */

export const principals = [
  "anonymous",
  "applicant", // A, who owns the case
  "otherApplicant", // another applicant
  "clerk", // D1's window (受理) clerk, also the hall desk
  "handler", // D1's handler (the review step's role)
  "decider", // D1's decider
  "head", // D1's department head
  "deptAdmin", // D1's department admin
  "otherClerk", // D2's clerk
  "otherDeptAdmin", // D2's department admin
  "regionAdmin", // region admin of D1's region (500112)
  "otherRegionAdmin", // region admin of D2's region (500103)
  "supervisor", // the supervising office (platform-wide)
  "platformAdmin",
] as const;
export type Principal = (typeof principals)[number];

/** The demo account each principal logs in with (anonymous: none). */
export const accounts: Record<Exclude<Principal, "anonymous">, string> = {
  applicant: "18930357537",
  otherApplicant: "13105417686",
  clerk: "yb.scjg.clerk",
  handler: "yb.scjg.handler",
  decider: "yb.scjg.decider",
  head: "yb.scjg.head",
  deptAdmin: "yb.scjg.admin",
  otherClerk: "yz.wsjk.clerk",
  otherDeptAdmin: "yz.wsjk.admin",
  regionAdmin: "yb.admin",
  otherRegionAdmin: "yz.admin",
  supervisor: "supervisor",
  platformAdmin: "admin",
};

export type Outcome = "allow" | 401 | 403 | 404;
export type Expectation = Record<Principal, Outcome>;

/** One request: path parameters by name, a query, a JSON or multipart body. */
export interface Req {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  multipart?: { fields: Record<string, string>; file?: { name: string; pdf: true } };
}

/** Objects the test builds through the API; each call builds a new one. */
export interface Fixtures {
  readonly ids: {
    d1: string;
    d2: string;
    /** The city bureau D1's case item is pushed to (市市场监管局). */
    city: string;
    /** The published item of D1 the cases are filed under, and one of its required materials. */
    item: string;
    material: string;
    applicant: string;
    otherApplicant: string;
    /** D1's clerk as a staff record. */
    d1Staff: string;
    /** The service hall of D1's region. */
    hall: string;
    /** A blank form uploaded for D1's item. */
    itemFile: string;
    /** A message in A's inbox. */
    applicantMessage: string;
  };
  draft(): Promise<{ caseId: string; uploadId: string }>;
  /** A draft with every required material, ready to submit. */
  completeDraft(): Promise<{ caseId: string }>;
  submitted(): Promise<{ caseId: string }>;
  supplementRequested(): Promise<{ caseId: string }>;
  /** Accepted, the first review step open for D1's handlers; documents: the acceptance notice. */
  inProgress(): Promise<{ caseId: string; taskId: string; documentId: string; supervisionCode: string }>;
  /** As inProgress, with a file attached to the review task by D1's handler. */
  taskAttachment(): Promise<{ taskId: string; attachmentId: string }>;
  /** Through both reviews at D1: the push step open at the city bureau, which now works on the case too. */
  pushed(): Promise<{ caseId: string }>;
  /** Pushed to the city bureau, which handed paper originals over to D1. */
  handover(): Promise<{ handoverId: string }>;
  suspended(): Promise<{ caseId: string; suspensionId: string }>;
  atDecision(): Promise<{ caseId: string }>;
  decided(): Promise<{ caseId: string; certificateNo: string }>;
  closed(): Promise<{ caseId: string }>;
  /** A certificate D1 registered for A, issued off the platform. */
  certificate(): Promise<{ certificateNo: string }>;
  escalation(): Promise<{ escalationId: string }>;
  complaint(): Promise<{ complaintId: string }>;
  /** A's question to D1, assigned to D1's clerk. */
  consultation(): Promise<{ consultationId: string }>;
  /** A new item of D1 (no version in effect). */
  newItem(): Promise<{ itemId: string }>;
  /** A draft version of a new D1 item, written by D1's admin. */
  draftVersion(): Promise<{ versionId: string }>;
  /** A version submitted by D1's admin; `askD2` puts one step at D2, which must agree. */
  pendingVersion(askD2?: boolean): Promise<{ versionId: string }>;
  /** A pending staff change (a new clerk for D1), requested by D1's admin. */
  staffChange(): Promise<{ changeId: string }>;
  /** An integration client of D1, created by D1's admin. */
  integrationClient(): Promise<{ clientId: string }>;
  /** A second session of A, to end. */
  applicantSession(): Promise<{ sessionId: string }>;
  /** Values unique in this run (codes, phones, identity numbers). */
  unique(): { n: number; phone: string; idNumber: string };
  today(): string;
  /** The platform clock's instant. */
  now(): string;
  /** A guide to write a version with (YB-SCJG-001's, as the public catalog shows it). */
  guide(): unknown;
  /** An integration client of D1 with a webhook subscription (by D1's admin) and one delivery queued. */
  webhook(): Promise<{ integrationId: string; webhookId: string; deliveryId: string }>;
}

export interface Row {
  expect: Expectation;
  /** Builds the objects the request needs (shared by the denied principals; see `fresh`). */
  fixture?: (f: Fixtures) => Promise<Record<string, string>>;
  /** The request, from the fixture's values; may depend on who sends it. */
  request?: (v: Record<string, string>, p: Principal, f: Fixtures) => Req;
  /** The request changes state: each principal expected to be allowed gets a fixture of its own. */
  fresh?: boolean;
  /** The request ends or changes the caller's session: log in anew for it. */
  newSession?: boolean;
  /**
   * Error codes that count as `allow` although their status is 401, 403 or 404: the request passed
   * the authorization and was refused on what it carried (say, a wrong second-factor code).
   */
  allowCodes?: readonly string[];
}

type Key = "allow" | "401" | "403" | "404";

/**
 * An expectation from lists of principals; every principal must be named exactly once, or `rest`
 * gives the outcome of those not named.
 */
export function outcomes(spec: Partial<Record<Key, readonly Principal[]>> & { rest?: Outcome }): Expectation {
  const out: Partial<Expectation> = {};
  for (const [key, list] of Object.entries(spec)) {
    if (key === "rest") continue;
    for (const p of list as Principal[]) {
      if (out[p] !== undefined) throw new Error(`principal ${p} named twice`);
      out[p] = key === "allow" ? "allow" : (Number(key) as Outcome);
    }
  }
  for (const p of principals) {
    if (out[p] === undefined) {
      if (spec.rest === undefined) throw new Error(`principal ${p} has no outcome`);
      out[p] = spec.rest;
    }
  }
  return out as Expectation;
}

// ——— Groups ———

const applicants = ["applicant", "otherApplicant"] as const;
const d1Staff = ["clerk", "handler", "decider", "head", "deptAdmin"] as const;
/** Who may read A's case at D1: A, D1's staff, the region's admin, the supervising office, platform admins. */
const caseReaders = ["applicant", ...d1Staff, "regionAdmin", "supervisor", "platformAdmin"] as const;
/** Who may not know A's case exists. */
const caseStrangers = ["otherApplicant", "otherClerk", "otherDeptAdmin", "otherRegionAdmin"] as const;
const without = (list: readonly Principal[], ...drop: Principal[]) => list.filter((p) => !drop.includes(p));

const everyone = outcomes({ rest: "allow" });
const loggedIn = outcomes({ 401: ["anonymous"], rest: "allow" });
const staffOnly = outcomes({ 401: ["anonymous"], 403: applicants, rest: "allow" });
/** Acting on A's case: the given readers act, the other readers are refused, strangers see nothing. */
const onCase = (...actors: Principal[]) =>
  outcomes({ 401: ["anonymous"], allow: actors, 403: without(caseReaders, ...actors), 404: caseStrangers });
/** Reading A's case or something as visible as it. */
const readCase = onCase(...caseReaders);
/** Catalog administration of D1's items: managers (D1's admin, the region's admin, platform admins) and approvers (D1's head). */
const itemReaders = ["head", "deptAdmin", "regionAdmin", "platformAdmin"] as const;
const notItemReaders = ["clerk", "handler", "decider", "otherClerk", "otherDeptAdmin", "otherRegionAdmin", "supervisor"] as const;
const onItem = (...actors: Principal[]) =>
  outcomes({ 401: ["anonymous"], 403: [...applicants, ...without(itemReaders, ...actors)], allow: actors, 404: notItemReaders });
const readItem = onItem(...itemReaders);
const manageItem = onItem("deptAdmin", "regionAdmin", "platformAdmin");
const approveItem = onItem("head", "regionAdmin", "platformAdmin");
/** The catalog administration opens to whoever has items in scope. */
const catalogAdmins = ["head", "deptAdmin", "otherDeptAdmin", "regionAdmin", "otherRegionAdmin", "platformAdmin"] as const;
/** Staff administration opens to admins and department heads. */
const staffAdmins = ["head", "deptAdmin", "otherDeptAdmin", "regionAdmin", "otherRegionAdmin", "platformAdmin"] as const;
/** Organization administration opens to platform, region and department admins (not heads). */
const orgAdmins = ["deptAdmin", "otherDeptAdmin", "regionAdmin", "otherRegionAdmin", "platformAdmin"] as const;
/** D1's integration clients and their webhooks: D1's admin and platform admins; anyone else may not know of them. */
const integrationAdmins = outcomes({ 401: ["anonymous"], allow: ["deptAdmin", "platformAdmin"], rest: 404 });
/** Only these principals; anyone else logged in 403. */
const only = (...actors: Principal[]) => outcomes({ 401: ["anonymous"], allow: actors, rest: 403 });
/** Supervision lists: whoever has a supervision scope (office, platform and region admins, department heads and admins). */
const supervisionScoped = ["head", "deptAdmin", "otherDeptAdmin", "regionAdmin", "otherRegionAdmin", "supervisor", "platformAdmin"] as const;

const text = "材料齐全，符合要求。";
const caseId = (v: Record<string, string>) => ({ id: v.caseId! });
const asFixture = <T extends object>(p: Promise<T>) => p as unknown as Promise<Record<string, string>>;

// ——— The matrix ———

export const matrix: Record<string, Row> = {
  // Operations: public probes. /metrics is public in demo and test starts only (METRICS_PUBLIC);
  // a production start asks for METRICS_TOKEN (security.test.ts).
  "GET /healthz": { expect: everyone },
  "GET /readyz": { expect: everyone },
  "GET /metrics": { expect: everyone },
  "GET /api/openapi.json": { expect: everyone },

  // Identity: the doors are open to all; what needs a login says 401.
  "POST /api/auth/sms-codes": { expect: everyone, request: (_v, _p, f) => ({ body: { phone: f.unique().phone, purpose: "register" } }) },
  // A wrong SMS code: 400 for everyone, after no authorization at all.
  "POST /api/auth/register": {
    expect: everyone,
    request: (_v, _p, f) => {
      const u = f.unique();
      return { body: { type: "person", name: "测试人", idNumber: u.idNumber, phone: u.phone, smsCode: "000000", password: "Test@2026x" } };
    },
  },
  "POST /api/auth/login": { expect: everyone, request: () => ({ body: { login: "15102284650", password: "Demo@2026" } }) },
  "POST /api/auth/logout": { expect: everyone, newSession: true },
  "POST /api/auth/password-reset": { expect: everyone, request: () => ({ body: { phone: "15102284650", smsCode: "000000", password: "Test@2026x" } }) },
  // A wrong current password (400): the password stays as it is.
  "POST /api/auth/password": { expect: loggedIn, request: () => ({ body: { currentPassword: "not-the-password", newPassword: "Another@2026pass" } }) },
  "GET /api/me": { expect: loggedIn },
  "PUT /api/me/language": { expect: loggedIn, request: () => ({ body: { lang: "zh-CN" } }) },
  "PUT /api/me/email": { expect: loggedIn, request: () => ({ body: { email: null } }) },
  "GET /api/me/sessions": { expect: loggedIn },
  // One's own sessions only: another's session id reads as absent.
  "DELETE /api/me/sessions/:id": {
    expect: outcomes({ 401: ["anonymous"], allow: ["applicant"], 404: without(principals, "anonymous", "applicant") }),
    fixture: (f) => asFixture(f.applicantSession()),
    request: (v) => ({ params: { id: v.sessionId! } }),
    fresh: true,
  },
  // The second factor is for staff.
  "POST /api/auth/totp/enroll": { expect: staffOnly, newSession: true },
  // A wrong code answers 401 TOTP_INVALID (an authentication answer, like a wrong password); confirming
  // with a right one would turn the second factor on for the rest of the file. Applicants are refused first.
  "POST /api/auth/totp/confirm": { expect: staffOnly, request: () => ({ body: { code: "000000" } }), newSession: true, allowCodes: ["TOTP_INVALID"] },

  // Catalog: public reads.
  "GET /api/catalog/regions": { expect: everyone },
  "GET /api/catalog/halls": { expect: everyone, request: () => ({ query: { regionCode: "500112" } }) },
  "GET /api/catalog/departments": { expect: everyone },
  "GET /api/public/departments/:id": { expect: everyone, request: (_v, _p, f) => ({ params: { id: f.ids.d1 } }) },
  "GET /api/catalog/items": { expect: everyone },
  "GET /api/catalog/items/:id": { expect: everyone, request: (_v, _p, f) => ({ params: { id: f.ids.item } }) },
  "GET /api/catalog/items/:id/flowchart.svg": { expect: everyone, request: (_v, _p, f) => ({ params: { id: f.ids.item } }) },
  "GET /api/catalog/items/:id/materials/:materialId/:variant": {
    expect: everyone,
    request: (_v, _p, f) => ({ params: { id: f.ids.item, materialId: f.ids.material, variant: "form.pdf" } }),
  },

  // Process configuration (R8–R11). Applicants are refused the whole administration (403); staff
  // outside an item's reading scope get 404; readers without the right role 403.
  "GET /api/admin/items": { expect: only(...catalogAdmins) },
  // A write for D1: its managers; the department is a reference, not a hidden object (403).
  "POST /api/admin/items": {
    expect: only("deptAdmin", "regionAdmin", "platformAdmin"),
    request: (_v, _p, f) => ({ body: { code: `YB-SCJG-9${f.unique().n}`, name: "测试事项", departmentId: f.ids.d1, level: "district", regionCode: "500112" } }),
  },
  // Here an applicant is told the item does not exist (404), which is the API's rule for anyone
  // outside an item's reading scope; the other routes refuse applicants the whole administration (403).
  "PATCH /api/admin/items/:id": {
    expect: outcomes({ 401: ["anonymous"], allow: ["deptAdmin", "regionAdmin", "platformAdmin"], 403: ["head"], 404: [...applicants, ...notItemReaders] }),
    fixture: (f) => asFixture(f.newItem()),
    request: (v) => ({ params: { id: v.itemId! }, body: { name: "测试事项（更名）" } }),
    fresh: true,
  },
  "POST /api/admin/items/:id/files": {
    expect: manageItem,
    request: (_v, _p, f) => ({ params: { id: f.ids.item }, multipart: { fields: {}, file: { name: "空白表.pdf", pdf: true } } }),
  },
  "GET /api/admin/items/:id/files/:file": { expect: readItem, request: (_v, _p, f) => ({ params: { id: f.ids.item, file: f.ids.itemFile } }) },
  "GET /api/admin/items/:id/versions": { expect: readItem, request: (_v, _p, f) => ({ params: { id: f.ids.item } }) },
  "POST /api/admin/items/:id/versions": {
    expect: manageItem,
    fixture: (f) => asFixture(f.newItem()),
    request: (v, _p, f) => ({ params: { id: v.itemId! }, body: { guide: f.guide() } }),
    fresh: true,
  },
  "GET /api/admin/item-versions/:id": { expect: readItem, fixture: (f) => asFixture(f.draftVersion()), request: (v) => ({ params: { id: v.versionId! } }) },
  "PUT /api/admin/item-versions/:id": {
    expect: manageItem,
    fixture: (f) => asFixture(f.draftVersion()),
    request: (v, _p, f) => ({ params: { id: v.versionId! }, body: { guide: f.guide() } }),
    fresh: true,
  },
  "GET /api/admin/item-versions/:id/preview": { expect: readItem, fixture: (f) => asFixture(f.draftVersion()), request: (v) => ({ params: { id: v.versionId! } }) },
  "GET /api/admin/item-versions/:id/flowchart.svg": { expect: readItem, fixture: (f) => asFixture(f.draftVersion()), request: (v) => ({ params: { id: v.versionId! } }) },
  "POST /api/admin/item-versions/:id/submit": { expect: manageItem, fixture: (f) => asFixture(f.draftVersion()), request: (v) => ({ params: { id: v.versionId! } }), fresh: true },
  // D1's admin wrote and submitted the version: it may not approve or reject it (two-person rule),
  // and approving is not its role anyway.
  "POST /api/admin/item-versions/:id/approve": { expect: approveItem, fixture: (f) => asFixture(f.pendingVersion()), request: (v) => ({ params: { id: v.versionId! } }), fresh: true },
  "POST /api/admin/item-versions/:id/reject": {
    expect: approveItem,
    fixture: (f) => asFixture(f.pendingVersion()),
    request: (v) => ({ params: { id: v.versionId! }, body: { reason: "流程图有误，请修改。" } }),
    fresh: true,
  },
  // A version of a D1 item with a step at D2: D2 is asked to agree, through its admin or head (R10).
  // D1's item readers see the version but do not agree for D2 (403); D2's admin sees it because D2
  // was asked; anyone else does not know it.
  "POST /api/admin/item-versions/:id/agreements": {
    expect: outcomes({
      401: ["anonymous"],
      403: [...applicants, ...itemReaders],
      allow: ["otherDeptAdmin"],
      404: notItemReaders.filter((p) => p !== "otherDeptAdmin"),
    }),
    fixture: (f) => asFixture(f.pendingVersion(true)),
    request: (v, _p, f) => ({ params: { id: v.versionId! }, body: { departmentId: f.ids.d2, decision: "agreed" } }),
    fresh: true,
  },
  "GET /api/admin/version-inbox": { expect: staffOnly },
  "POST /api/admin/flowchart-preview": { expect: only(...catalogAdmins), request: () => ({ body: { steps: [], assistingDepartmentIds: [] } }) },

  // Cases. An applicant opens a case for themselves; a staff member only as D1's hall clerk for an
  // applicant at the window (R20), so staff send `applicantId` (A), applicants do not.
  "POST /api/cases": {
    expect: outcomes({ 401: ["anonymous"], allow: ["applicant", "otherApplicant", "clerk"], rest: 403 }),
    request: (_v, p, f) => ({ body: { itemId: f.ids.item, formData: {}, ...(p === "applicant" || p === "otherApplicant" || p === "anonymous" ? {} : { applicantId: f.ids.applicant }) } }),
  },
  "GET /api/cases": { expect: loggedIn },
  "GET /api/cases/:id": { expect: readCase, fixture: (f) => asFixture(f.submitted()), request: (v) => ({ params: caseId(v) }) },
  // An online draft is edited by its applicant only.
  "POST /api/cases/:id/form": { expect: onCase("applicant"), fixture: (f) => asFixture(f.draft()), request: (v) => ({ params: caseId(v), body: { formData: { note: "x" } } }), fresh: true },
  "POST /api/cases/:id/materials": {
    expect: onCase("applicant"),
    fixture: (f) => asFixture(f.draft()),
    request: (v, _p, f) => ({ params: caseId(v), multipart: { fields: { materialId: f.ids.material }, file: { name: "材料.pdf", pdf: true } } }),
    fresh: true,
  },
  "DELETE /api/cases/:id/materials/:uploadId": {
    expect: onCase("applicant"),
    fixture: (f) => asFixture(f.draft()),
    request: (v) => ({ params: { id: v.caseId!, uploadId: v.uploadId! } }),
    fresh: true,
  },
  "GET /api/cases/:id/materials/:uploadId/file": { expect: readCase, fixture: (f) => asFixture(f.draft()), request: (v) => ({ params: { id: v.caseId!, uploadId: v.uploadId! } }) },
  "POST /api/cases/:id/submit": { expect: onCase("applicant"), fixture: (f) => asFixture(f.completeDraft()), request: (v) => ({ params: caseId(v) }), fresh: true },
  // Acceptance is the lead department's window (R23).
  "POST /api/cases/:id/accept": { expect: onCase("clerk"), fixture: (f) => asFixture(f.submitted()), request: (v) => ({ params: caseId(v) }), fresh: true },
  "POST /api/cases/:id/not-accept": {
    expect: onCase("clerk"),
    fixture: (f) => asFixture(f.submitted()),
    request: (v) => ({ params: caseId(v), body: { reasons: ["不属于本机关职权范围。"] } }),
    fresh: true,
  },
  // Only staff (with a role) have a worklist.
  "GET /api/worklist": { expect: staffOnly },

  // Workflow.
  "GET /api/cases/:id/tasks": { expect: readCase, fixture: (f) => asFixture(f.inProgress()), request: (v) => ({ params: caseId(v) }) },
  // The review step is D1's handlers' (R15).
  "POST /api/tasks/:id/claim": { expect: onCase("handler"), fixture: (f) => asFixture(f.inProgress()), request: (v) => ({ params: { id: v.taskId! } }), fresh: true },
  "POST /api/tasks/:id/complete": {
    expect: onCase("handler"),
    fixture: (f) => asFixture(f.inProgress()),
    request: (v) => ({ params: { id: v.taskId! }, body: { outcome: "pass", opinion: text } }),
    fresh: true,
  },
  "POST /api/tasks/:id/attachments": {
    expect: onCase("handler"),
    fixture: (f) => asFixture(f.inProgress()),
    request: (v) => ({ params: { id: v.taskId! }, multipart: { fields: {}, file: { name: "意见.pdf", pdf: true } } }),
    fresh: true,
  },
  // Internal working papers: staff who may read the case; never the applicant (404, as absent).
  "GET /api/tasks/:id/attachments/:attachmentId/file": {
    expect: outcomes({ 401: ["anonymous"], allow: without(caseReaders, "applicant"), 404: ["applicant", ...caseStrangers] }),
    fixture: (f) => asFixture(f.taskAttachment()),
    request: (v) => ({ params: { id: v.taskId!, attachmentId: v.attachmentId! } }),
  },
  "GET /api/cases/:id/certificate-draft": { expect: onCase("decider"), fixture: (f) => asFixture(f.atDecision()), request: (v) => ({ params: caseId(v) }) },
  "POST /api/cases/:id/decision": { expect: onCase("decider"), fixture: (f) => asFixture(f.atDecision()), request: (v) => ({ params: caseId(v), body: { result: "approved" } }), fresh: true },
  // A department's own result is its deciders' (R31); D1's item expects none (422 after the check).
  "POST /api/cases/:id/results": {
    expect: onCase("decider"),
    fixture: (f) => asFixture(f.inProgress()),
    request: (v, _p, f) => ({ params: caseId(v), body: { departmentId: f.ids.d1, result: "approved" } }),
    fresh: true,
  },
  "POST /api/cases/:id/deliver": {
    expect: onCase("clerk"),
    fixture: (f) => asFixture(f.decided()),
    request: (v) => ({ params: caseId(v), body: { method: "pickup", idChecked: true, recipientName: "陈晓燕" } }),
    fresh: true,
  },
  // How the result reaches the applicant is the applicant's choice, until the decision.
  "PUT /api/cases/:id/delivery-choice": { expect: onCase("applicant"), fixture: (f) => asFixture(f.submitted()), request: (v) => ({ params: caseId(v), body: { method: "pickup" } }) },
  // The one-time notice: the lead department's window, handlers and reviewers (R22).
  "POST /api/cases/:id/supplement-notice": {
    expect: onCase("clerk", "handler"),
    fixture: (f) => asFixture(f.submitted()),
    request: (v) => ({ params: caseId(v), body: { items: [{ reason: "营业执照复印件不清晰。" }] } }),
    fresh: true,
  },
  // The applicant hands in the supplement, or the window for them (R22).
  "POST /api/cases/:id/supplements": { expect: onCase("applicant", "clerk"), fixture: (f) => asFixture(f.supplementRequested()), request: (v) => ({ params: caseId(v) }), fresh: true },
  "POST /api/cases/:id/withdraw": { expect: onCase("applicant"), fixture: (f) => asFixture(f.submitted()), request: (v) => ({ params: caseId(v) }), fresh: true },
  // Records on a case: any staff of a department working on it.
  "POST /api/cases/:id/verifications": {
    expect: onCase(...d1Staff),
    fixture: (f) => asFixture(f.inProgress()),
    request: (v) => ({ params: caseId(v), body: { method: "phone", result: "confirmed" } }),
  },
  "POST /api/cases/:id/third-party-results": {
    expect: onCase(...d1Staff),
    fixture: (f) => asFixture(f.inProgress()),
    request: (v, _p, f) => ({
      params: caseId(v),
      body: { agency: "重庆市计量质量检测研究院", reportNo: `R-${f.unique().n}`, conclusion: "合格", receivedOn: f.today(), text: "检测结论：合格。" },
    }),
  },
  // Paper originals from D1 to the city bureau, which holds the push step.
  "POST /api/cases/:id/handovers": {
    expect: onCase(...d1Staff),
    fixture: (f) => asFixture(f.pushed()),
    request: (v, _p, f) => ({ params: caseId(v), body: { items: ["申请书原件"], fromDepartmentId: f.ids.d1, toDepartmentId: f.ids.city } }),
  },
  // The city bureau hands originals over to D1: D1's staff receive them.
  "POST /api/handovers/:id/receive": { expect: onCase(...d1Staff), fixture: (f) => asFixture(f.handover()), request: (v) => ({ params: { id: v.handoverId! } }), fresh: true },
  // The hall desk: clerks (of any department).
  "GET /api/hall/applicants": { expect: only("clerk", "otherClerk"), request: () => ({ query: { phone: "18930357537" } }) },
  "POST /api/hall/applicants": {
    expect: only("clerk", "otherClerk"),
    request: (_v, _p, f) => {
      const u = f.unique();
      return { body: { type: "person", name: "窗口登记人", idNumber: u.idNumber, phone: u.phone } };
    },
  },

  // Public queries: by design open (R34), never personal data.
  "GET /api/public/progress/:code": { expect: everyone, fixture: (f) => asFixture(f.inProgress()), request: (v) => ({ params: { code: v.supervisionCode! } }) },
  "GET /api/public/certificates/:no": { expect: everyone, fixture: (f) => asFixture(f.certificate()), request: (v) => ({ params: { no: v.certificateNo! } }) },
  "GET /.well-known/certificate-keys.json": { expect: everyone },

  // Certificates: the applicant's own library; staff look up a holder's certificates (R27).
  "GET /api/certificates": {
    expect: loggedIn,
    request: (_v, p, f): Req => ({ query: p === "applicant" || p === "otherApplicant" ? { holder: "me" } : { holderId: f.ids.applicant } }),
  },
  // A department's results are its deciders' and head's (R31); the department is named in the body.
  "POST /api/certificates": {
    expect: only("decider", "head"),
    request: (_v, _p, f) => ({ body: { departmentId: f.ids.d1, type: "business-license", name: "营业执照", holderId: f.ids.applicant } }),
  },
  // Certificates are public (verification by number): no existence to hide, 403.
  "POST /api/certificates/:no/revoke": {
    expect: only("decider", "head"),
    fixture: (f) => asFixture(f.certificate()),
    request: (v) => ({ params: { no: v.certificateNo! }, body: { reason: "以欺骗手段取得。" } }),
    fresh: true,
  },
  // The signed file holds the holder's code in the clear: the holder and the issuing department's
  // staff; everyone else may not know of it (404).
  "GET /api/certificates/:no/signed.json": {
    expect: outcomes({ 401: ["anonymous"], allow: ["applicant", "clerk", "handler", "decider", "head", "deptAdmin"], rest: 404 }),
    fixture: (f) => asFixture(f.certificate()),
    request: (v) => ({ params: { no: v.certificateNo! } }),
  },
  // A document is as visible as its case.
  "GET /api/documents/:id": { expect: readCase, fixture: (f) => asFixture(f.inProgress()), request: (v) => ({ params: { id: v.documentId! } }) },

  // The case's clock: suspensions by handlers, reviewers and the head; extensions by the head (Art. 42);
  // explanations by handlers, reviewers, the head and the admin.
  "POST /api/cases/:id/suspensions": {
    expect: onCase("handler", "head"),
    fixture: (f) => asFixture(f.inProgress()),
    request: (v) => ({ params: caseId(v), body: { kind: "expert-review", reason: "组织专家评审。", expectedWorkingDays: 5 } }),
    fresh: true,
  },
  "POST /api/cases/:id/suspensions/:sid/end": {
    expect: onCase("handler", "head"),
    fixture: (f) => asFixture(f.suspended()),
    request: (v) => ({ params: { id: v.caseId!, sid: v.suspensionId! } }),
    fresh: true,
  },
  "POST /api/cases/:id/extensions": {
    expect: onCase("head"),
    fixture: (f) => asFixture(f.inProgress()),
    request: (v) => ({ params: caseId(v), body: { workingDays: 5, reason: "情况复杂，经负责人批准延长。" } }),
    fresh: true,
  },
  "POST /api/cases/:id/explanations": {
    expect: onCase("handler", "head", "deptAdmin"),
    fixture: (f) => asFixture(f.inProgress()),
    request: (v) => ({ params: caseId(v), body: { text: "等待申请人补正原件。" } }),
  },
  "GET /api/supervision/escalations": { expect: only(...supervisionScoped) },
  // Escalating is the supervising office's (R36); the case is named in the body.
  "POST /api/supervision/escalations": {
    expect: only("supervisor"),
    fixture: (f) => asFixture(f.inProgress()),
    request: (v) => ({ body: { caseId: v.caseId!, note: "请说明办理进度。" } }),
    fresh: true,
  },
  // Answered by D1's handlers, reviewers, head and admin; seen by the office and D1's staff; unknown to others.
  "POST /api/supervision/escalations/:id/response": {
    expect: outcomes({
      401: ["anonymous"],
      allow: ["handler", "head", "deptAdmin"],
      403: ["clerk", "decider", "supervisor"],
      404: [...applicants, "otherClerk", "otherDeptAdmin", "regionAdmin", "otherRegionAdmin", "platformAdmin"],
    }),
    fixture: (f) => asFixture(f.escalation()),
    request: (v) => ({ params: { id: v.escalationId! }, body: { text: "已督促经办人加快办理。" } }),
    fresh: true,
  },
  // Lists and figures within one's supervision scope (a department's own figures for its head and
  // admin, and for a supervisor granted for that department only): everyone else 403.
  "GET /api/supervision/cases": { expect: only(...supervisionScoped), request: () => ({ query: { light: "red" } }) },
  "GET /api/supervision/stats": { expect: only(...supervisionScoped) },
  // D1's figures per staff member: whoever supervises D1 (its head and admin, its region's admin, the
  // office, platform admins); a scope without D1 does not learn of it (404); no scope at all 403.
  "GET /api/supervision/departments/:id/staff-stats": {
    expect: outcomes({ 401: ["anonymous"], allow: ["head", "deptAdmin", "regionAdmin", "supervisor", "platformAdmin"], 404: ["otherDeptAdmin", "otherRegionAdmin"], rest: 403 }),
    request: (_v, _p, f) => ({ params: { id: f.ids.d1 } }),
  },
  "GET /api/supervision/flags": { expect: only("supervisor", "platformAdmin") },
  "GET /api/supervision/reports/monthly": { expect: only(...supervisionScoped), request: () => ({ query: { month: "2026-11" } }) },
  "GET /api/supervision/my-escalations": { expect: staffOnly },

  // Calendar: public reads; the platform admin maintains it (R5). A Saturday set to what it is.
  "GET /api/calendar": { expect: everyone, request: () => ({ query: { from: "2026-12-01", to: "2026-12-31" } }) },
  "GET /api/calendar/status": { expect: everyone },
  "PUT /api/calendar/days/:date": { expect: only("platformAdmin"), request: () => ({ params: { date: "2030-01-05" }, body: { workday: false } }) },
  "POST /api/calendar/years/:year/maintained": { expect: only("platformAdmin"), request: () => ({ params: { year: "2030" } }) },

  // Messages: one's own.
  "GET /api/inbox": { expect: loggedIn },
  "POST /api/inbox/:id/read": {
    expect: outcomes({ 401: ["anonymous"], allow: ["applicant"], 404: without(principals, "anonymous", "applicant") }),
    request: (_v, _p, f) => ({ params: { id: f.ids.applicantMessage } }),
  },
  "POST /api/inbox/read-all": { expect: loggedIn },
  // The applicant evaluates their own closed case (R37).
  "POST /api/cases/:id/evaluation": { expect: onCase("applicant"), fixture: (f) => asFixture(f.closed()), request: (v) => ({ params: caseId(v), body: { level: 5 } }), fresh: true },
  // Complaints come from applicants (R33).
  "POST /api/complaints": {
    expect: only("applicant", "otherApplicant"),
    request: (_v, _p, f) => ({ body: { subject: "办理太慢", text: "窗口排队时间过长。", departmentId: f.ids.d1 } }),
  },
  "GET /api/complaints": { expect: only(...applicants, "head", "deptAdmin", "otherDeptAdmin", "supervisor", "platformAdmin") },
  // A's complaint about D1: A, D1's head and admin, the office and platform admins.
  "GET /api/complaints/:id": {
    expect: outcomes({ 401: ["anonymous"], allow: ["applicant", "head", "deptAdmin", "supervisor", "platformAdmin"], rest: 404 }),
    fixture: (f) => asFixture(f.complaint()),
    request: (v) => ({ params: { id: v.complaintId! } }),
  },
  "POST /api/complaints/:id/reply": {
    expect: outcomes({ 401: ["anonymous"], allow: ["head", "deptAdmin"], 403: ["applicant", "supervisor", "platformAdmin"], rest: 404 }),
    fixture: (f) => asFixture(f.complaint()),
    request: (v) => ({ params: { id: v.complaintId! }, body: { text: "已核实，正在整改。" } }),
    fresh: true,
  },

  // Questions and suggestions (R33): asked by applicants, read by the asker, the department's staff
  // and the office; answered by the assignee (D1's clerk here) or D1's head or admin, who reassign.
  "POST /api/consultations": {
    expect: only(...applicants),
    request: (_v, _p, f) => ({ body: { kind: "question", subject: "需要哪些材料", text: "请问办理需要准备哪些材料？", departmentId: f.ids.d1 } }),
  },
  "GET /api/my/consultations": { expect: only(...applicants) },
  "GET /api/consultations": { expect: outcomes({ 401: ["anonymous"], 403: [...applicants, "regionAdmin", "otherRegionAdmin"], rest: "allow" }) },
  "GET /api/consultations/:id": {
    expect: outcomes({ 401: ["anonymous"], allow: ["applicant", ...d1Staff, "supervisor", "platformAdmin"], rest: 404 }),
    fixture: (f) => asFixture(f.consultation()),
    request: (v) => ({ params: { id: v.consultationId! } }),
  },
  "POST /api/consultations/:id/reply": {
    expect: outcomes({ 401: ["anonymous"], allow: ["clerk", "head", "deptAdmin"], 403: ["applicant", "handler", "decider", "supervisor", "platformAdmin"], rest: 404 }),
    fixture: (f) => asFixture(f.consultation()),
    request: (v) => ({ params: { id: v.consultationId! }, body: { text: "所需材料详见办事指南。" } }),
    fresh: true,
  },
  "POST /api/consultations/:id/assign": {
    expect: outcomes({ 401: ["anonymous"], allow: ["head", "deptAdmin"], 403: ["applicant", "clerk", "handler", "decider", "supervisor", "platformAdmin"], rest: 404 }),
    fixture: (f) => asFixture(f.consultation()),
    request: (v, _p, f) => ({ params: { id: v.consultationId! }, body: { assigneeId: f.ids.d1Staff } }),
    fresh: true,
  },

  // Audit: the supervising office and platform admins (R40).
  "GET /api/audit": { expect: only("supervisor", "platformAdmin") },
  "GET /api/audit/staff": { expect: only("supervisor", "platformAdmin") },
  "GET /api/audit/verify": { expect: only("supervisor", "platformAdmin") },

  // Staff administration (R14, R16, R17). D1's clerk as the staff record: the admins over it and
  // D1's head read it; admins outside its scope do not know it.
  "GET /api/admin/staff": { expect: only(...staffAdmins) },
  "GET /api/admin/staff/:id": {
    expect: outcomes({ 401: ["anonymous"], allow: ["head", "deptAdmin", "regionAdmin", "platformAdmin"], 404: ["otherDeptAdmin", "otherRegionAdmin"], rest: 403 }),
    request: (_v, _p, f) => ({ params: { id: f.ids.d1Staff } }),
  },
  "POST /api/admin/staff/:id/training": {
    expect: outcomes({ 401: ["anonymous"], allow: ["deptAdmin", "regionAdmin", "platformAdmin"], 404: ["otherDeptAdmin", "otherRegionAdmin"], rest: 403 }),
    request: (_v, _p, f) => ({ params: { id: f.ids.d1Staff }, body: { course: "行政许可法培训", hours: 4, completedOn: "2026-11-20" } }),
  },
  "GET /api/admin/staff-changes": { expect: only(...staffAdmins) },
  // A password reset for D1's clerk; after the first, 409 STAFF_CHANGE_PENDING (past the authorization).
  "POST /api/admin/staff-changes": {
    expect: outcomes({ 401: ["anonymous"], allow: ["deptAdmin", "regionAdmin", "platformAdmin"], 404: ["otherDeptAdmin", "otherRegionAdmin"], rest: 403 }),
    request: (_v, _p, f) => ({ body: { kind: "reset-password", reason: "忘记密码", staffId: f.ids.d1Staff } }),
  },
  // Requested by D1's admin: the head of D1, the region's admin or a platform admin approve or reject (never the requester).
  "POST /api/admin/staff-changes/:id/approve": {
    expect: outcomes({ 401: ["anonymous"], allow: ["head", "regionAdmin", "platformAdmin"], 403: ["deptAdmin", ...applicants, "clerk", "handler", "decider", "otherClerk", "supervisor"], 404: ["otherDeptAdmin", "otherRegionAdmin"] }),
    fixture: (f) => asFixture(f.staffChange()),
    request: (v) => ({ params: { id: v.changeId! }, body: {} }),
    fresh: true,
  },
  "POST /api/admin/staff-changes/:id/reject": {
    expect: outcomes({ 401: ["anonymous"], allow: ["head", "regionAdmin", "platformAdmin"], 403: ["deptAdmin", ...applicants, "clerk", "handler", "decider", "otherClerk", "supervisor"], 404: ["otherDeptAdmin", "otherRegionAdmin"] }),
    fixture: (f) => asFixture(f.staffChange()),
    request: (v) => ({ params: { id: v.changeId! }, body: { reason: "人员编制已满。" } }),
    fresh: true,
  },
  // Withdrawn by its requester only.
  "POST /api/admin/staff-changes/:id/withdraw": {
    expect: outcomes({ 401: ["anonymous"], allow: ["deptAdmin"], 403: ["head", "regionAdmin", "platformAdmin", ...applicants, "clerk", "handler", "decider", "otherClerk", "supervisor"], 404: ["otherDeptAdmin", "otherRegionAdmin"] }),
    fixture: (f) => asFixture(f.staffChange()),
    request: (v) => ({ params: { id: v.changeId! } }),
    fresh: true,
  },

  // Organization administration (R14): writes outside one's scope are 403.
  "GET /api/admin/regions": { expect: only(...orgAdmins) },
  "POST /api/admin/regions": {
    expect: only("regionAdmin", "platformAdmin"),
    request: (_v, _p, f) => ({ body: { code: `500112${String(100 + f.unique().n).slice(-3)}`, name: "测试街道", level: "township", parentCode: "500112" } }),
  },
  "GET /api/admin/departments": { expect: only(...orgAdmins) },
  "POST /api/admin/departments": {
    expect: only("regionAdmin", "platformAdmin"),
    request: (_v, _p, f) => ({ body: { name: `重庆市渝北区测试局${f.unique().n}`, regionCode: "500112" } }),
  },
  // D1's contact details: its admin, the region's admin, platform admins.
  "PATCH /api/admin/departments/:id": { expect: only("deptAdmin", "regionAdmin", "platformAdmin"), request: (_v, _p, f) => ({ params: { id: f.ids.d1 }, body: { address: "重庆市渝北区双龙大道108号" } }) },
  "GET /api/admin/halls": { expect: only(...orgAdmins) },
  "POST /api/admin/halls": {
    expect: only("regionAdmin", "platformAdmin"),
    request: (_v, _p, f) => ({ body: { name: `渝北区测试大厅${f.unique().n}`, regionCode: "500112", address: "重庆市渝北区金山路18号" } }),
  },
  "PATCH /api/admin/halls/:id": { expect: only("regionAdmin", "platformAdmin"), request: (_v, _p, f) => ({ params: { id: f.ids.hall }, body: { phone: "023-67821880" } }) },

  // The event feed: department systems only (a bearer token with events:read); people are refused.
  "GET /api/events": { expect: outcomes({ 401: ["anonymous"], rest: 403 }) },
  // Webhooks of D1's integration clients: D1's admin and platform admins; to anyone else the client
  // and its subscriptions do not exist.
  "POST /api/admin/webhooks": {
    expect: integrationAdmins,
    fixture: (f) => asFixture(f.webhook()),
    request: (v) => ({ body: { integrationId: v.integrationId!, url: "https://example.org/other", events: ["case.closed"] } }),
  },
  "GET /api/admin/webhooks": { expect: integrationAdmins, fixture: (f) => asFixture(f.webhook()), request: (v) => ({ query: { integrationId: v.integrationId! } }) },
  "DELETE /api/admin/webhooks/:id": { expect: integrationAdmins, fixture: (f) => asFixture(f.webhook()), request: (v) => ({ params: { id: v.webhookId! } }), fresh: true },
  // Not paused: 409 WEBHOOK_NOT_PAUSED, past the authorization.
  "POST /api/admin/webhooks/:id/resume": { expect: integrationAdmins, fixture: (f) => asFixture(f.webhook()), request: (v) => ({ params: { id: v.webhookId! }, body: {} }) },
  "GET /api/admin/webhooks/:id/deliveries": { expect: integrationAdmins, fixture: (f) => asFixture(f.webhook()), request: (v) => ({ params: { id: v.webhookId! } }) },
  "POST /api/admin/webhooks/:id/deliveries/:did/replay": {
    expect: integrationAdmins,
    fixture: (f) => asFixture(f.webhook()),
    request: (v) => ({ params: { id: v.webhookId!, did: v.deliveryId! }, body: {} }),
  },
  // Department systems' clients (R5): D1's admin or a platform admin; the other department's admin
  // lists its own (none of D1's) and does not know D1's exists.
  "GET /api/admin/integrations": { expect: only("deptAdmin", "otherDeptAdmin", "platformAdmin") },
  "POST /api/admin/integrations": {
    expect: only("deptAdmin", "platformAdmin"),
    request: (_v, _p, f) => ({ body: { name: `渝北市场监管业务系统${f.unique().n}`, departmentId: f.ids.d1, scopes: ["cases:read"] } }),
  },
  "GET /api/admin/integrations/:id": {
    expect: outcomes({ 401: ["anonymous"], allow: ["deptAdmin", "platformAdmin"], 404: ["otherDeptAdmin"], rest: 403 }),
    fixture: (f) => asFixture(f.integrationClient()),
    request: (v) => ({ params: { id: v.clientId! } }),
  },
  "POST /api/admin/integrations/:id/rotate": {
    expect: outcomes({ 401: ["anonymous"], allow: ["deptAdmin", "platformAdmin"], 404: ["otherDeptAdmin"], rest: 403 }),
    fixture: (f) => asFixture(f.integrationClient()),
    request: (v) => ({ params: { id: v.clientId! }, body: { graceHours: 1 } }),
  },
  "PUT /api/admin/integrations/:id/rate-limit": {
    expect: outcomes({ 401: ["anonymous"], allow: ["deptAdmin", "platformAdmin"], 404: ["otherDeptAdmin"], rest: 403 }),
    fixture: (f) => asFixture(f.integrationClient()),
    request: (v) => ({ params: { id: v.clientId! }, body: { rateLimitPerMinute: 120 } }),
  },
  "DELETE /api/admin/integrations/:id": {
    expect: outcomes({ 401: ["anonymous"], allow: ["deptAdmin", "platformAdmin"], 404: ["otherDeptAdmin"], rest: 403 }),
    fixture: (f) => asFixture(f.integrationClient()),
    request: (v) => ({ params: { id: v.clientId! } }),
    fresh: true,
  },
  // A department system's read (certificates:read): no person may call it (integrationClients.test.ts sends tokens).
  "GET /api/integration/certificates/:no": {
    expect: outcomes({ 401: ["anonymous"], rest: 403 }),
    fixture: (f) => asFixture(f.certificate()),
    request: (v) => ({ params: { no: v.certificateNo! } }),
  },

  // Document templates (R12): D1's own words — its admin, the region's admin, platform admins (the
  // other department's and region's admins may see that D1 exists: 403); the platform defaults: platform admins.
  "GET /api/admin/templates": { expect: only("deptAdmin", "regionAdmin", "platformAdmin"), request: (_v, _p, f) => ({ query: { departmentId: f.ids.d1 } }) },
  "GET /api/admin/templates/:kind": {
    expect: only("deptAdmin", "regionAdmin", "platformAdmin"),
    request: (_v, _p, f) => ({ params: { kind: "acceptance-notice" }, query: { departmentId: f.ids.d1 } }),
  },
  "PUT /api/admin/templates/:kind": {
    expect: only("platformAdmin"),
    request: () => ({ params: { kind: "extension-notice" }, body: { body: { title: "延长行政许可期限告知书", paragraphs: ["{{申请人}}：办理期限延长{{延长天数}}个工作日。"], footnote: "" } } }),
  },
  "DELETE /api/admin/templates/:kind": {
    expect: only("deptAdmin", "regionAdmin", "platformAdmin"),
    request: (_v, _p, f) => ({ params: { kind: "acceptance-notice" }, query: { departmentId: f.ids.d1 } }),
  },
  "POST /api/admin/templates/:kind/preview": {
    expect: only("deptAdmin", "regionAdmin", "platformAdmin"),
    request: (_v, _p, f) => ({ params: { kind: "acceptance-notice" }, body: { departmentId: f.ids.d1, body: { title: "受理通知书", paragraphs: ["{{申请人}}：已受理。"], footnote: "" } } }),
  },

  // Demo and test affordances: open to anyone in a demo or test start, absent (404) in production
  // (security.test.ts). The clock is "moved" to where it is.
  "GET /api/dev/outbox": { expect: everyone },
  "GET /api/dev/clock": { expect: everyone },
  "POST /api/dev/clock": { expect: everyone, request: (_v, _p, f) => ({ body: { now: f.now() } }) },
  "GET /api/dev/accounts": { expect: everyone },
};
