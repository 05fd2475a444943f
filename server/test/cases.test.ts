import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSupervisionCode, SUPERVISION_CODE_ALPHABET } from "../src/caseRecord/supervisionCode.ts";
import { multipart, type Session, expectKeptViewsCurrent, startPlatform, type TestPlatform, tinyPdf, tinyPng, sampleFormValue } from "./helpers.ts";
import { demoData, staffWith } from "./fixtures.ts";
import { updateCaseWithNewReference } from "../src/cases/repository.ts";

let t: TestPlatform;
let applicant: Session;
let otherApplicant: Session;
let clerk: Session; // window clerk of the food licence's department (渝北区市场监管局)
let otherClerk: Session; // clerk of another department
let guide: {
  id: string;
  materials: { id: string; name: string; required: boolean }[];
  formFields: { key: string; required: boolean; type: string }[];
  department: { id: string };
};

const FOOD_DEPT = "500112-scjgj";

beforeAll(async () => {
  t = await startPlatform();
  const persons = demoData.applicants.filter((a) => a.type === "person");
  applicant = await t.login(persons[0]!.phone);
  otherApplicant = await t.login(persons[1]!.phone);
  clerk = await t.login(staffWith("clerk", FOOD_DEPT).username);
  otherClerk = await t.login(staffWith("clerk", "cq-ghzrzyj").username);
  const list = (await t.request({ method: "GET", url: `/api/catalog/items?q=${encodeURIComponent("食品经营许可")}` })).json().items;
  guide = (await t.request({ method: "GET", url: `/api/catalog/items/${list[0].id}` })).json();
});
afterAll(async () => t.close());

function fullForm() {
  const data: Record<string, string | number> = {};
  for (const f of guide.formFields) data[f.key] = sampleFormValue(f, "重庆市渝北区金山路18号");
  return data;
}

async function newDraft(s: Session = applicant): Promise<string> {
  const res = await s.inject({ method: "POST", url: "/api/cases", payload: { itemId: guide.id, formData: fullForm() } });
  expect(res.statusCode).toBe(201);
  expect(res.json().status).toBe("draft");
  return res.json().id;
}

async function upload(s: Session, caseId: string, materialId: string, file = { name: "营业执照.pdf", bytes: tinyPdf }) {
  const body = multipart({ materialId }, file);
  return s.inject({ method: "POST", url: `/api/cases/${caseId}/materials`, payload: body.payload, headers: body.headers });
}

async function submittedCase(): Promise<string> {
  const id = await newDraft();
  for (const m of guide.materials.filter((x) => x.required)) expect((await upload(applicant, id, m.id)).statusCode).toBe(201);
  expect((await applicant.inject({ method: "POST", url: `/api/cases/${id}/submit` })).statusCode).toBe(200);
  return id;
}

describe("a first case: apply, upload, submit, accept", () => {
  it("runs end to end and everyone sees what they should", async () => {
    const id = await newDraft();
    const required = guide.materials.filter((m) => m.required);
    expect(required.length).toBeGreaterThan(1);

    // Submitting with materials missing names each one.
    const early = await applicant.inject({ method: "POST", url: `/api/cases/${id}/submit` });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe("MATERIALS_MISSING");
    expect(early.json().error.details.missing.map((m: { name: string }) => m.name).sort()).toEqual(required.map((m) => m.name).sort());

    // Upload all but one: the one left is named.
    for (const m of required.slice(1)) {
      const res = await upload(applicant, id, m.id, { name: "材料.png", bytes: tinyPng });
      expect(res.statusCode).toBe(201);
      expect(res.json().mime).toBe("image/png");
      expect(res.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    const still = await applicant.inject({ method: "POST", url: `/api/cases/${id}/submit` });
    expect(still.json().error.details.missing).toEqual([{ materialId: required[0]!.id, name: required[0]!.name }]);

    const up = await upload(applicant, id, required[0]!.id);
    expect(up.json()).toMatchObject({ fileName: "营业执照.pdf", mime: "application/pdf", size: tinyPdf.length });

    // The case file shows the upload with its hash; the file comes back byte for byte.
    const before = (await applicant.inject({ method: "GET", url: `/api/cases/${id}` })).json();
    expect(before.missingMaterials).toEqual([]);
    const entry = before.materials.find((m: { materialId: string }) => m.materialId === required[0]!.id).uploads[0];
    const file = await applicant.inject({ method: "GET", url: entry.url });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(tinyPdf)).toBe(true);
    expect(before.abilities).toMatchObject({ submit: true, accept: false });

    const submit = await applicant.inject({ method: "POST", url: `/api/cases/${id}/submit` });
    expect(submit.statusCode).toBe(200);
    expect(submit.json()).toEqual({ status: "submitted" });

    // The lead department's clerk has it in the worklist; another department's clerk does not.
    const worklist = (await clerk.inject({ method: "GET", url: "/api/worklist" })).json();
    const row = worklist.items.find((i: { caseId: string }) => i.caseId === id);
    expect(row).toMatchObject({ kind: "accept", status: "submitted", itemName: "食品经营许可" });
    const others = (await otherClerk.inject({ method: "GET", url: "/api/worklist" })).json();
    expect(others.items.find((i: { caseId: string }) => i.caseId === id)).toBeUndefined();

    const staffView = (await clerk.inject({ method: "GET", url: `/api/cases/${id}` })).json();
    expect(staffView.abilities).toMatchObject({ accept: true, notAccept: true, submit: false, uploadMaterial: false });
    // Staff see identity numbers masked.
    expect(staffView.applicant.idNumber).toMatch(/\*{4,}/);

    const accept = await clerk.inject({ method: "POST", url: `/api/cases/${id}/accept` });
    expect(accept.statusCode).toBe(200);
    const { status, supervisionCode, documentId } = accept.json();
    // The first step after acceptance opens at once.
    expect(status).toBe("in_progress");
    const parsed = parseSupervisionCode(supervisionCode);
    expect(parsed).toMatchObject({ ok: true, regionCode: "500112" });

    // Acting twice loses: 409, and nothing changes.
    const again = await clerk.inject({ method: "POST", url: `/api/cases/${id}/accept` });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("CASE_STATE_CONFLICT");
    const refuseLater = await clerk.inject({ method: "POST", url: `/api/cases/${id}/not-accept`, payload: { reasons: ["迟到的理由"] } });
    expect(refuseLater.statusCode).toBe(409);

    // The acceptance notice is a PDF the applicant can open; a stranger gets 404.
    const doc = await applicant.inject({ method: "GET", url: `/api/documents/${documentId}` });
    expect(doc.statusCode).toBe(200);
    expect(doc.headers["content-type"]).toBe("application/pdf");
    expect(doc.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await otherApplicant.inject({ method: "GET", url: `/api/documents/${documentId}` })).statusCode).toBe(404);

    // The applicant was told by SMS, with the code.
    const phone = demoData.applicants.filter((a) => a.type === "person")[0]!.phone;
    const sms = (await t.request({ method: "GET", url: `/api/dev/outbox?to=${phone}` })).json().items;
    expect(sms.some((m: { text: string }) => m.text.includes(supervisionCode))).toBe(true);

    const after = (await applicant.inject({ method: "GET", url: `/api/cases/${id}` })).json();
    expect(after).toMatchObject({ status: "in_progress", supervisionCode, deemedAccepted: false });
    expect(after.timeline.map((e: { kind: string }) => e.kind)).toEqual(["submitted", "accepted", "step-opened"]);
    // Due date: the promised limit counted in working days from the day after acceptance.
    expect(after.deadline).toMatchObject({ light: "green", suspended: false });
    expect(after.documents.map((d: { kind: string }) => d.kind)).toEqual(["acceptance-notice"]);

    // Anyone can follow it by code, without personal data.
    const progress = await t.request({ method: "GET", url: `/api/public/progress/${supervisionCode}` });
    expect(progress.statusCode).toBe(200);
    const p = progress.json();
    expect(p).toMatchObject({ supervisionCode, itemName: "食品经营许可", status: "in_progress" });
    expect(p.steps[0]).toMatchObject({ status: "done" });
    const applicantData = demoData.applicants.filter((a) => a.type === "person")[0]!;
    for (const secret of [applicantData.name, applicantData.phone, applicantData.idNumber!]) expect(progress.body).not.toContain(secret);
    // Lower case and without hyphens works too.
    const sloppy = await t.request({ method: "GET", url: `/api/public/progress/${supervisionCode.replace(/-/g, "").toLowerCase()}` });
    expect(sloppy.statusCode).toBe(200);

    // Every change of the flow left its audit record, with the case as root.
    const supervisor = await t.login(staffWith("supervisor").username);
    const audit = (await supervisor.inject({ method: "GET", url: `/api/audit?caseId=${id}` })).json().items;
    expect(audit.map((a: { action: string }) => a.action).reverse()).toEqual([
      "case.created",
      ...required.map(() => "case.material-added"),
      "case.submitted",
      "document.issued",
      "case.accepted",
    ]);
    expect((await supervisor.inject({ method: "GET", url: "/api/audit/verify" })).json().ok).toBe(true);

    // The same entries by the code people know the case by, each naming it; by the clerk's department
    // and by the clerk, chosen by name.
    const byCode = (await supervisor.inject({ method: "GET", url: `/api/audit?code=${encodeURIComponent(supervisionCode)}` })).json().items;
    expect(byCode.map((a: { id: string }) => a.id)).toEqual(audit.map((a: { id: string }) => a.id));
    expect(new Set(byCode.map((a: { caseCode?: string }) => a.caseCode))).toEqual(new Set([supervisionCode]));
    const sloppyCode = supervisionCode.replace(/-/g, "").toLowerCase();
    expect((await supervisor.inject({ method: "GET", url: `/api/audit?code=${sloppyCode}` })).json().items).toHaveLength(audit.length);
    expect((await supervisor.inject({ method: "GET", url: "/api/audit?code=500112-26-AAAAA-AAAAA" })).json().items).toEqual([]);
    const clerkAccount = staffWith("clerk", FOOD_DEPT);
    const found = (await supervisor.inject({ method: "GET", url: `/api/audit/staff?q=${encodeURIComponent(clerkAccount.name)}` })).json().items;
    const clerkRow = found.find((s: { name: string }) => s.name === clerkAccount.name);
    expect(clerkRow).toMatchObject({ department: { name: expect.any(String) } });
    const acceptedBy = audit.find((a: { action: string }) => a.action === "case.accepted");
    const byDept = (await supervisor.inject({ method: "GET", url: `/api/audit?departmentId=${clerkRow.department.id}&code=${encodeURIComponent(supervisionCode)}` })).json().items;
    expect(byDept.map((a: { action: string }) => a.action)).toContain("case.accepted");
    expect(byDept.every((a: { actorKind: string }) => a.actorKind === "staff")).toBe(true);
    expect(acceptedBy.actorId).toBe(clerkRow.id);
    expect((await clerk.inject({ method: "GET", url: "/api/audit/staff" })).statusCode).toBe(403);
  });

  it("a wrong check character is 400, an unknown code 404", async () => {
    const id = await submittedCase();
    const code: string = (await clerk.inject({ method: "POST", url: `/api/cases/${id}/accept` })).json().supervisionCode;
    const last = code[code.length - 1]!;
    const wrong = code.slice(0, -1) + SUPERVISION_CODE_ALPHABET[(SUPERVISION_CODE_ALPHABET.indexOf(last) + 1) % 31];
    const bad = await t.request({ method: "GET", url: `/api/public/progress/${wrong}` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("INVALID_SUPERVISION_CODE");
    // Swap two neighbours in the random part.
    const chars = [...code];
    const i = chars.findIndex((c, k) => k > 10 && c !== "-" && chars[k + 1] !== "-" && chars[k + 1] !== c);
    [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
    expect((await t.request({ method: "GET", url: `/api/public/progress/${chars.join("")}` })).statusCode).toBe(400);
    expect((await t.request({ method: "GET", url: "/api/public/progress/garbage" })).statusCode).toBe(400);
    // A well-formed code that was never issued.
    const { generateSupervisionCode } = await import("../src/caseRecord/supervisionCode.ts");
    const unknown = await t.request({ method: "GET", url: `/api/public/progress/${generateSupervisionCode("500112", 2026)}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe("CASE_NOT_FOUND");
  });

  it("not accepting records the reasons and issues the decision", async () => {
    const id = await submittedCase();
    const empty = await clerk.inject({ method: "POST", url: `/api/cases/${id}/not-accept`, payload: { reasons: [] } });
    expect(empty.statusCode).toBe(400);
    const res = await clerk.inject({ method: "POST", url: `/api/cases/${id}/not-accept`, payload: { reasons: ["申请事项不属于本机关职权范围", "经营场所位于渝中区"] } });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe("not_accepted");
    const view = (await applicant.inject({ method: "GET", url: `/api/cases/${id}` })).json();
    expect(view.notAcceptedReasons).toEqual(["申请事项不属于本机关职权范围", "经营场所位于渝中区"]);
    expect(view.documents[0].kind).toBe("non-acceptance-decision");
    expect((await applicant.inject({ method: "GET", url: `/api/documents/${res.json().documentId}` })).statusCode).toBe(200);
  });
});

describe("the wrong caller", () => {
  it("anonymous callers are told to log in", async () => {
    const id = await newDraft();
    for (const [method, url] of [
      ["POST", "/api/cases"],
      ["GET", `/api/cases/${id}`],
      ["GET", "/api/cases?mine=1"],
      ["POST", `/api/cases/${id}/submit`],
      ["POST", `/api/cases/${id}/accept`],
      ["GET", "/api/worklist"],
    ] as const) {
      const res = await t.request({ method, url, payload: method === "POST" ? { itemId: guide.id } : undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it("another applicant cannot see, change or submit the case (404)", async () => {
    const id = await newDraft();
    expect((await otherApplicant.inject({ method: "GET", url: `/api/cases/${id}` })).statusCode).toBe(404);
    expect((await otherApplicant.inject({ method: "POST", url: `/api/cases/${id}/submit` })).statusCode).toBe(404);
    expect((await upload(otherApplicant, id, guide.materials[0]!.id)).statusCode).toBe(404);
    expect((await otherApplicant.inject({ method: "POST", url: `/api/cases/${id}/form`, payload: { formData: {} } })).statusCode).toBe(404);
    const mine = (await otherApplicant.inject({ method: "GET", url: "/api/cases?mine=1" })).json().items;
    expect(mine.find((c: { id: string }) => c.id === id)).toBeUndefined();
  });

  it("staff of another department get 404; the applicant cannot accept their own case (403)", async () => {
    const id = await submittedCase();
    expect((await otherClerk.inject({ method: "GET", url: `/api/cases/${id}` })).statusCode).toBe(404);
    expect((await otherClerk.inject({ method: "POST", url: `/api/cases/${id}/accept` })).statusCode).toBe(404);
    expect((await applicant.inject({ method: "POST", url: `/api/cases/${id}/accept` })).statusCode).toBe(403);
    // A handler of the lead department sees the case but is not its window.
    const handler = await t.login(staffWith("handler", FOOD_DEPT).username);
    expect((await handler.inject({ method: "GET", url: `/api/cases/${id}` })).statusCode).toBe(200);
    expect((await handler.inject({ method: "POST", url: `/api/cases/${id}/accept` })).statusCode).toBe(403);
    // An applicant has no worklist.
    expect((await applicant.inject({ method: "GET", url: "/api/worklist" })).statusCode).toBe(403);
  });

  it("staff cannot open an online case for themselves", async () => {
    const res = await clerk.inject({ method: "POST", url: "/api/cases", payload: { itemId: guide.id, formData: {} } });
    expect(res.statusCode).toBe(403);
  });
});

describe("bad input", () => {
  it("refuses a file whose content is not PDF, JPEG or PNG, whatever its name (415)", async () => {
    const id = await newDraft();
    const res = await upload(applicant, id, guide.materials[0]!.id, { name: "看起来像.pdf", bytes: Buffer.from("MZ\x90\x00 this is an exe") });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe("FILE_TYPE_REFUSED");
    const view = (await applicant.inject({ method: "GET", url: `/api/cases/${id}` })).json();
    expect(view.materials.flatMap((m: { uploads: unknown[] }) => m.uploads)).toEqual([]);
  });

  it("refuses an oversize file (413) and records nothing", async () => {
    const id = await newDraft();
    const big = Buffer.concat([tinyPdf, Buffer.alloc(t.platform.deps.config.maxUploadBytes + 1, 0x20)]);
    const res = await upload(applicant, id, guide.materials[0]!.id, { name: "big.pdf", bytes: big });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("FILE_TOO_LARGE");
    const view = (await applicant.inject({ method: "GET", url: `/api/cases/${id}` })).json();
    expect(view.materials.flatMap((m: { uploads: unknown[] }) => m.uploads)).toEqual([]);
  });

  it("refuses an unknown item (404) and an unknown material (404)", async () => {
    const res = await applicant.inject({ method: "POST", url: "/api/cases", payload: { itemId: "no-such-item", formData: {} } });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("ITEM_NOT_FOUND");
    const id = await newDraft();
    const m = await upload(applicant, id, "no-such-material");
    expect(m.statusCode).toBe(404);
    expect(m.json().error.code).toBe("MATERIAL_NOT_FOUND");
  });

  it("refuses a multipart upload without a file or material id (400)", async () => {
    const id = await newDraft();
    const noFile = multipart({ materialId: guide.materials[0]!.id });
    const r1 = await applicant.inject({ method: "POST", url: `/api/cases/${id}/materials`, payload: noFile.payload, headers: noFile.headers });
    expect(r1.statusCode).toBe(400);
    const noId = multipart({}, { name: "a.pdf", bytes: tinyPdf });
    const r2 = await applicant.inject({ method: "POST", url: `/api/cases/${id}/materials`, payload: noId.payload, headers: noId.headers });
    expect(r2.statusCode).toBe(400);
  });

  it("an incomplete form is refused on submit (422 FORM_INCOMPLETE)", async () => {
    const res = await applicant.inject({ method: "POST", url: "/api/cases", payload: { itemId: guide.id, formData: {} } });
    const id = res.json().id;
    for (const m of guide.materials.filter((x) => x.required)) await upload(applicant, id, m.id);
    const submit = await applicant.inject({ method: "POST", url: `/api/cases/${id}/submit` });
    expect(submit.statusCode).toBe(422);
    expect(submit.json().error.code).toBe("FORM_INCOMPLETE");
    expect(submit.json().error.details.fields.length).toBe(guide.formFields.filter((f) => f.required).length);
  });

  it("materials cannot change after submission (409)", async () => {
    const id = await submittedCase();
    expect((await upload(applicant, id, guide.materials[0]!.id)).statusCode).toBe(409);
  });
});

describe("reference numbers", () => {
  it("a number another case holds is never given twice: the statement that gives it checks it", async () => {
    const held = await submittedCase();
    const { reference_no: taken } = await t.db.selectFrom("cases").select("reference_no").where("id", "=", held).executeTakeFirstOrThrow();
    const draft = await newDraft();
    const numberOf = async (db: typeof t.db) => (await db.selectFrom("cases").select("reference_no").where("id", "=", draft).executeTakeFirstOrThrow()).reference_no;
    const fresh = `${taken!.slice(0, -1)}${taken!.endsWith("A") ? "B" : "A"}`;
    // Rolled back afterwards: a draft does not hold a number (what is kept of cases is checked below).
    const ROLLBACK = new Error("rollback");
    await t.db
      .transaction()
      .execute(async (trx) => {
        expect(await updateCaseWithNewReference(trx, draft, { updated_at: new Date() }, taken!)).toBe(false);
        expect(await numberOf(trx)).toBeNull();
        expect(await updateCaseWithNewReference(trx, draft, { updated_at: new Date() }, fresh)).toBe(true);
        expect(await numberOf(trx)).toBe(fresh);
        throw ROLLBACK;
      })
      .catch((e: unknown) => {
        if (e !== ROLLBACK) throw e;
      });
    expect(await numberOf(t.db)).toBeNull();
  });
});

describe("lists", () => {
  it("my cases lists only mine, newest first, with what to do next", async () => {
    const id = await newDraft();
    const mine = (await applicant.inject({ method: "GET", url: "/api/cases?mine=1&limit=100" })).json();
    expect(mine.items[0]).toMatchObject({ id, status: "draft", nextAction: "complete-and-submit", itemName: "食品经营许可" });
    const all = (await applicant.inject({ method: "GET", url: "/api/cases?mine=1&limit=2" })).json();
    expect(all.items).toHaveLength(2);
    expect(all.nextCursor).toBeTruthy();
    const next = (await applicant.inject({ method: "GET", url: `/api/cases?mine=1&limit=2&cursor=${all.nextCursor}` })).json();
    expect(next.items[0].id).not.toBe(all.items[0].id);
  });
});

describe("what is kept for fast reads", () => {
  it("every case's public progress row is current after all of the above", async () => {
    expect(await expectKeptViewsCurrent(t)).toBeGreaterThan(0);
  });
});
