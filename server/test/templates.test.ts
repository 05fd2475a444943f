import { TemplateDetail, TemplateList } from "@cq/contracts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfText, type Session, startPlatform, type TestPlatform } from "./helpers.ts";
import { WorkflowDriver } from "./workflowDriver.ts";
import { generateReferenceNo } from "../src/caseRecord/referenceNo.ts";

// Document templates (R12): a department's own words reach its documents and no one else's; the
// platform default, history, reset, audit, who may edit, unknown placeholders, the preview. And the
// reference number (申请编号): given at submission, printed before acceptance, opening the progress page.

const D1 = "500112-scjgj"; // 渝北区市场监督管理局
const D2 = "500103-wsjkw"; // 渝中区卫生健康委员会
const D1_ITEM = "YB-SCJG-002";
const D2_ITEM = "YZ-WSJK-001";

let t: TestPlatform;
let w: WorkflowDriver;
let d1: string;
let d2: string;
const s: Record<string, Session> = {};

const text = (bytes: Buffer) => pdfText(bytes).replace(/\s+/g, "");
const body = (first: string) => ({
  title: "受理通知书",
  paragraphs: [`${first}{{申请人}}：你（单位）提出的“{{事项名称}}”申请已于{{受理日期}}受理，承诺{{承诺期限}}个工作日内办结。`],
  footnote: "本局咨询电话：{{咨询电话}}",
});

async function documentText(as: Session, documentId: string): Promise<string> {
  const res = await as.inject({ method: "GET", url: `/api/documents/${documentId}` });
  expect(res.statusCode, res.body).toBe(200);
  return text(res.rawPayload);
}

async function accept(item: string, clerk: Session): Promise<{ caseId: string; documentId: string; supervisionCode: string }> {
  const caseId = await w.apply(item, s.applicant!);
  const res = await clerk.inject({ method: "POST", url: `/api/cases/${caseId}/accept` });
  expect(res.statusCode, res.body).toBe(200);
  return { caseId, ...res.json() };
}

beforeAll(async () => {
  t = await startPlatform();
  w = new WorkflowDriver(t);
  const dept = async (code: string) => (await t.db.selectFrom("departments").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
  [d1, d2] = await Promise.all([dept(D1), dept(D2)]);
  const logins = {
    applicant: "18930357537", clerk: "yb.scjg.clerk", otherClerk: "yz.wsjk.clerk", deptAdmin: "yb.scjg.admin", otherDeptAdmin: "yz.wsjk.admin",
    regionAdmin: "yb.admin", platformAdmin: "admin",
  };
  for (const [k, v] of Object.entries(logins)) s[k] = await t.login(v);
}, 60_000);
afterAll(async () => t?.close());

describe("document templates", () => {
  it("a department's own acceptance notice reaches its cases only; history, reset and audit", { timeout: 120_000 }, async () => {
    const saved = await s.deptAdmin!.inject({ method: "PUT", url: "/api/admin/templates/acceptance-notice", payload: { departmentId: d1, body: body("渝北市监专用："), note: "本局版" } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ kind: "acceptance-notice", departmentId: d1, version: 1 });

    const mine = await accept(D1_ITEM, s.clerk!);
    const words = await documentText(s.applicant!, mine.documentId);
    expect(words).toContain("渝北市监专用：");
    expect(words).toContain("本局咨询电话：");
    expect(words).not.toContain("{{");
    expect(words).toContain(mine.supervisionCode);
    expect(words).toContain(`扫码查看办理进度（统一服务监管码${mine.supervisionCode}）`);

    // Another department keeps the default words.
    const other = await accept(D2_ITEM, s.otherClerk!);
    const otherWords = await documentText(s.applicant!, other.documentId);
    expect(otherWords).not.toContain("渝北市监专用");
    expect(otherWords).toContain("申请材料齐全、符合法定形式");
    expect(otherWords).toContain(`扫码查看办理进度（统一服务监管码${other.supervisionCode}）`);

    // A second version, then back to the default: three versions, newest first, and the built-in one.
    await s.regionAdmin!.inject({ method: "PUT", url: "/api/admin/templates/acceptance-notice", payload: { departmentId: d1, body: body("第二版：") } });
    const reset = await s.deptAdmin!.inject({ method: "DELETE", url: `/api/admin/templates/acceptance-notice?departmentId=${d1}` });
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json().version).toBe(3);
    const detail = TemplateDetail.parse((await s.deptAdmin!.inject({ method: "GET", url: `/api/admin/templates/acceptance-notice?departmentId=${d1}` })).json());
    expect(detail.inForce).toBe("builtin");
    expect(detail.history.map((v) => [v.version, v.source, v.body === null])).toEqual([[3, "department", true], [2, "department", false], [1, "department", false], [0, "builtin", false]]);
    expect(detail.history[2]!.note).toBe("本局版");
    expect(detail.placeholders.map((p) => p.name)).toContain("监管码");
    const after = await accept(D1_ITEM, s.clerk!);
    expect(await documentText(s.applicant!, after.documentId)).toContain("申请材料齐全、符合法定形式");

    const audit = await t.db.selectFrom("audit_log").select(["action", "new_values"]).where("action", "in", ["template.saved", "template.reset"]).orderBy("seq").execute();
    expect(audit.map((a) => [a.action, (a.new_values as { version: number }).version, (a.new_values as { departmentId: string }).departmentId])).toEqual([
      ["template.saved", 1, d1], ["template.saved", 2, d1], ["template.reset", 3, d1],
    ]);
  });

  it("platform admins edit the default, which departments without their own follow", { timeout: 60_000 }, async () => {
    const denial = { title: "不予行政许可决定书", paragraphs: ["平台统一版：{{事项名称}}不予许可。", "{{决定理由}}"], footnote: "复议与诉讼途径见背面。" };
    expect((await s.deptAdmin!.inject({ method: "PUT", url: "/api/admin/templates/denial-decision", payload: { body: denial } })).statusCode).toBe(403);
    const saved = await s.platformAdmin!.inject({ method: "PUT", url: "/api/admin/templates/denial-decision", payload: { body: denial } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ kind: "denial-decision", departmentId: null, version: 1 });
    const list = TemplateList.parse((await s.deptAdmin!.inject({ method: "GET", url: `/api/admin/templates?departmentId=${d1}` })).json());
    expect(list.department?.id).toBe(d1);
    expect(list.items).toHaveLength(9);
    expect(list.items.find((i) => i.kind === "denial-decision")?.inForce).toBe("platform");
    expect(list.items.find((i) => i.kind === "acceptance-notice")?.inForce).toBe("builtin");
    const detail = TemplateDetail.parse((await s.deptAdmin!.inject({ method: "GET", url: `/api/admin/templates/denial-decision?departmentId=${d1}` })).json());
    expect(detail.platformDefault.paragraphs[0]).toBe("平台统一版：{{事项名称}}不予许可。");
    // Back to the built-in words for the platform too.
    expect((await s.platformAdmin!.inject({ method: "DELETE", url: "/api/admin/templates/denial-decision" })).json().version).toBe(2);
    const platform = TemplateList.parse((await s.platformAdmin!.inject({ method: "GET", url: "/api/admin/templates" })).json());
    expect(platform.department).toBeNull();
    expect(platform.items.find((i) => i.kind === "denial-decision")?.inForce).toBe("builtin");
  });

  it("answers 401, 403 and 404 to those who may not edit", async () => {
    const url = `/api/admin/templates/acceptance-notice?departmentId=${d1}`;
    expect((await t.request({ method: "GET", url })).statusCode).toBe(401);
    expect((await s.applicant!.inject({ method: "GET", url })).statusCode).toBe(403);
    expect((await s.clerk!.inject({ method: "GET", url })).statusCode).toBe(403);
    expect((await s.otherDeptAdmin!.inject({ method: "GET", url })).statusCode).toBe(403);
    expect((await s.otherDeptAdmin!.inject({ method: "PUT", url: "/api/admin/templates/acceptance-notice", payload: { departmentId: d1, body: body("越权：") } })).statusCode).toBe(403);
    expect((await s.deptAdmin!.inject({ method: "GET", url: "/api/admin/templates" })).statusCode).toBe(403);
    const unknown = await s.platformAdmin!.inject({ method: "GET", url: "/api/admin/templates?departmentId=no-such-department" });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe("DEPARTMENT_NOT_FOUND");
    expect((await s.otherDeptAdmin!.inject({ method: "GET", url: `/api/admin/templates?departmentId=${d2}` })).statusCode).toBe(200);
  });

  it("refuses an unknown placeholder, naming it, on save and on preview", async () => {
    const bad = { departmentId: d1, body: { title: "受理通知书", paragraphs: ["{{申请人名}}：已受理。"], footnote: "" } };
    for (const [method, url] of [["PUT", "/api/admin/templates/acceptance-notice"], ["POST", "/api/admin/templates/acceptance-notice/preview"]] as const) {
      const res = await s.deptAdmin!.inject({ method, url, payload: bad });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.code).toBe("TEMPLATE_PLACEHOLDER_UNKNOWN");
      expect(res.json().error.details.placeholder).toBe("申请人名");
    }
    const versions = await t.db.selectFrom("document_templates").select("id").where("kind", "=", "acceptance-notice").where("scope", "=", d1).execute();
    expect(versions).toHaveLength(3); // none added by the refused save
  });

  it("previews a template with the sample case and the department's real name", { timeout: 30_000 }, async () => {
    const res = await s.deptAdmin!.inject({ method: "POST", url: "/api/admin/templates/acceptance-notice/preview", payload: { departmentId: d1, body: body("样张测试：") } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toContain("application/pdf");
    const words = text(res.rawPayload);
    expect(words).toContain("样张测试：（示例）");
    expect(words).toContain("重庆市渝北区市场监督管理局");
    expect(words).toContain("扫码查看办理进度（统一服务监管码");
  });

  it("the sample application form of a material speaks the department's words, its QR code opens the guide", { timeout: 30_000 }, async () => {
    const guide = await w.guide(D1_ITEM);
    const material = guide.materials.find((m: { formUrl?: string }) => m.formUrl);
    expect(material).toBeDefined();
    const form = { departmentId: d1, body: { title: "行政许可申请书", paragraphs: ["本局申请书：{{事项名称}}"], footnote: "咨询：{{咨询电话}}" } };
    expect((await s.deptAdmin!.inject({ method: "PUT", url: "/api/admin/templates/application-form", payload: form })).statusCode).toBe(200);
    const res = await t.request({ method: "GET", url: material.sampleUrl });
    expect(res.statusCode).toBe(200);
    const words = text(res.rawPayload);
    expect(words).toContain(`本局申请书：${guide.name}`);
    expect(words).toContain("扫码查看本事项办事指南");
  });

  it("a stored template that somehow does not render leaves the built-in words, not a 500", { timeout: 60_000 }, async () => {
    await t.db.insertInto("document_templates").values({
      id: "broken-template", scope: d1, department_id: d1, kind: "acceptance-notice", version: 99,
      body: JSON.stringify({ title: "受理通知书", paragraphs: ["{{不存在的占位符}}"], footnote: "" }), note: null, created_by: null, created_at: new Date(),
    }).execute();
    const c = await accept(D1_ITEM, s.clerk!);
    const words = await documentText(s.applicant!, c.documentId);
    expect(words).toContain("申请材料齐全、符合法定形式");
    expect(words).not.toContain("不存在的占位符");
    await t.db.deleteFrom("document_templates").where("id", "=", "broken-template").execute();
  });
});

describe("reference numbers", () => {
  it("are given at submission, printed on a notice before acceptance, and open the progress page", { timeout: 60_000 }, async () => {
    const caseId = await w.apply(D1_ITEM, s.applicant!);
    const detail = (await s.applicant!.inject({ method: "GET", url: `/api/cases/${caseId}` })).json();
    const referenceNo: string = detail.referenceNo;
    expect(referenceNo).toMatch(/^SQ\d{6}-[0-9A-Z]{4}-[0-9A-Z]{5}$/);
    expect(detail.supervisionCode).toBeUndefined();
    const listed = (await s.applicant!.inject({ method: "GET", url: "/api/cases?mine=true" })).json().items.find((i: { id: string }) => i.id === caseId);
    expect(listed.referenceNo).toBe(referenceNo);
    const worklist = (await s.clerk!.inject({ method: "GET", url: "/api/worklist" })).json().items.find((i: { caseId: string }) => i.caseId === caseId);
    expect(worklist?.referenceNo).toBe(referenceNo);

    const notice = await s.clerk!.inject({ method: "POST", url: `/api/cases/${caseId}/supplement-notice`, payload: { items: [{ reason: "请补充经营场所平面图" }] } });
    expect(notice.statusCode, notice.body).toBe(200);
    const words = await documentText(s.applicant!, notice.json().documentId);
    expect(words).toContain(`申请编号${referenceNo}`);
    expect(words).toContain(`扫码查看办理进度（申请编号${referenceNo}）`);
    expect(words).toContain("共1项");

    const progress = await t.request({ method: "GET", url: `/api/public/progress/${referenceNo.toLowerCase()}` });
    expect(progress.statusCode, progress.body).toBe(200);
    expect(progress.json()).toMatchObject({ referenceNo, supervisionCode: null, status: "supplement_requested" });
    const last = referenceNo.at(-1)!;
    const wrong = referenceNo.slice(0, -1) + (last === "0" ? "1" : "0");
    const bad = await t.request({ method: "GET", url: `/api/public/progress/${wrong}` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("INVALID_REFERENCE_NO");
    const absent = await t.request({ method: "GET", url: `/api/public/progress/${generateReferenceNo("2026-12-03", () => 0)}` });
    expect(absent.statusCode).toBe(404);
    expect(absent.json().error.code).toBe("CASE_NOT_FOUND");
  });
});
