import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalJson } from "../src/platform/canonicalJson.ts";
import { sha256Hex } from "../src/platform/files.ts";
import { runDueJobs } from "../src/platform/jobs.ts";
import { ensureDocumentRendered, RENDER_DOCUMENT_JOB } from "../src/documents/rendering.ts";
import { jobHandlers } from "../src/scheduler.ts";
import { pdfText, type Session, startPlatform, type TestPlatform } from "./helpers.ts";
import { WorkflowDriver } from "./workflowDriver.ts";

// A document is numbered and worded by the command that issues it and rendered after the commit:
// by its durable job, or by the first reader if that comes sooner. Either way once, with the words
// of issue time, one file, and one audit record of the file.

const D1 = "500112-scjgj"; // 渝北区市场监督管理局
const ITEM = "YB-SCJG-002";

let t: TestPlatform;
let w: WorkflowDriver;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await startPlatform();
  w = new WorkflowDriver(t);
  for (const [k, v] of Object.entries({ applicant: "18930357537", clerk: "yb.scjg.clerk", deptAdmin: "yb.scjg.admin", supervisor: "supervisor" })) s[k] = await t.login(v);
}, 60_000);
afterAll(async () => t?.close());

/** A case accepted by the clerk: the command issues its acceptance notice. */
async function acceptedCase(): Promise<{ caseId: string; documentId: string }> {
  const caseId = await w.apply(ITEM, s.applicant!);
  const res = await s.clerk!.inject({ method: "POST", url: `/api/cases/${caseId}/accept` });
  expect(res.statusCode, res.body).toBe(200);
  return { caseId, documentId: res.json().documentId };
}

const row = (id: string) => t.db.selectFrom("documents").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const job = (id: string) => t.db.selectFrom("jobs").select(["kind", "status", "payload", "attempts"]).where("dedupe_key", "=", `${RENDER_DOCUMENT_JOB}:${id}`).executeTakeFirst();
const audits = (id: string, action: string) =>
  t.db.selectFrom("audit_log").select(["new_values"]).where("object_id", "=", id).where("action", "=", action).execute();
const runRenderJobs = () => runDueJobs(t.platform.deps, jobHandlers, "test-worker", t.platform.deps.clock.now(), 100, [RENDER_DOCUMENT_JOB]);
const download = (id: string) => s.applicant!.inject({ method: "GET", url: `/api/documents/${id}` });

describe("documents rendered after the command", () => {
  it("are issued without a file, with their render input vouched for in the audit, and their job queued", async () => {
    const { documentId } = await acceptedCase();
    const doc = await row(documentId);
    expect(doc).toMatchObject({ kind: "acceptance-notice", file_sha256: null, rendered_at: null });
    expect(doc.render_input).toMatchObject({ renderer: "document", input: { kind: "acceptance-notice", documentNo: doc.document_no } });
    expect(await job(documentId)).toMatchObject({ kind: RENDER_DOCUMENT_JOB, status: "queued", payload: { documentId } });
    const [issued] = await audits(documentId, "document.issued");
    expect(issued!.new_values).toEqual({ kind: "acceptance-notice", documentNo: doc.document_no, renderInputSha256: sha256Hex(Buffer.from(canonicalJson(doc.render_input))) });
    expect(await audits(documentId, "document.rendered")).toHaveLength(0);
  });

  it("are rendered once by their job, which audits the file", async () => {
    const { documentId } = await acceptedCase();
    await runRenderJobs();
    expect(await job(documentId)).toMatchObject({ status: "done", attempts: 1 });
    const doc = await row(documentId);
    expect(doc.file_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.rendered_at).not.toBeNull();
    expect((await audits(documentId, "document.rendered")).map((a) => a.new_values)).toEqual([{ kind: "acceptance-notice", documentNo: doc.document_no, sha256: doc.file_sha256 }]);
    // Rendering again finds the file and changes nothing.
    expect(await ensureDocumentRendered(t.platform.deps, documentId)).toBe(doc.file_sha256);
    expect(await audits(documentId, "document.rendered")).toHaveLength(1);
    const res = await download(documentId);
    expect(res.statusCode).toBe(200);
    expect(sha256Hex(res.rawPayload)).toBe(doc.file_sha256);
  });

  it("are rendered on demand for a reader before the job ran, and the job later keeps that file", async () => {
    const { documentId } = await acceptedCase();
    const res = await download(documentId);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const sha256 = sha256Hex(res.rawPayload);
    expect(res.headers["x-content-sha256"]).toBe(sha256);
    expect(pdfText(res.rawPayload).replace(/\s+/g, "")).toContain("受理通知书");
    expect((await row(documentId)).file_sha256).toBe(sha256);

    await runRenderJobs();
    expect(await job(documentId)).toMatchObject({ status: "done" });
    expect((await row(documentId)).file_sha256).toBe(sha256);
    expect(await audits(documentId, "document.rendered")).toHaveLength(1);
    const again = await download(documentId);
    expect(again.rawPayload.equals(res.rawPayload)).toBe(true);
  });

  it("leave one file when rendered by several at once", async () => {
    const { documentId } = await acceptedCase();
    const deps = t.platform.deps;
    const shas = await Promise.all([
      ensureDocumentRendered(deps, documentId),
      ensureDocumentRendered(deps, documentId),
      runRenderJobs().then(() => ensureDocumentRendered(deps, documentId)),
      download(documentId).then((r) => r.headers["x-content-sha256"]),
    ]);
    const doc = await row(documentId);
    expect(new Set(shas)).toEqual(new Set([doc.file_sha256]));
    expect(await audits(documentId, "document.rendered")).toHaveLength(1);
  });

  it("carry the words in force when issued, whatever the template says by the time they are rendered", async () => {
    const put = (first: string) =>
      s.deptAdmin!.inject({
        method: "PUT",
        url: "/api/admin/templates/acceptance-notice",
        payload: { departmentId: deptId, body: { title: "受理通知书", paragraphs: [`${first}{{申请人}}：你提出的“{{事项名称}}”申请已受理。`], footnote: "本局咨询电话：{{咨询电话}}" } },
      });
    const deptId = (await t.db.selectFrom("departments").select("id").where("code", "=", D1).executeTakeFirstOrThrow()).id;
    expect((await put("甲版措辞：")).statusCode).toBe(200);
    const { documentId } = await acceptedCase();
    expect((await put("乙版措辞：")).statusCode).toBe(200);
    await runRenderJobs();
    const printed = pdfText((await download(documentId)).rawPayload).replace(/\s+/g, "");
    expect(printed).toContain("甲版措辞");
    expect(printed).not.toContain("乙版措辞");
  });

  it("keep the audit chain whole", async () => {
    const verify = (await s.supervisor!.inject({ method: "GET", url: "/api/audit/verify" })).json();
    expect(verify.ok, JSON.stringify(verify)).toBe(true);
  });
});
