import { routeTable } from "@cq/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { idNumberCheckChar } from "../src/identity/checkCharacters.ts";
import { accounts, type Fixtures, matrix, type Principal, principals, type Req } from "./authzMatrix.expectations.ts";
import { multipart, type Session, startPlatform, type TestPlatform, tinyPdf, safeJson } from "./helpers.ts";
import { WorkflowDriver } from "./workflowDriver.ts";

// The authorization matrix (等保 2.0 访问控制): every route of the route table, sent as every
// principal of authzMatrix.expectations.ts against real fixtures, answers as the matrix says.
// One platform for the file; rows run in sequence; requests that change state get fixtures of their own.

/** The case item: accept, review (handler), review (reviewer), push to the city bureau, decide, deliver. */
const CASE_ITEM = "YB-SCJG-002";
/** The guide new versions are written from (D1's steps only). */
const GUIDE_ITEM = "YB-SCJG-001";
const D1 = "500112-scjgj";
const D2 = "500103-wsjkw";
const CITY = "cq-scjgj";

let t: TestPlatform;
let w: WorkflowDriver;
const sessions = new Map<Principal, Session>();
const extra = new Map<string, Session>();
let f: Fixtures;

const as = (p: Exclude<Principal, "anonymous">) => sessions.get(p)!;
async function staffSession(username: string): Promise<Session> {
  if (!extra.has(username)) extra.set(username, await t.login(username));
  return extra.get(username)!;
}

async function ok(res: Promise<{ statusCode: number; body: string; json: () => unknown }>, status = 200): Promise<Record<string, unknown>> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as Record<string, unknown>;
}
const post = (s: Session, url: string, payload?: unknown) => s.inject({ method: "POST", url, payload: payload ?? {} });

beforeAll(async () => {
  t = await startPlatform();
  w = new WorkflowDriver(t);
  for (const p of principals) if (p !== "anonymous") sessions.set(p, await t.login(accounts[p]));

  const dept = async (code: string) => (await t.db.selectFrom("departments").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
  const user = async (column: "phone" | "username", value: string) =>
    (
      await t.db
        .selectFrom("users")
        .select("id")
        .where(column === "phone" ? "phone_index" : "username", "=", column === "phone" ? t.personalData.index("phone", value) : value)
        .executeTakeFirstOrThrow()
    ).id;
  const [d1, d2, city] = await Promise.all([dept(D1), dept(D2), dept(CITY)]);
  const caseGuide = await w.guide(CASE_ITEM);
  const g = await w.guide(GUIDE_ITEM);
  const guide = { ...g, process: { steps: g.process.steps.map((s: { department: { id: string } | null }) => ({ ...s, departmentId: s.department?.id ?? null })) } };
  // The form filled in as the workflow driver fills it.
  const filledForm: Record<string, string | number> = {};
  for (const x of caseGuide.formFields as { key: string; type: string }[]) filledForm[x.key] = x.type === "number" ? 10 : x.type === "date" ? "2026-12-01" : "渝北区金山路18号";
  const hall = (await t.db.selectFrom("service_halls").select("id").where("code", "=", "hall-yb").executeTakeFirstOrThrow()).id;
  const itemFile = (await ok(
    (() => {
      const m = multipart({}, { name: "空白表.pdf", bytes: tinyPdf, type: "application/pdf" });
      return as("platformAdmin").inject({ method: "POST", url: `/api/admin/items/${caseGuide.id}/files`, payload: m.payload, headers: m.headers });
    })(),
    201,
  )).file as string;

  let counter = 0;
  const unique = () => {
    const n = ++counter;
    const first17 = `50011219900101${String(n % 1000).padStart(3, "0")}`;
    return { n, phone: `1390${String(n).padStart(7, "0")}`, idNumber: first17 + idNumberCheckChar(first17) };
  };
  const applicant = () => as("applicant");
  const clerk = () => as("clerk");
  const handler = () => as("handler");

  const submitted = async () => ({ caseId: await w.apply(CASE_ITEM, applicant()) });
  const inProgress = async () => {
    const { caseId } = await submitted();
    const accepted = await ok(post(clerk(), `/api/cases/${caseId}/accept`));
    const task = await w.openTask(handler(), caseId, "review");
    return { caseId, taskId: task.id, documentId: accepted.documentId as string, supervisionCode: accepted.supervisionCode as string };
  };
  /** Through both reviews: the push step opens at the city bureau. */
  const pushed = async () => {
    const c = await inProgress();
    await w.complete(handler(), c.taskId);
    const reviewer = await staffSession("yb.scjg.reviewer");
    await w.complete(reviewer, (await w.openTask(reviewer, c.caseId, "review")).id);
    return c;
  };
  const atDecision = async () => {
    const { caseId } = await pushed();
    const cityHandler = await staffSession("cq.scjg.handler");
    await w.complete(cityHandler, (await w.openTask(cityHandler, caseId, "push")).id);
    return { caseId };
  };
  const decided = async () => {
    const { caseId } = await atDecision();
    const out = await ok(post(as("decider"), `/api/cases/${caseId}/decision`, { result: "approved" }));
    return { caseId, certificateNo: (out.certificates as { certificateNo: string }[])[0]!.certificateNo };
  };
  const newItem = async () => ({
    itemId: (await ok(post(as("platformAdmin"), "/api/admin/items", { code: `YB-SCJG-8${unique().n}`, name: "测试事项", departmentId: d1, level: "district", regionCode: "500112" }), 201)).id as string,
  });
  const draftVersion = async (g: unknown = guide) => {
    const { itemId } = await newItem();
    return { versionId: (await ok(post(as("deptAdmin"), `/api/admin/items/${itemId}/versions`, { guide: g }), 201)).id as string };
  };

  f = {
    ids: {
      d1,
      d2,
      city,
      item: caseGuide.id,
      material: caseGuide.materials.find((m: { required: boolean }) => m.required).id,
      applicant: await user("phone", accounts.applicant),
      otherApplicant: await user("phone", accounts.otherApplicant),
      d1Staff: await user("username", accounts.clerk),
      hall,
      itemFile,
      applicantMessage: "",
    },
    async draft() {
      const created = await ok(post(applicant(), "/api/cases", { itemId: caseGuide.id, formData: {} }), 201);
      const caseId = created.id as string;
      const upload = await w.upload(applicant(), caseId, this.ids.material);
      expect(upload.statusCode, upload.body).toBe(201);
      return { caseId, uploadId: upload.json().id as string };
    },
    async completeDraft() {
      const created = await ok(post(applicant(), "/api/cases", { itemId: caseGuide.id, formData: filledForm }), 201);
      const caseId = created.id as string;
      for (const m of caseGuide.materials.filter((x: { required: boolean }) => x.required)) {
        const upload = await w.upload(applicant(), caseId, m.id);
        expect(upload.statusCode, upload.body).toBe(201);
      }
      return { caseId };
    },
    submitted,
    pushed: async () => ({ caseId: (await pushed()).caseId }),
    async supplementRequested() {
      const { caseId } = await submitted();
      await ok(post(clerk(), `/api/cases/${caseId}/supplement-notice`, { items: [{ reason: "营业执照复印件不清晰。" }] }));
      return { caseId };
    },
    inProgress,
    async taskAttachment() {
      const c = await inProgress();
      const m = multipart({}, { name: "意见.pdf", bytes: tinyPdf, type: "application/pdf" });
      const out = await ok(handler().inject({ method: "POST", url: `/api/tasks/${c.taskId}/attachments`, payload: m.payload, headers: m.headers }), 201);
      return { taskId: c.taskId, attachmentId: out.id as string };
    },
    async handover() {
      const { caseId } = await pushed();
      const cityHandler = await staffSession("cq.scjg.handler");
      const out = await ok(post(cityHandler, `/api/cases/${caseId}/handovers`, { items: ["检验报告原件"], fromDepartmentId: city, toDepartmentId: d1 }), 201);
      return { handoverId: out.id as string };
    },
    async suspended() {
      const { caseId } = await inProgress();
      const out = await ok(post(handler(), `/api/cases/${caseId}/suspensions`, { kind: "expert-review", reason: "组织专家评审。", expectedWorkingDays: 5 }), 201);
      return { caseId, suspensionId: out.id as string };
    },
    atDecision,
    decided,
    async closed() {
      const { caseId } = await decided();
      await ok(post(clerk(), `/api/cases/${caseId}/deliver`, { method: "pickup", idChecked: true, recipientName: "陈晓燕" }));
      return { caseId };
    },
    async certificate() {
      const out = await ok(post(as("decider"), "/api/certificates", { departmentId: d1, type: "business-license", name: "营业执照", holderId: this.ids.applicant }), 201);
      return { certificateNo: out.certificateNo as string };
    },
    async escalation() {
      const { caseId } = await inProgress();
      const out = await ok(post(as("supervisor"), "/api/supervision/escalations", { caseId, note: "请说明办理进度。" }), 201);
      return { escalationId: out.id as string };
    },
    async complaint() {
      const out = await ok(post(applicant(), "/api/complaints", { subject: "办理太慢", text: "窗口排队时间过长。", departmentId: d1 }), 201);
      return { complaintId: out.id as string };
    },
    async consultation() {
      const out = await ok(post(applicant(), "/api/consultations", { kind: "question", subject: "需要哪些材料", text: "请问办理需要准备哪些材料？", departmentId: d1 }), 201);
      await ok(post(as("head"), `/api/consultations/${out.id as string}/assign`, { assigneeId: this.ids.d1Staff }));
      return { consultationId: out.id as string };
    },
    newItem,
    draftVersion: () => draftVersion(),
    async pendingVersion(askD2 = false) {
      // With one step at D2 (a handler there holds the role), D2 is asked to agree.
      const g = askD2
        ? { ...guide, process: { steps: guide.process.steps.map((s: { kind: string; departmentId: string | null }) => (s.kind === "offline" ? { ...s, departmentId: d2 } : s)) } }
        : guide;
      const { versionId } = await draftVersion(g);
      await ok(post(as("deptAdmin"), `/api/admin/item-versions/${versionId}/submit`));
      return { versionId };
    },
    async staffChange() {
      const u = unique();
      const staff = { username: `yb.scjg.test${u.n}`, name: "测试人员", phone: u.phone, idNumber: u.idNumber, departmentId: d1, roles: ["clerk"] };
      const out = await ok(post(as("deptAdmin"), "/api/admin/staff-changes", { kind: "create", reason: "新进窗口人员", staff }), 201);
      return { changeId: out.id as string };
    },
    async integrationClient() {
      const out = await ok(post(as("deptAdmin"), "/api/admin/integrations", { name: `渝北对接系统${unique().n}`, departmentId: d1, scopes: ["cases:read"] }), 201);
      return { clientId: out.id as string };
    },
    async applicantSession() {
      const second = await t.login(accounts.applicant);
      const items = (await ok(second.inject({ method: "GET", url: "/api/me/sessions" }))).items as { id: string; current: boolean }[];
      return { sessionId: items.find((s) => s.current)!.id };
    },
    unique,
    today: () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(t.platform.clock!.now()),
    now: () => t.platform.clock!.now().toISOString(),
    guide: () => guide,
    async webhook() {
      // A D1 system subscribed to submissions, and one delivery queued for it.
      const system = await t.integration(d1, ["events:read"]);
      const sub = await ok(post(as("deptAdmin"), "/api/admin/webhooks", { integrationId: system.id, url: "https://example.org/hook", events: ["case.submitted"] }), 201);
      const { caseId } = await submitted();
      const delivery = await t.db
        .selectFrom("webhook_deliveries as d")
        .innerJoin("integration_events as e", "e.id", "d.event_id")
        .select("d.id")
        .where("d.subscription_id", "=", sub.id as string)
        .where("e.case_id", "=", caseId)
        .executeTakeFirstOrThrow();
      return { integrationId: system.id, webhookId: sub.id as string, deliveryId: delivery.id };
    },
  };
  // A message to A: the answer to a complaint.
  const { complaintId } = await f.complaint();
  await ok(post(as("head"), `/api/complaints/${complaintId}/reply`, { text: "已核实，正在整改。" }));
  const inbox = (await ok(applicant().inject({ method: "GET", url: "/api/inbox" }))).items as { id: string }[];
  f.ids.applicantMessage = inbox[0]!.id;
}, 120_000);
afterAll(async () => t?.close());

/** Sends one row's request as a principal. */
async function send(p: Principal, key: string, req: Req, newSession: boolean) {
  const [method, pattern] = key.split(" ") as [string, string];
  let url = pattern.replace(/:(\w+)/g, (_, name: string) => {
    const v = req.params?.[name];
    if (v === undefined) throw new Error(`${key}: the matrix gives no value for :${name}`);
    return encodeURIComponent(v);
  });
  if (req.query) url += `?${new URLSearchParams(req.query).toString()}`;
  let payload: unknown;
  let headers: Record<string, string> | undefined;
  if (req.multipart) {
    const m = multipart(req.multipart.fields, req.multipart.file ? { name: req.multipart.file.name, bytes: tinyPdf, type: "application/pdf" } : undefined);
    payload = m.payload;
    headers = m.headers;
  } else if (req.body !== undefined) {
    payload = req.body;
  }
  const opts = { method, url, payload, ...(headers ? { headers } : {}) };
  if (p === "anonymous") return t.request(opts);
  const session = newSession ? await t.login(accounts[p]) : sessions.get(p)!;
  return session.inject(opts);
}

const denial = new Set([401, 403, 404]);

describe("the authorization matrix", () => {
  it("has a row for every route of the route table, and none for a route that does not exist", () => {
    const missing = Object.keys(routeTable).filter((k) => !(k in matrix));
    const unknown = Object.keys(matrix).filter((k) => !(k in routeTable));
    expect(missing, `routes without a row in authzMatrix.expectations.ts: ${missing.join(", ")}`).toEqual([]);
    expect(unknown, `rows in authzMatrix.expectations.ts for routes not in the route table: ${unknown.join(", ")}`).toEqual([]);
  });

  it("answers every route as each principal as the matrix says", async () => {
    const failures: string[] = [];
    let checks = 0;
    let routes = 0;
    for (const key of Object.keys(routeTable)) {
      const row = matrix[key];
      if (!row) continue; // reported above
      routes++;
      // Refusals first: they change nothing, so they share one fixture; each allowed principal
      // of a state-changing row then gets its own.
      const order = [...principals.filter((p) => row.expect[p] !== "allow"), ...principals.filter((p) => row.expect[p] === "allow")];
      let shared: Record<string, string> | undefined;
      for (const p of order) {
        const want = row.expect[p];
        const values = row.fixture && row.fresh && want === "allow" ? await row.fixture(f) : (shared ??= row.fixture ? await row.fixture(f) : {});
        const res = await send(p, key, row.request?.(values, p, f) ?? {}, row.newSession ?? false);
        checks++;
        const got = res.statusCode;
        const code = denial.has(got) ? (safeJson(res.body) as { error?: { code?: string } } | undefined)?.error?.code : undefined;
        const passed = got < 500 && (want === "allow" ? !denial.has(got) || (!!code && !!row.allowCodes?.includes(code)) : got === want);
        if (!passed) failures.push(`${key} as ${p}: expected ${want}, got ${got} ${res.body.slice(0, 200)}`);
      }
    }
    console.log(`authorization matrix: ${routes} routes × ${principals.length} principals = ${checks} checks`);
    expect(failures, `\n${failures.join("\n")}`).toEqual([]);
  }, 600_000);
});
