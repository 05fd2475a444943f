import { randomInt } from "node:crypto";
import { CERTIFICATE_NO_ALPHABET, buildCertificateNo, errorMessages, parseCertificateNo } from "@cq/contracts";
import { afterEach, describe, expect, it } from "vitest";
import { type Session, startPlatform, type TestPlatform } from "./helpers.ts";
import { staffWith } from "./fixtures.ts";
import { applicantOf, WorkflowDriver } from "./workflowDriver.ts";

let t: TestPlatform;
afterEach(async () => t?.close());

const D = "500112-jtysw";
const NEW_SHAPE = /^[A-HJKMNP-TV-Y]{2,4}-\d{6}[0-9A-HJKMNP-TV-Y]{3}-\d{4}-[0-9A-HJKMNP-TV-Y]{5}-[0-9A-HJKMNP-TV-Y]{6}$/;

/** The serial of a number as an integer (base 31), to see that numbers do not follow each other. */
function serialValue(no: string): number {
  const p = parseCertificateNo(no);
  if (!p.ok || p.legacy) throw new Error(`not a current number: ${no}`);
  return [...p.serial].reduce((v, ch) => v * 31 + CERTIFICATE_NO_ALPHABET.indexOf(ch), 0);
}

/** A well-formed number with a valid check symbol that the library has never issued. */
function randomWellFormed(): string {
  const serial = Array.from({ length: 10 }, () => CERTIFICATE_NO_ALPHABET[randomInt(31)]).join("");
  return buildCertificateNo({ typeCode: "DY", regionCode: "500112", departmentCode: "ABC", year: 2026, serial });
}

/** The same number with one symbol of its last group changed: the check symbol no longer fits. */
function withWrongCheck(no: string): string {
  return no.slice(0, -1) + (no.endsWith("0") ? "1" : "0");
}

async function decideOne(w: WorkflowDriver, s: (role: Parameters<typeof staffWith>[0]) => Promise<Session>): Promise<string> {
  const id = await w.apply("YB-JTYS-001", await t.login(applicantOf("person").phone));
  await (await s("clerk")).inject({ method: "POST", url: `/api/cases/${id}/accept` });
  const handler = await s("handler");
  await w.complete(handler, (await w.openTask(handler, id, "review")).id);
  const reviewer = await s("reviewer");
  await w.complete(reviewer, (await w.openTask(reviewer, id, "review")).id);
  const decision = await (await s("decider")).inject({ method: "POST", url: `/api/cases/${id}/decision`, payload: { result: "approved" } });
  expect(decision.statusCode, decision.body).toBe(200);
  return decision.json().certificates[0].certificateNo;
}

describe("certificate numbers", () => {
  it("are random and unique, whether issued at decision or registered, and verify in any spelling", async () => {
    t = await startPlatform();
    const w = new WorkflowDriver(t);
    const s = (role: Parameters<typeof staffWith>[0]) => t.login(staffWith(role, D).username);
    const first = await decideOne(w, s);
    const second = await decideOne(w, s);
    for (const no of [first, second]) {
      expect(no).toMatch(NEW_SHAPE);
      expect(no.startsWith("DY-500112")).toBe(true); // 道路运输经营许可证, issued in 渝北区
    }
    expect(first.slice(0, 17)).toBe(second.slice(0, 17)); // same type, issuer and year
    expect(first).not.toBe(second);
    expect(Math.abs(serialValue(first) - serialValue(second))).toBeGreaterThan(1);

    // Registered off the platform: the same scheme; a free-text type gets the generic type code.
    const decider = await s("decider");
    const me = (await decider.inject({ method: "GET", url: "/api/me" })).json();
    const holderId = (await (await s("clerk")).inject({ method: "GET", url: `/api/hall/applicants?phone=${applicantOf("person").phone}` })).json().items[0].id;
    const registered: string[] = [];
    for (const type of ["road-transport-license", "road-transport-license", "road-transport-license", "车辆营运证"]) {
      const res = await decider.inject({ method: "POST", url: "/api/certificates", payload: { departmentId: me.department.id, type, name: "道路运输经营许可证", holderId } });
      expect(res.statusCode, res.body).toBe(201);
      registered.push(res.json().certificateNo);
    }
    for (const no of registered) expect(no).toMatch(NEW_SHAPE);
    expect(registered[3]!.startsWith("QT-500112")).toBe(true);
    const all = [first, second, ...registered];
    expect(new Set(all).size).toBe(all.length);
    const serials = all.slice(0, 5).map(serialValue).sort((a, b) => a - b);
    expect(serials.slice(1).every((v, i) => v - serials[i]! > 1)).toBe(true);
    const stored = await t.db.selectFrom("certificates").select("certificate_no").execute();
    expect(stored.map((r) => r.certificate_no).sort()).toEqual([...all].sort());

    // Typed in lower case, without separators: the same certificate.
    for (const typed of [first.toLowerCase(), first.replaceAll("-", ""), first.replaceAll("-", " ")]) {
      const res = await t.request({ method: "GET", url: `/api/public/certificates/${encodeURIComponent(typed)}` });
      expect(res.statusCode, typed).toBe(200);
      expect(res.json()).toMatchObject({ certificateNo: first, status: "valid", signatureValid: true });
    }
  });

  it("a wrong check character is refused with 400 INVALID_CERTIFICATE_NO, a well-formed unknown number is 404", async () => {
    t = await startPlatform();
    const decider = await t.login(staffWith("decider", "500112-scjgj").username);
    const me = (await decider.inject({ method: "GET", url: "/api/me" })).json();
    const clerk = await t.login(staffWith("clerk", "500112-scjgj").username);
    const holderId = (await clerk.inject({ method: "GET", url: `/api/hall/applicants?phone=${applicantOf("person").phone}` })).json().items[0].id;
    const reg = await decider.inject({ method: "POST", url: "/api/certificates", payload: { departmentId: me.department.id, type: "food-business-license", name: "食品经营许可证", holderId } });
    expect(reg.statusCode, reg.body).toBe(201);
    const no = reg.json().certificateNo as string;
    expect(no.startsWith("SPJY-500112")).toBe(true);

    // Public verification.
    const wrong = await t.request({ method: "GET", url: `/api/public/certificates/${withWrongCheck(no)}` });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: "INVALID_CERTIFICATE_NO", message: errorMessages.INVALID_CERTIFICATE_NO.zh, details: { reason: "check" } });
    const english = await t.request({ method: "GET", url: `/api/public/certificates/${withWrongCheck(no)}`, headers: { "accept-language": "en" } });
    expect(english.json().error.message).toBe(errorMessages.INVALID_CERTIFICATE_NO.en);
    const malformed = await t.request({ method: "GET", url: "/api/public/certificates/NOT-A-NUMBER" });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toMatchObject({ code: "INVALID_CERTIFICATE_NO", details: { reason: "format" } });
    for (let i = 0; i < 5; i++) {
      const unknown = await t.request({ method: "GET", url: `/api/public/certificates/${randomWellFormed()}` });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.code).toBe("CERTIFICATE_NOT_FOUND");
    }
    // A number in the format used before (all digits) is well-formed: looked up, not refused.
    expect((await t.request({ method: "GET", url: "/api/public/certificates/5001122026000001" })).statusCode).toBe(404);

    // Revocation.
    const badRevoke = await decider.inject({ method: "POST", url: `/api/certificates/${withWrongCheck(no)}/revoke`, payload: { reason: "经营场所已变更" } });
    expect(badRevoke.statusCode).toBe(400);
    expect(badRevoke.json().error.code).toBe("INVALID_CERTIFICATE_NO");
    expect((await decider.inject({ method: "POST", url: `/api/certificates/${randomWellFormed()}/revoke`, payload: { reason: "经营场所已变更" } })).statusCode).toBe(404);
    expect((await t.request({ method: "POST", url: `/api/certificates/${no}/revoke`, payload: { reason: "经营场所已变更" } })).statusCode).toBe(401);
    const revoked = await decider.inject({ method: "POST", url: `/api/certificates/${no.toLowerCase()}/revoke`, payload: { reason: "经营场所已变更" } });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toEqual({ certificateNo: no, status: "revoked" });

    // A material taken from the library.
    const w = new WorkflowDriver(t);
    const guide = await w.guide("YB-JTYS-001");
    const applicant = await t.login(applicantOf("person").phone);
    const created = await applicant.inject({ method: "POST", url: "/api/cases", payload: { itemId: guide.id, formData: {} } });
    expect(created.statusCode, created.body).toBe(201);
    const caseId = created.json().id;
    const materialId = guide.materials[0].id;
    const badMaterial = await applicant.inject({ method: "POST", url: `/api/cases/${caseId}/materials`, payload: { materialId, certificateNo: withWrongCheck(no) } });
    expect(badMaterial.statusCode).toBe(400);
    expect(badMaterial.json().error.code).toBe("INVALID_CERTIFICATE_NO");
    const unknownMaterial = await applicant.inject({ method: "POST", url: `/api/cases/${caseId}/materials`, payload: { materialId, certificateNo: randomWellFormed() } });
    expect(unknownMaterial.statusCode).toBe(404);
    expect(unknownMaterial.json().error.code).toBe("CERTIFICATE_NOT_FOUND");
  });
});
