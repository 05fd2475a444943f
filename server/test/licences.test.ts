import { randomBytes } from "node:crypto";
import { CertificateDraft, PublicCertificate } from "@cq/contracts";
import { afterEach, describe, expect, it } from "vitest";
import { sealPersonalData } from "../src/ops/personalData.ts";
import { loadKeyring } from "../src/platform/keyring.ts";
import { PersonalData, personalDataOf } from "../src/platform/personalData.ts";
import { pdfText, type Session, startPlatform, type TestPlatform } from "./helpers.ts";
import { staffWith } from "./fixtures.ts";
import { applicantOf, WorkflowDriver } from "./workflowDriver.ts";

let t: TestPlatform;
afterEach(async () => t?.close());

const D = "500112-scjgj"; // 渝北区市场监督管理局: 食品经营许可 (YB-SCJG-001)
const form = {
  operatorName: "重庆渝味轩餐饮管理有限公司",
  businessAddress: "重庆市渝北区金山路18号附3号",
  mainBusinessType: "餐饮服务经营者（中型餐馆）",
  businessItems: "热食类食品制售",
  foodSafetyManager: "何小平",
  contactPhone: "15217902892",
};

/** A food business licence application by a company, taken through every step up to the decision. */
async function atDecision(w: WorkflowDriver, s: (role: Parameters<typeof staffWith>[0]) => Promise<Session>): Promise<string> {
  const applicant = await t.login(applicantOf("organization").phone);
  const guide = await w.guide("YB-SCJG-001");
  const created = await applicant.inject({ method: "POST", url: "/api/cases", payload: { itemId: guide.id, formData: form } });
  expect(created.statusCode, created.body).toBe(201);
  const id: string = created.json().id;
  for (const m of guide.materials.filter((x: { required: boolean }) => x.required)) expect((await w.upload(applicant, id, m.id)).statusCode).toBe(201);
  expect((await applicant.inject({ method: "POST", url: `/api/cases/${id}/submit` })).statusCode).toBe(200);
  expect((await (await s("clerk")).inject({ method: "POST", url: `/api/cases/${id}/accept` })).statusCode).toBe(200);
  const handler = await s("handler");
  await w.complete(handler, (await w.openTask(handler, id, "review")).id);
  await w.complete(handler, (await w.openTask(handler, id, "offline")).id, {
    outcome: "pass", opinion: "现场核查符合要求。", record: { procedure: "现场核查", course: "到场核查经营场所和设施布局。", result: "符合要求" },
  });
  const reviewer = await s("reviewer");
  await w.complete(reviewer, (await w.openTask(reviewer, id, "review")).id);
  return id;
}

describe("licences", () => {
  it("are issued with their particulars, printed as a licence, verified with personal ones masked, and a tampered payload fails", async () => {
    t = await startPlatform();
    const w = new WorkflowDriver(t);
    const s = (role: Parameters<typeof staffWith>[0]) => t.login(staffWith(role, D).username);
    const id = await atDecision(w, s);
    const decider = await s("decider");

    // The decider's draft: pre-filled from the form, the applicant and the dates; computed ones read-only.
    const draftRes = await decider.inject({ method: "GET", url: `/api/cases/${id}/certificate-draft` });
    expect(draftRes.statusCode, draftRes.body).toBe(200);
    const draft = CertificateDraft.parse(draftRes.json()).certificate!;
    expect(draft).toMatchObject({ type: "food-business-license", heading: "食品经营许可证", validityYears: 5 });
    const value = (k: string) => draft.particulars.find((p) => p.key === k)!;
    expect(value("holderName").value).toBe(form.operatorName);
    expect(value("holderCode").value).toBe("91500112MA5U7G4K4Y");
    expect(value("legalRepresentative").value).toBe("谭永福");
    expect(value("premises").value).toBe(form.businessAddress);
    expect(value("businessItems")).toMatchObject({ value: "热食类食品制售", type: "textarea", required: true, readOnly: false });
    expect(value("issuedAt")).toMatchObject({ source: "computed", readOnly: true, label: "发证日期" });
    expect(value("validUntil").value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(value("signer").value).toBe(staffWith("decider", D).name);
    const en = (await decider.inject({ method: "GET", url: `/api/cases/${id}/certificate-draft`, headers: { "accept-language": "en" } })).json();
    expect(en.certificate.particulars.find((p: { key: string }) => p.key === "premises").label).toBe("Business premises");

    // A required particular left empty, an unknown one: 422 naming them, nothing written.
    const before = await t.db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    for (const [particulars, fields] of [
      [{ premises: " " }, ["premises"]],
      [{ colour: "red", businessItems: "" }, ["colour", "businessItems"]],
      [{ issuedAt: "2020-01-01" }, ["issuedAt"]],
    ] as const) {
      const res = await decider.inject({ method: "POST", url: `/api/cases/${id}/decision`, payload: { result: "approved", particulars } });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.code).toBe("CERTIFICATE_PARTICULARS_INVALID");
      expect([...res.json().error.details.fields].sort()).toEqual([...fields].sort());
    }
    expect(await t.db.selectFrom("certificates").selectAll().execute()).toEqual([]);
    expect((await t.db.selectFrom("cases").select("status").where("id", "=", id).executeTakeFirstOrThrow()).status).toBe("in_progress");
    const after = await t.db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    // A denial has no certificate to state.
    const denied = await decider.inject({ method: "POST", url: `/api/cases/${id}/decision`, payload: { result: "denied", reasons: "x", particulars: { premises: "x" } } });
    expect(denied.statusCode).toBe(422);

    // Approved with the decider's changes; the rest comes from the draft.
    const decided = await decider.inject({
      method: "POST",
      url: `/api/cases/${id}/decision`,
      payload: { result: "approved", particulars: { supervisor: "李娜", businessItems: "热食类食品制售；冷食类食品制售" } },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const no: string = decided.json().certificates[0].certificateNo;

    // Verification: the particulars in the licence's order, personal ones masked, the signature valid.
    const verified = PublicCertificate.parse((await t.request({ method: "GET", url: `/api/public/certificates/${no}` })).json());
    expect(verified.signatureValid).toBe(true);
    const shown = Object.fromEntries(verified.particulars.map((p) => [p.label, p.value]));
    expect(shown).toMatchObject({
      经营者名称: "重************",
      "社会信用代码（身份证号码）": "91500112********4Y",
      "法定代表人（负责人）": "谭**",
      经营场所: form.businessAddress,
      经营项目: "热食类食品制售；冷食类食品制售",
      日常监督管理人员: "李娜",
      投诉举报电话: "12315",
      发证机关: "重庆市渝北区市场监督管理局",
    });
    expect(verified.particulars.map((p) => p.key).slice(0, 3)).toEqual(["holderName", "holderCode", "legalRepresentative"]);
    expect(JSON.stringify(verified)).not.toContain("谭永福");
    const verifiedEn = (await t.request({ method: "GET", url: `/api/public/certificates/${no}`, headers: { "accept-language": "en" } })).json();
    expect(verifiedEn.particulars.find((p: { key: string }) => p.key === "premises").label).toBe("Business premises");

    // Stored: personal particulars sealed in the column and in the signed payload; the audit masks them.
    const row = await t.db.selectFrom("certificates").selectAll().where("certificate_no", "=", no).executeTakeFirstOrThrow();
    const stored = row.particulars as { key: string; value: string }[];
    expect(stored.find((p) => p.key === "holderCode")!.value).toMatch(/^pd1:/);
    expect(stored.find((p) => p.key === "legalRepresentative")!.value).toMatch(/^pd1:/);
    expect(stored.find((p) => p.key === "premises")!.value).toBe(form.businessAddress);
    const payload = row.payload as { particulars: Record<string, string> };
    expect(payload.particulars.holderCode).toMatch(/^pd1:/);
    expect(payload.particulars.businessItems).toBe("热食类食品制售；冷食类食品制售");
    const audit = await t.db.selectFrom("audit_log").select("new_values").where("action", "=", "certificate.issued").where("object_id", "=", no).executeTakeFirstOrThrow();
    const auditText = JSON.stringify(audit.new_values);
    expect(auditText).toContain("91500112********4Y");
    expect(auditText).toContain("谭**");
    expect(auditText).not.toContain("谭永福");
    expect(auditText).not.toContain("91500112MA5U7G4K4Y");

    // The licence: its heading, 正本, the number, the particulars and the QR code's caption.
    const applicant = await t.login(applicantOf("organization").phone);
    const mine = (await applicant.inject({ method: "GET", url: "/api/certificates?holder=me" })).json().items;
    const documentId = mine.find((c: { certificateNo: string }) => c.certificateNo === no).documentId;
    const pdf = await applicant.inject({ method: "GET", url: `/api/documents/${documentId}` });
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload);
    for (const s of [
      "食品经营许可证", "正", no, form.operatorName, "91500112MA5U7G4K4Y", "谭永福", form.businessAddress, "餐饮服务经营者（中型餐馆）",
      "热食类食品制售；冷食类食品制售", "日常监督管理人员", "李娜", "12315", "重庆市渝北区市场监督管理局", "扫码核验本证照真伪", "Scan to verify this certificate",
    ]) {
      expect(text.replace(/\s+/g, ""), s).toContain(s.replace(/\s+/g, ""));
    }
    expect(text).not.toContain("主送");

    // Tampering the stored payload (a particular changed) breaks the signature.
    await t.db
      .updateTable("certificates")
      .set({ payload: JSON.stringify({ ...payload, particulars: { ...payload.particulars, businessItems: "热食类食品制售；冷食类食品制售；生食类食品制售" } }) })
      .where("certificate_no", "=", no)
      .execute();
    const tampered = (await t.request({ method: "GET", url: `/api/public/certificates/${no}` })).json();
    expect(tampered.signatureValid).toBe(false);

    // A key rotation re-seals the personal particulars with the holder's code: the new key alone opens them.
    const config = t.platform.deps.config;
    const rotated = { ...config, personalDataKey: randomBytes(32).toString("hex"), personalDataPreviousKeys: [config.personalDataKey!] };
    await sealPersonalData(t.db, personalDataOf(rotated), { force: true });
    const newOnly = new PersonalData(
      loadKeyring({ current: rotated.personalDataKey, previous: [], env: "test", dataDir: "/nonexistent", fileName: "x", variable: "PERSONAL_DATA_KEY", why: "" }),
    );
    const resealed = await t.db.selectFrom("certificates").select(["particulars", "payload"]).where("certificate_no", "=", no).executeTakeFirstOrThrow();
    const code = (resealed.particulars as { key: string; value: string }[]).find((p) => p.key === "holderCode")!.value;
    expect(newOnly.isSealedUnderCurrent(code)).toBe(true);
    expect(newOnly.open(code)).toBe("91500112MA5U7G4K4Y");
    expect(newOnly.open((resealed.payload as { particulars: Record<string, string> }).particulars.legalRepresentative!)).toBe("谭永福");
  });

  it("fill what the decider leaves out from the draft", async () => {
    t = await startPlatform();
    const w = new WorkflowDriver(t);
    const s = (role: Parameters<typeof staffWith>[0]) => t.login(staffWith(role, D).username);
    const id = await atDecision(w, s);
    const decided = await (await s("decider")).inject({ method: "POST", url: `/api/cases/${id}/decision`, payload: { result: "approved" } });
    expect(decided.statusCode, decided.body).toBe(200);
    const verified = (await t.request({ method: "GET", url: `/api/public/certificates/${decided.json().certificates[0].certificateNo}` })).json();
    expect(verified.signatureValid).toBe(true);
    expect(verified.particulars.find((p: { key: string }) => p.key === "businessItems").value).toBe("热食类食品制售");
  });
});
