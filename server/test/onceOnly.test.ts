import { CERTIFICATE_NO_ALPHABET, buildCertificateNo } from "@cq/contracts";
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Session, sampleFormValue, startPlatform, type TestPlatform } from "./helpers.ts";
import { staffWith } from "./fixtures.ts";
import { applicantOf, deptName, WorkflowDriver } from "./workflowDriver.ts";

// Once-only (R27): a certificate the platform issued is taken from the library (证照库) for a later
// application instead of being uploaded again. The planning bureau's 建设用地规划许可证 (CQ-GHZY-001)
// is a required material of its 建设工程规划许可证 (CQ-GHZY-002).
const PLANNING = "cq-ghzrzyj";
const PERMIT = "land-use-planning-permit";

let t: TestPlatform;
let w: WorkflowDriver;
beforeAll(async () => {
  t = await startPlatform();
  w = new WorkflowDriver(t);
});
afterAll(async () => t?.close());

const staff = (role: Parameters<typeof staffWith>[0]) => t.login(staffWith(role, PLANNING).username);

/** A well-formed number with a valid check symbol that the library has never issued. */
function unknownNumber(): string {
  const serial = Array.from({ length: 10 }, () => CERTIFICATE_NO_ALPHABET[randomInt(31)]).join("");
  return buildCertificateNo({ typeCode: "JG", regionCode: "500000", departmentCode: "ABC", year: 2026, serial });
}

const withWrongCheck = (no: string) => no.slice(0, -1) + (no.endsWith("0") ? "1" : "0");

/** Applies for CQ-GHZY-001 and takes the case to an approved decision: the certificate's number. */
async function landUsePermit(applicant: Session): Promise<string> {
  const id = await w.apply("CQ-GHZY-001", applicant);
  expect((await (await staff("clerk")).inject({ method: "POST", url: `/api/cases/${id}/accept` })).statusCode).toBe(200);
  const handler = await staff("handler");
  await w.complete(handler, (await w.openTask(handler, id, "review")).id);
  const reviewer = await staff("reviewer");
  await w.complete(reviewer, (await w.openTask(reviewer, id, "review")).id);
  const decision = await (await staff("decider")).inject({ method: "POST", url: `/api/cases/${id}/decision`, payload: { result: "approved" } });
  expect(decision.statusCode, decision.body).toBe(200);
  return decision.json().certificates[0].certificateNo;
}

interface MaterialView {
  materialId: string;
  name: string;
  required: boolean;
  certificateType?: string;
  uploads: { id: string; certificateNo?: string; fileName: string | null; certificate?: Record<string, unknown> }[];
  reusableCertificates?: { certificateNo: string; issuer: string; validUntil: string | null; verifyPath: string }[];
}

describe("once-only: a certificate from the library instead of an upload", () => {
  it("takes the holder's certificate into a later case, refuses every other, and shows it as from the library", async () => {
    const org = await t.login(applicantOf("organization").phone);
    const first = await landUsePermit(org);

    // The second application: every required material uploaded except the permit.
    const guide = await w.guide("CQ-GHZY-002");
    const formData: Record<string, string | number> = {};
    for (const f of guide.formFields) formData[f.key] = sampleFormValue(f);
    const created = await org.inject({ method: "POST", url: "/api/cases", payload: { itemId: guide.id, formData } });
    expect(created.statusCode, created.body).toBe(201);
    const caseId: string = created.json().id;
    const permit = guide.materials.find((m: { certificateType?: string }) => m.certificateType === PERMIT);
    expect(permit.required).toBe(true);
    const plain = guide.materials.find((m: { certificateType?: string }) => !m.certificateType);
    for (const m of guide.materials.filter((x: { required: boolean; id: string }) => x.required && x.id !== permit.id)) {
      expect((await w.upload(org, caseId, m.id)).statusCode).toBe(201);
    }
    const refused = await org.inject({ method: "POST", url: `/api/cases/${caseId}/submit` });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe("MATERIALS_MISSING");

    // The case file offers the certificate for the material (and only for materials with a type).
    const offered = await w.view(org, caseId);
    const applicantId: string = offered.applicant.id;
    const permitView = (v: { materials: MaterialView[] }) => v.materials.find((m) => m.materialId === permit.id)!;
    expect(permitView(offered).reusableCertificates).toEqual([
      expect.objectContaining({ certificateNo: first, type: PERMIT, issuer: deptName(PLANNING), validUntil: null, verifyPath: `/verify/${first}` }),
    ]);
    expect(offered.materials.find((m: MaterialView) => m.materialId === plain.id).reusableCertificates).toBeUndefined();

    // Refusals: each with its code, none of them writes anything.
    const reuse = (s: Session, materialId: string, certificateNo: string) =>
      s.inject({ method: "POST", url: `/api/cases/${caseId}/materials`, payload: { materialId, certificateNo } });
    const expectRefused = async (s: Session, materialId: string, no: string, status: number, code: string) => {
      const res = await reuse(s, materialId, no);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(code);
      return res;
    };
    await expectRefused(org, permit.id, withWrongCheck(first), 400, "INVALID_CERTIFICATE_NO");
    const unknown = await expectRefused(org, permit.id, unknownNumber(), 404, "CERTIFICATE_NOT_FOUND");
    await expectRefused(org, plain.id, first, 422, "MATERIAL_NOT_REUSABLE");
    await expectRefused(org, plain.id, unknownNumber(), 404, "CERTIFICATE_NOT_FOUND");

    const decider = await staff("decider");
    const me = (await decider.inject({ method: "GET", url: "/api/me" })).json();
    const register = async (holderId: string, type: string, validUntil?: string) => {
      const res = await decider.inject({
        method: "POST", url: "/api/certificates",
        payload: { departmentId: me.department.id, type, name: "建设用地规划许可证", holderId, ...(validUntil ? { validUntil } : {}) },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().certificateNo as string;
    };
    // Someone else's certificate answers exactly like an unknown number.
    const other = await t.login(applicantOf("organization", 1).phone);
    const otherId: string = (await other.inject({ method: "GET", url: "/api/me" })).json().id;
    expect(otherId).not.toBe(applicantId);
    const othersNo = await register(otherId, PERMIT);
    const foreign = await expectRefused(org, permit.id, othersNo, 404, "CERTIFICATE_NOT_FOUND");
    expect(foreign.json()).toEqual(unknown.json());
    expect(foreign.body).not.toContain(othersNo);
    // The holder's own, of another type.
    await expectRefused(org, permit.id, await register(applicantId, "construction-project-planning-permit"), 422, "CERTIFICATE_TYPE_MISMATCH");
    // Revoked.
    const revokedNo = await register(applicantId, PERMIT);
    expect(permitView(await w.view(org, caseId)).reusableCertificates!.map((c) => c.certificateNo)).toContain(revokedNo);
    const revoked = await decider.inject({ method: "POST", url: `/api/certificates/${revokedNo}/revoke`, payload: { reason: "用地范围调整，原证收回。" } });
    expect(revoked.statusCode, revoked.body).toBe(200);
    await expectRefused(org, permit.id, revokedNo, 422, "CERTIFICATE_REVOKED");
    expect(permitView(await w.view(org, caseId)).reusableCertificates!.map((c) => c.certificateNo)).not.toContain(revokedNo);
    expect(permitView(await w.view(org, caseId)).uploads).toHaveLength(0);

    // A file first; the certificate replaces it; a later file replaces the certificate; and back.
    const fileUpload = await w.upload(org, caseId, permit.id);
    expect(fileUpload.statusCode).toBe(201);
    const used = await reuse(org, permit.id, first.toLowerCase().replaceAll("-", " "));
    expect(used.statusCode, used.body).toBe(201);
    expect(used.json()).toMatchObject({ certificateNo: first });
    let uploads = permitView(await w.view(org, caseId)).uploads;
    expect(uploads.map((u) => u.id)).toEqual([used.json().id]);
    const laterFile = await w.upload(org, caseId, permit.id);
    expect(laterFile.statusCode).toBe(201);
    uploads = permitView(await w.view(org, caseId)).uploads;
    expect(uploads.map((u) => u.id)).toEqual([laterFile.json().id]);
    expect(uploads[0]!.certificate).toBeUndefined();
    const again = await reuse(org, permit.id, first);
    expect(again.statusCode, again.body).toBe(201);

    // Expired: in force until the end of the year, refused once the clock is past it.
    const expiringNo = await register(applicantId, PERMIT, "2026-12-31");
    expect(permitView(await w.view(org, caseId)).reusableCertificates!.map((c) => c.certificateNo)).toContain(expiringNo);
    const moved = await t.request({ method: "POST", url: "/api/dev/clock", payload: { now: "2027-01-04T10:00:00+08:00" } });
    expect(moved.statusCode, moved.body).toBe(200);
    await expectRefused(org, permit.id, expiringNo, 422, "CERTIFICATE_EXPIRED");
    const offeredLater = permitView(await w.view(org, caseId)).reusableCertificates!.map((c) => c.certificateNo);
    expect(offeredLater).toContain(first);
    expect(offeredLater).not.toContain(expiringNo);

    // Complete without uploading the permit.
    const submitted = await org.inject({ method: "POST", url: `/api/cases/${caseId}/submit` });
    expect(submitted.statusCode, submitted.body).toBe(200);

    // One audit record per reuse, with the certificate's number and no personal data.
    const audit = await t.db.selectFrom("audit_log").selectAll().where("case_id", "=", caseId).where("action", "=", "case.material-reused").execute();
    expect(audit).toHaveLength(2);
    const text = JSON.stringify(audit);
    expect(text).toContain(first);
    expect(text).toContain(fileUpload.json().id); // the file it replaced
    for (const pii of [applicantOf("organization").phone, applicantOf("organization").creditCode]) if (pii) expect(text).not.toContain(pii);

    // Staff reading the case see the material as from the library, with the issuer and the public
    // verification path; nothing more is offered once the case is submitted.
    const clerkView = await w.view(await staff("clerk"), caseId);
    const shown = permitView(clerkView);
    expect(shown.reusableCertificates).toBeUndefined();
    expect(shown.uploads).toHaveLength(1);
    expect(shown.uploads[0]).toMatchObject({
      certificateNo: first,
      fileName: null,
      certificate: { certificateNo: first, type: PERMIT, typeName: "建设用地规划许可证", issuer: deptName(PLANNING), validUntil: null, status: "valid", verifyPath: `/verify/${first}` },
    });
    expect(shown.uploads[0]!.certificate!.issuedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(clerkView.missingMaterials).toEqual([]);

    // The certificate's public verification answers at the path shown.
    const verified = await t.request({ method: "GET", url: `/api/public/certificates/${first}` });
    expect(verified.statusCode).toBe(200);
  });

  it("lets the hall clerk registering an application take the applicant's certificate, and only theirs", async () => {
    const clerk = await staff("clerk");
    const decider = await staff("decider");
    const me = (await decider.inject({ method: "GET", url: "/api/me" })).json();
    const org = await t.login(applicantOf("organization").phone);
    const holderId: string = (await org.inject({ method: "GET", url: "/api/me" })).json().id;
    const otherId: string = (await (await t.login(applicantOf("organization", 1).phone)).inject({ method: "GET", url: "/api/me" })).json().id;
    const register = async (holder: string) => {
      const res = await decider.inject({ method: "POST", url: "/api/certificates", payload: { departmentId: me.department.id, type: PERMIT, name: "建设用地规划许可证", holderId: holder } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().certificateNo as string;
    };
    const own = await register(holderId);
    const foreign = await register(otherId);

    const guide = await w.guide("CQ-GHZY-002");
    const formData: Record<string, string | number> = {};
    for (const f of guide.formFields) formData[f.key] = sampleFormValue(f);
    const created = await clerk.inject({ method: "POST", url: "/api/cases", payload: { itemId: guide.id, formData, applicantId: holderId } });
    expect(created.statusCode, created.body).toBe(201);
    const caseId: string = created.json().id;
    const permit = guide.materials.find((m: { certificateType?: string }) => m.certificateType === PERMIT);

    const view = await w.view(clerk, caseId);
    const offered = view.materials.find((m: MaterialView) => m.materialId === permit.id).reusableCertificates.map((c: { certificateNo: string }) => c.certificateNo);
    expect(offered).toContain(own);
    expect(offered).not.toContain(foreign);

    const refused = await clerk.inject({ method: "POST", url: `/api/cases/${caseId}/materials`, payload: { materialId: permit.id, certificateNo: foreign } });
    expect(refused.statusCode, refused.body).toBe(404);
    expect(refused.json().error.code).toBe("CERTIFICATE_NOT_FOUND");
    const used = await clerk.inject({ method: "POST", url: `/api/cases/${caseId}/materials`, payload: { materialId: permit.id, certificateNo: own } });
    expect(used.statusCode, used.body).toBe(201);
    const after = await w.view(clerk, caseId);
    expect(after.missingMaterials.map((m: { materialId: string }) => m.materialId)).not.toContain(permit.id);

    // Revoked before the application is handed in: the material is missing again.
    const revoked = await decider.inject({ method: "POST", url: `/api/certificates/${own}/revoke`, payload: { reason: "用地范围调整，原证收回。" } });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const stale = await w.view(clerk, caseId);
    expect(stale.materials.find((m: MaterialView) => m.materialId === permit.id).uploads[0].certificate).toMatchObject({ certificateNo: own, status: "revoked" });
    expect(stale.missingMaterials.map((m: { materialId: string }) => m.materialId)).toContain(permit.id);
    for (const m of guide.materials.filter((x: { required: boolean; id: string }) => x.required && x.id !== permit.id)) {
      expect((await w.upload(clerk, caseId, m.id)).statusCode).toBe(201);
    }
    const incomplete = await clerk.inject({ method: "POST", url: `/api/cases/${caseId}/submit` });
    expect(incomplete.statusCode, incomplete.body).toBe(422);
    expect(incomplete.json().error).toMatchObject({ code: "MATERIALS_MISSING", details: { missing: [{ materialId: permit.id }] } });

    // A stranger learns nothing about the case from the route.
    const stranger = await t.login(applicantOf("organization", 1).phone);
    const hidden = await stranger.inject({ method: "POST", url: `/api/cases/${caseId}/materials`, payload: { materialId: permit.id, certificateNo: own } });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).not.toBe("CERTIFICATE_NOT_FOUND");
  });
});
