import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CertificateList, PublicCertificate, SignedCertificateFile, SupervisionStats } from "@cq/contracts";
import { afterEach, describe, expect, it } from "vitest";
import { EXPIRY_REMINDERS_JOB, sendExpiryReminders } from "../src/certificates/expiryReminders.ts";
import { verifyCertificateCommand } from "../src/certificates/offline/verifyCommand.ts";
import { parseKeys, signedFileIn, verifySignedFile } from "../src/certificates/offline/verifyOffline.ts";
import { shanghaiDay } from "../src/platform/clock.ts";
import { enqueueJob, runDueJobs } from "../src/platform/jobs.ts";
import { jobHandlers } from "../src/scheduler.ts";
import { type Session, startPlatform, TEST_EPOCH, type TestPlatform } from "./helpers.ts";
import { staffWith } from "./fixtures.ts";
import { applicantOf, WorkflowDriver } from "./workflowDriver.ts";

// A certificate's life after issue: revocation with its legal basis (the holder told), expiry by the
// platform clock with one reminder 30 days before, the off-platform mark counted in supervision
// (R37), and the signed file that verifies offline, also from inside the licence PDF.

let t: TestPlatform;
afterEach(async () => t?.close());

const D = "500112-scjgj"; // 渝北区市场监督管理局
const OTHER = "500103-wsjkw"; // 渝中区卫生健康委
const holder = applicantOf("organization");
const staff = (role: Parameters<typeof staffWith>[0], dept = D) => t.login(staffWith(role, dept).username);
const me = async (s: Session) => (await s.inject({ method: "GET", url: "/api/me" })).json();
const day = (offset: number) => shanghaiDay(new Date(TEST_EPOCH.getTime() + offset * 86_400_000));

/** Registers a certificate of D for the holder off the platform (no supervision code). */
async function register(decider: Session, validUntil?: string): Promise<string> {
  const [dept, applicant] = [(await me(decider)).department.id, (await me(await t.login(holder.phone))).id];
  const res = await decider.inject({
    method: "POST", url: "/api/certificates",
    payload: { departmentId: dept, type: "business-license", name: "营业执照", holderId: applicant, ...(validUntil ? { validUntil } : {}) },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().certificateNo;
}

const verify = async (no: string) => PublicCertificate.parse((await t.request({ method: "GET", url: `/api/public/certificates/${no}` })).json());
const inbox = async (s: Session): Promise<{ title: string; text: string }[]> => (await s.inject({ method: "GET", url: "/api/inbox" })).json().items;
const sms = async (): Promise<{ text: string }[]> => (await t.request({ method: "GET", url: `/api/dev/outbox?to=${holder.phone}` })).json().items;
const library = async (s: Session) => CertificateList.parse((await s.inject({ method: "GET", url: "/api/certificates?holder=me" })).json()).items;

describe("certificate revocation", () => {
  it("states reason and legal basis, tells the holder in the inbox and by SMS, and verifies as revoked", async () => {
    t = await startPlatform();
    const decider = await staff("decider");
    const no = await register(decider, day(365));
    const applicant = await t.login(holder.phone);
    expect((await library(applicant)).find((c) => c.certificateNo === no)).toMatchObject({ verdict: "valid", offPlatform: true, abilities: { revoke: false, signedFile: true } });

    // Wrong callers and bad input change nothing.
    const other = await staff("decider", OTHER);
    expect((await other.inject({ method: "POST", url: `/api/certificates/${no}/revoke`, payload: { reason: "x", legalBasis: "y" } })).statusCode).toBe(403);
    expect((await applicant.inject({ method: "POST", url: `/api/certificates/${no}/revoke`, payload: { reason: "x" } })).statusCode).toBe(403);
    const empty = await decider.inject({ method: "POST", url: `/api/certificates/${no}/revoke`, payload: { reason: " ", legalBasis: "y" } });
    expect(empty.statusCode).toBe(400);
    expect((await verify(no)).status).toBe("valid");

    const reason = "以欺骗手段取得许可";
    const legalBasis = "《中华人民共和国行政许可法》第六十九条第二款";
    const res = await decider.inject({ method: "POST", url: `/api/certificates/${no}/revoke`, payload: { reason, legalBasis } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ certificateNo: no, status: "revoked" });

    const v = await verify(no);
    expect(v).toMatchObject({ status: "revoked", revokedReason: reason, revokedLegalBasis: legalBasis, offPlatform: true, signatureValid: true });
    // Dated by the platform clock (the test clock runs on from its epoch).
    expect(Date.parse(v.revokedAt!) - TEST_EPOCH.getTime()).toBeGreaterThanOrEqual(0);
    expect(Date.parse(v.revokedAt!) - TEST_EPOCH.getTime()).toBeLessThan(3_600_000);
    expect((await library(applicant)).find((c) => c.certificateNo === no)).toMatchObject({ status: "revoked", verdict: "revoked", revokedLegalBasis: legalBasis });
    const staffView = CertificateList.parse((await decider.inject({ method: "GET", url: `/api/certificates?certificateNo=${no}` })).json()).items;
    expect(staffView).toHaveLength(1);
    expect(staffView[0]).toMatchObject({ verdict: "revoked", revokedReason: reason, abilities: { revoke: false, signedFile: true } });

    const notices = (await inbox(applicant)).filter((m) => m.title.startsWith("证照注销通知"));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain(no);
    expect(notices[0]!.text).toContain(legalBasis);
    expect((await sms()).filter((m) => m.text.includes(no) && m.text.includes("注销"))).toHaveLength(1);

    const audit = await t.db.selectFrom("audit_log").select(["new_values", "actor_id"]).where("action", "=", "certificate.revoked").where("object_id", "=", no).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.new_values).toMatchObject({ status: "revoked", reason, legalBasis });

    // A second revocation is refused; the API's `{ reason }` alone still revokes another certificate.
    expect((await decider.inject({ method: "POST", url: `/api/certificates/${no}/revoke`, payload: { reason, legalBasis } })).statusCode).toBe(409);
    const plain = await register(decider);
    expect((await decider.inject({ method: "POST", url: `/api/certificates/${plain}/revoke`, payload: { reason: "证照遗失" } })).statusCode).toBe(200);
    expect((await verify(plain)).revokedLegalBasis).toBeUndefined();
  });

  it("of concurrent revocations exactly one wins, with one notice and one audit record", async () => {
    t = await startPlatform();
    const [decider, head] = [await staff("decider"), await staff("department-head")];
    const no = await register(decider);
    const results = await Promise.all(
      [decider, head, decider, head].map((s, i) => s.inject({ method: "POST", url: `/api/certificates/${no}/revoke`, payload: { reason: `理由${i}`, legalBasis: "依据" } })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === "CERTIFICATE_ALREADY_REVOKED")).toBe(true);
    const audit = await t.db.selectFrom("audit_log").select("id").where("action", "=", "certificate.revoked").where("object_id", "=", no).execute();
    expect(audit).toHaveLength(1);
    expect((await inbox(await t.login(holder.phone))).filter((m) => m.text.includes(no))).toHaveLength(1);
  });
});

describe("certificate expiry", () => {
  it("reminds the holder once 30 days before, never of a revoked one, and verifies as expired after the last day", async () => {
    t = await startPlatform();
    const deps = t.platform.deps;
    const decider = await staff("decider");
    const soon = await register(decider, day(20));
    const later = await register(decider, day(60));
    const revoked = await register(decider, day(10));
    expect((await decider.inject({ method: "POST", url: `/api/certificates/${revoked}/revoke`, payload: { reason: "注销", legalBasis: "依据" } })).statusCode).toBe(200);

    // The daily job, queued by several processes and run by several workers: runs once.
    const now = deps.clock.now();
    const key = `${EXPIRY_REMINDERS_JOB}:${shanghaiDay(now)}`;
    expect(await enqueueJob(deps.db, { kind: EXPIRY_REMINDERS_JOB, runAt: now, dedupeKey: key })).toBe(true);
    expect(await enqueueJob(deps.db, { kind: EXPIRY_REMINDERS_JOB, runAt: now, dedupeKey: key })).toBe(false);
    await Promise.all(["a", "b", "c"].map((w) => runDueJobs(deps, jobHandlers, `worker-${w}`, now)));
    const job = await deps.db.selectFrom("jobs").select(["status", "attempts"]).where("dedupe_key", "=", key).executeTakeFirstOrThrow();
    expect(job).toEqual({ status: "done", attempts: 1 });

    const applicant = await t.login(holder.phone);
    const reminders = (await inbox(applicant)).filter((m) => m.title.startsWith("证照到期提醒"));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.text).toContain(soon);
    expect((await sms()).filter((m) => m.text.includes("到期"))).toHaveLength(1);

    // Later runs (the next days, or two at once) send nothing new for it; the other one comes due in time.
    await Promise.all([sendExpiryReminders(deps, new Date(now.getTime() + 86_400_000)), sendExpiryReminders(deps, new Date(now.getTime() + 86_400_000))]);
    expect((await inbox(applicant)).filter((m) => m.title.startsWith("证照到期提醒"))).toHaveLength(1);
    expect(await sendExpiryReminders(deps, new Date(now.getTime() + 31 * 86_400_000))).toBe(1);
    const all = (await inbox(applicant)).filter((m) => m.title.startsWith("证照到期提醒"));
    expect(all.map((m) => (m.text.includes(soon) ? "soon" : m.text.includes(later) ? "later" : "?")).sort()).toEqual(["later", "soon"]);
    expect(all.some((m) => m.text.includes(revoked))).toBe(false);

    // Valid on its last day, expired the day after, by the platform clock.
    expect((await verify(soon)).status).toBe("valid");
    const moveTo = async (d: string) => expect((await t.request({ method: "POST", url: "/api/dev/clock", payload: { now: `${d}T10:00:00+08:00` } })).statusCode).toBe(200);
    await moveTo(day(20));
    expect((await verify(soon)).status).toBe("valid");
    await moveTo(day(21));
    expect((await verify(soon)).status).toBe("expired");
    expect((await verify(revoked)).status).toBe("revoked");
    expect((await library(applicant)).find((c) => c.certificateNo === soon)).toMatchObject({ status: "valid", verdict: "expired" });
  });
});

describe("certificates issued off the platform", () => {
  it("are marked and counted per department in the supervision figures (R37)", async () => {
    t = await startPlatform();
    const supervisor = await t.login(staffWith("supervisor").username);
    const decider = await staff("decider");
    const deptId: string = (await me(decider)).department.id;
    const count = async () => {
      const res = await supervisor.inject({ method: "GET", url: "/api/supervision/stats" });
      expect(res.statusCode, res.body).toBe(200);
      return SupervisionStats.parse(res.json()).items.find((r) => r.department.id === deptId)?.offPlatformCertificates ?? 0;
    };
    const before = await count();
    const no = await register(decider);
    expect(await count()).toBe(before + 1);
    expect((await verify(no)).offPlatform).toBe(true);
    const flags = await t.db.selectFrom("offplatform_flags").select("kind").where("certificate_no", "=", no).execute();
    expect(flags).toEqual([{ kind: "certificate-without-code" }]);
  });
});

describe("offline verification", () => {
  const form = {
    operatorName: "重庆渝味轩餐饮管理有限公司", businessAddress: "重庆市渝北区金山路18号附3号", mainBusinessType: "餐饮服务经营者（中型餐馆）",
    businessItems: "热食类食品制售", foodSafetyManager: "何小平", contactPhone: "15217902892",
  };

  /** A food business licence (YB-SCJG-001) issued at decision: its number and printed document. */
  async function issuedLicence(w: WorkflowDriver, applicant: Session): Promise<{ no: string; documentId: string }> {
    const guide = await w.guide("YB-SCJG-001");
    const id: string = (await applicant.inject({ method: "POST", url: "/api/cases", payload: { itemId: guide.id, formData: form } })).json().id;
    for (const m of guide.materials.filter((x: { required: boolean }) => x.required)) expect((await w.upload(applicant, id, m.id)).statusCode).toBe(201);
    expect((await applicant.inject({ method: "POST", url: `/api/cases/${id}/submit` })).statusCode).toBe(200);
    expect((await (await staff("clerk")).inject({ method: "POST", url: `/api/cases/${id}/accept` })).statusCode).toBe(200);
    const handler = await staff("handler");
    await w.complete(handler, (await w.openTask(handler, id, "review")).id);
    await w.complete(handler, (await w.openTask(handler, id, "offline")).id, {
      outcome: "pass", opinion: "现场核查符合要求。", record: { procedure: "现场核查", course: "到场核查经营场所和设施布局。", result: "符合要求" },
    });
    const reviewer = await staff("reviewer");
    await w.complete(reviewer, (await w.openTask(reviewer, id, "review")).id);
    const decided = await (await staff("decider")).inject({ method: "POST", url: `/api/cases/${id}/decision`, payload: { result: "approved" } });
    expect(decided.statusCode, decided.body).toBe(200);
    return { no: decided.json().certificates[0].certificateNo, documentId: decided.json().documentId };
  }

  it("the signed file and the licence PDF verify with the published keys alone; a changed particular or another key does not", async () => {
    t = await startPlatform();
    const w = new WorkflowDriver(t);
    const applicant = await t.login(holder.phone);
    const { no } = await issuedLicence(w, applicant);

    const res = await applicant.inject({ method: "GET", url: `/api/certificates/${no}/signed.json` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-disposition"]).toContain(`${no}.signed.json`);
    const file = SignedCertificateFile.parse(res.json());
    expect(file).toMatchObject({ alg: "Ed25519", payload: { certificateNo: no, holderName: form.operatorName } });
    // Exactly as signed: the stored signature over the clear payload.
    const row = await t.db.selectFrom("certificates").select(["signature", "key_id", "document_id"]).where("certificate_no", "=", no).executeTakeFirstOrThrow();
    expect(file.signature).toBe(row.signature);
    expect(file.keyId).toBe(row.key_id);

    const keysText = (await t.request({ method: "GET", url: "/.well-known/certificate-keys.json" })).body;
    const keys = parseKeys(keysText)!;
    expect(verifySignedFile(file, keys).valid).toBe(true);
    const tampered = { ...file, payload: { ...file.payload, particulars: { ...(file.payload.particulars as object), businessItems: "全部食品" } } };
    expect(verifySignedFile(tampered, keys)).toMatchObject({ valid: false, reason: "bad-signature" });

    // The licence PDF carries the same file.
    const pdf = await applicant.inject({ method: "GET", url: `/api/documents/${row.document_id}` });
    expect(pdf.statusCode).toBe(200);
    const embedded = signedFileIn(pdf.rawPayload);
    expect(embedded).toEqual(file);

    // Others may not download it: another applicant, another department's staff (404); no login (401).
    expect((await (await t.login(applicantOf("person").phone)).inject({ method: "GET", url: `/api/certificates/${no}/signed.json` })).statusCode).toBe(404);
    expect((await (await staff("clerk", OTHER)).inject({ method: "GET", url: `/api/certificates/${no}/signed.json` })).statusCode).toBe(404);
    expect((await t.request({ method: "GET", url: `/api/certificates/${no}/signed.json` })).statusCode).toBe(401);
    expect((await (await staff("decider")).inject({ method: "GET", url: `/api/certificates/${no}/signed.json` })).statusCode).toBe(200);

    // The command line, with the keys file as downloaded.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "offline-"));
    try {
      const put = (name: string, data: string | Buffer) => (fs.writeFileSync(path.join(dir, name), data), path.join(dir, name));
      const keysFile = put("keys.json", keysText);
      const run = (args: string[]) => verifyCertificateCommand(args, { out: () => {}, err: () => {}, localKeys: async () => [] });
      expect(await run([put("ok.json", res.body), "--keys", keysFile])).toBe(0);
      expect(await run([put("licence.pdf", pdf.rawPayload), "--keys", keysFile])).toBe(0);
      expect(await run([put("bad.json", JSON.stringify(tampered)), "--keys", keysFile])).toBe(1);
      expect(await run([put("ok2.json", res.body)])).toBe(1); // no keys: nothing verifies
      expect(await run([put("ok3.json", res.body), "--keys", put("none.json", "[]")])).toBe(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
