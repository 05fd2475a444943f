import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Session, startPlatform, type TestPlatform, sampleFormValue } from "./helpers.ts";
import { applicantOf, WorkflowDriver } from "./workflowDriver.ts";

// Items and whole-guide versions (R8–R11): scopes, the two-person rule, agreements, effective days,
// cases keeping their version, and change notices sent once to the right applicants.

let t: TestPlatform;
let drive: WorkflowDriver;
let platform: Session, yb: Session, yz: Session, ybAdmin: Session, ybHead: Session, ybJtysAdmin: Session, clerk: Session, applicant: Session, other: Session;
let ybScjg: string, ybJtys: string;

beforeAll(async () => {
  t = await startPlatform();
  drive = new WorkflowDriver(t);
  [platform, yb, yz, ybAdmin, ybHead, ybJtysAdmin, clerk, applicant, other] = await Promise.all([
    t.login("admin"), t.login("yb.admin"), t.login("yz.admin"), t.login("yb.scjg.admin"), t.login("yb.scjg.head"), t.login("yb.jtys.admin"),
    t.login("yb.scjg.clerk"), t.login(applicantOf("person", 0).phone), t.login(applicantOf("person", 1).phone),
  ]);
  const depts = (await get(platform, "/api/admin/departments?regionCode=500112")).json().items as { id: string; name: string }[];
  ybScjg = depts.find((d) => d.name === "重庆市渝北区市场监督管理局")!.id;
  ybJtys = depts.find((d) => d.name.includes("渝北区交通"))!.id;
});
afterAll(async () => t.close());

const get = (s: Session, url: string) => s.inject({ method: "GET", url });
const post = (s: Session, url: string, payload?: unknown) => s.inject({ method: "POST", url, payload: payload ?? {} });
const put = (s: Session, url: string, payload: unknown) => s.inject({ method: "PUT", url, payload });

/** A guide as the public catalog shows an item, turned into what a version holds. */
async function guideFrom(code: string) {
  const g = await drive.guide(code);
  return {
    ...g,
    process: { steps: g.process.steps.map((s: { department: { id: string } | null }) => ({ ...s, departmentId: s.department?.id ?? null })) },
  };
}

let itemId: string;

describe("items (R8)", () => {
  it("creates an item in its department's region, within the creator's scope, once", async () => {
    const body = { code: "YB-SCJG-101", name: "小餐饮经营许可", departmentId: "", level: "district", regionCode: "500112" };
    body.departmentId = ybScjg;
    expect((await post(yz, "/api/admin/items", body)).statusCode).toBe(403);
    expect((await post(ybJtysAdmin, "/api/admin/items", body)).statusCode).toBe(403);
    expect((await post(clerk, "/api/admin/items", body)).statusCode).toBe(403);
    expect((await post(applicant, "/api/admin/items", body)).statusCode).toBe(403);
    expect((await t.request({ method: "POST", url: "/api/admin/items", payload: body })).statusCode).toBe(401);
    const wrongPlace = await post(ybAdmin, "/api/admin/items", { ...body, level: "city", regionCode: "500000" });
    expect(wrongPlace.statusCode).toBe(422);
    expect(wrongPlace.json().error.code).toBe("ITEM_PLACE_INVALID");
    const noDept = await post(platform, "/api/admin/items", { ...body, departmentId: "nope" });
    expect(noDept.statusCode).toBe(422);
    expect(noDept.json().error.code).toBe("DEPARTMENT_UNKNOWN");
    const created = await post(ybAdmin, "/api/admin/items", body);
    expect(created.statusCode, created.body).toBe(201);
    itemId = created.json().id;
    const again = await post(platform, "/api/admin/items", body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("ITEM_EXISTS");
    // Without an effective version it is not in the public catalog.
    expect((await t.request({ method: "GET", url: `/api/catalog/items/${itemId}` })).statusCode).toBe(404);
  });

  it("lists items by scope with their versions' state", async () => {
    const mine = (await get(ybAdmin, "/api/admin/items")).json();
    const row = mine.items.find((i: { id: string }) => i.id === itemId);
    expect(row).toMatchObject({ code: "YB-SCJG-101", current: null, latest: null, abilities: { manage: true } });
    expect(mine.items.every((i: { department: { id: string } }) => i.department.id === ybScjg)).toBe(true);
    expect(mine.creatableDepartments).toEqual([{ id: ybScjg, name: "重庆市渝北区市场监督管理局", regionCode: "500112", regionName: "渝北区", level: "district" }]);
    const head = (await get(ybHead, "/api/admin/items")).json();
    expect(head.items.find((i: { id: string }) => i.id === itemId).abilities.manage).toBe(false);
    expect((await get(yb, "/api/admin/items")).json().items.some((i: { id: string }) => i.id === itemId)).toBe(true);
    expect((await get(yz, "/api/admin/items")).json().items.some((i: { id: string }) => i.id === itemId)).toBe(false);
    expect((await get(platform, "/api/admin/items?regionCode=500112")).json().items.some((i: { id: string }) => i.id === itemId)).toBe(true);
    expect((await get(clerk, "/api/admin/items")).statusCode).toBe(403);
    expect((await get(yz, `/api/admin/items/${itemId}/versions`)).statusCode).toBe(404);
  });
});

describe("versions: draft → pending → published, by two people (R9)", () => {
  let v1: string;

  it("refuses a guide unfit to publish, naming each problem", async () => {
    const guide = await guideFrom("YB-SCJG-001");
    const bad = {
      ...guide,
      promisedDays: guide.statutoryDays + 5,
      materials: [],
      process: { steps: guide.process.steps.map((s: { kind: string }, i: number) => (i === 1 ? { ...s, departmentId: null } : s)) },
    };
    const r = await post(ybAdmin, `/api/admin/items/${itemId}/versions`, { guide: bad });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe("GUIDE_INVALID");
    const problems = r.json().error.details.problems as { path: string; problem: string }[];
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: "promisedDays", problem: "promised-above-statutory" },
        { path: "materials", problem: "no-material" },
        { path: "process.steps[1].departmentId", problem: "step-without-department" },
      ]),
    );
    expect((await get(ybAdmin, `/api/admin/items/${itemId}/versions`)).json().items).toEqual([]);
  });

  it("writes a draft from a public guide, one open version at a time", async () => {
    const guide = await guideFrom("YB-SCJG-001");
    const created = await post(ybAdmin, `/api/admin/items/${itemId}/versions`, { guide: { ...guide, handlingMode: "online-and-hall" } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ status: "draft", number: 1 });
    v1 = created.json().id;
    const second = await post(ybAdmin, `/api/admin/items/${itemId}/versions`, { guide });
    expect(second.statusCode).toBe(409);
    const detail = (await get(ybAdmin, `/api/admin/item-versions/${v1}`)).json();
    expect(detail.abilities).toMatchObject({ edit: true, submit: true, approve: false });
    expect(detail.guide.materials.length).toBe(guide.materials.length);
    expect(detail.comparedWith).toBeNull();
    const preview = await get(ybAdmin, `/api/admin/item-versions/${v1}/preview`);
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ name: "小餐饮经营许可", version: 1, handlingMode: "online-and-hall" });
    const svg = await get(ybAdmin, `/api/admin/item-versions/${v1}/flowchart.svg`);
    expect(svg.headers["content-type"]).toContain("image/svg+xml");
    // Saved again with a change: still a draft.
    const saved = await put(ybAdmin, `/api/admin/item-versions/${v1}`, { guide: { ...guide, fees: "不收费。" } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await get(ybAdmin, `/api/admin/item-versions/${v1}`)).json().guide.fees).toBe("不收费。");
    expect((await put(yz, `/api/admin/item-versions/${v1}`, { guide })).statusCode).toBe(404);
  });

  it("takes effect only when a second person approves it", async () => {
    expect((await post(ybHead, `/api/admin/item-versions/${v1}/submit`)).statusCode).toBe(403);
    const submitted = await post(ybAdmin, `/api/admin/item-versions/${v1}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toEqual({ status: "pending" });
    const own = await post(ybAdmin, `/api/admin/item-versions/${v1}/approve`);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe("FORBIDDEN");
    expect((await post(yz, `/api/admin/item-versions/${v1}/approve`)).statusCode).toBe(404);
    expect((await put(ybAdmin, `/api/admin/item-versions/${v1}`, { guide: await guideFrom("YB-SCJG-001") })).statusCode).toBe(409);
    const inbox = (await get(ybHead, "/api/admin/version-inbox")).json().items;
    expect(inbox).toEqual(expect.arrayContaining([expect.objectContaining({ versionId: v1, awaiting: "approval" })]));
    const approved = await post(ybHead, `/api/admin/item-versions/${v1}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toEqual({ status: "published" });
    const pub = await t.request({ method: "GET", url: `/api/catalog/items/${itemId}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ version: 1, fees: "不收费。", handlingMode: "online-and-hall", offlineOnly: false });
  });

  it("refuses the submitter as approver even when the submitter could approve (platform admin)", async () => {
    const guide = await guideFrom("YB-SCJG-001");
    const v = (await post(platform, `/api/admin/items/${itemId}/versions`, { guide: { ...guide, fees: "每件 10 元。" } })).json().id;
    expect((await post(platform, `/api/admin/item-versions/${v}/submit`)).statusCode).toBe(200);
    const own = await post(platform, `/api/admin/item-versions/${v}/approve`);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe("SAME_PERSON_APPROVAL");
    const rejected = await post(ybHead, `/api/admin/item-versions/${v}/reject`, { reason: "收费须有物价部门批准文件。" });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const list = (await get(ybAdmin, `/api/admin/items/${itemId}/versions`)).json().items;
    expect(list[0]).toMatchObject({ id: v, number: 2, status: "rejected", changes: ["fees"], rejectReason: "收费须有物价部门批准文件。" });
    expect((await post(ybHead, `/api/admin/item-versions/${v}/approve`)).statusCode).toBe(409);
  });
});

describe("effective days, cases keeping their version, change notices (R11)", () => {
  let openCase: string, draftCase: string, closedCaseApplicantInbox: number;

  it("schedules a version for its day; open cases keep their limits; each applicant is told once", async () => {
    // An open case under version 1, and another applicant's draft.
    const pub = (await t.request({ method: "GET", url: `/api/catalog/items/${itemId}` })).json();
    openCase = await applyFor(applicant, pub);
    const before = (await get(applicant, `/api/cases/${openCase}`)).json();
    const draft = await applicant.inject({ method: "POST", url: "/api/cases", payload: { itemId, formData: {} } });
    expect(draft.statusCode, draft.body).toBe(201);
    draftCase = draft.json().id;
    closedCaseApplicantInbox = (await get(other, "/api/inbox")).json().items.length;

    const guide = await guideFrom("YB-SCJG-001");
    // Two days fewer: the longest step gives them up.
    const longest = guide.process.steps.reduce((a: { workingDays: number }, b: { workingDays: number }) => (b.workingDays > a.workingDays ? b : a));
    const next = {
      ...guide,
      process: { steps: guide.process.steps.map((s: { workingDays: number }) => (s === longest ? { ...s, workingDays: s.workingDays - 2 } : s)) },
      promisedDays: guide.promisedDays - 2,
      materials: [...guide.materials, { name: "从业人员健康证明", required: true }],
    };
    const v = await post(ybAdmin, `/api/admin/items/${itemId}/versions`, { guide: next, effectiveFrom: "2026-12-07" });
    expect(v.statusCode, v.body).toBe(201);
    const vid = v.json().id;
    expect((await post(ybAdmin, `/api/admin/item-versions/${vid}/submit`)).statusCode).toBe(200);
    const detail = (await get(ybHead, `/api/admin/item-versions/${vid}`)).json();
    expect(detail.comparedWith).toBe(1);
    expect(detail.changes).toEqual(expect.arrayContaining(["promisedDays", "materials", "fees", "process"]));
    expect(detail.diff.find((d: { field: string }) => d.field === "promisedDays")).toEqual({ field: "promisedDays", before: guide.promisedDays, after: guide.promisedDays - 2 });
    const approved = await post(ybHead, `/api/admin/item-versions/${vid}/approve`);
    expect(approved.json()).toEqual({ status: "scheduled" });
    expect((await t.request({ method: "GET", url: `/api/catalog/items/${itemId}` })).json().version).toBe(1);

    // Its day comes: it takes effect, and the notices go out.
    await setClock("2026-12-07T08:30:00+08:00");
    const now = (await t.request({ method: "GET", url: `/api/catalog/items/${itemId}` })).json();
    expect(now).toMatchObject({ version: 3, promisedDays: guide.promisedDays - 2 });
    const versions = (await get(ybAdmin, `/api/admin/items/${itemId}/versions`)).json().items;
    expect(versions.map((x: { number: number; status: string }) => [x.number, x.status])).toEqual([[3, "published"], [2, "rejected"], [1, "superseded"]]);

    const after = (await get(applicant, `/api/cases/${openCase}`)).json();
    expect(after.item).toMatchObject({ version: 1, promisedDays: guide.promisedDays });
    expect(after.deadline.dueDate).toBe(before.deadline.dueDate);

    const notices = (await get(applicant, "/api/inbox")).json().items.filter((m: { title: string }) => m.title.includes("办事指南变更告知"));
    expect(notices).toHaveLength(2);
    expect(notices.map((m: { caseId: string }) => m.caseId).sort()).toEqual([openCase, draftCase].sort());
    const open = notices.find((m: { caseId: string }) => m.caseId === openCase);
    expect(open.text).toContain("承诺办结时限");
    expect(open.text).toContain("新增从业人员健康证明");
    expect(open.text).toContain("办理时限不变");
    const sms = (await t.request({ method: "GET", url: `/api/dev/outbox?to=${applicantOf("person", 0).phone}` })).json().items;
    expect(sms.filter((m: { text: string }) => m.text.includes("办事指南自2026-12-07起变更"))).toHaveLength(2);
    // Nobody else was told.
    expect((await get(other, "/api/inbox")).json().items.length).toBe(closedCaseApplicantInbox);

    // Again, later: nobody is told twice.
    await setClock("2026-12-08T09:00:00+08:00");
    const again = (await get(applicant, "/api/inbox")).json().items.filter((m: { title: string }) => m.title.includes("办事指南变更告知"));
    expect(again).toHaveLength(2);
  });

  it("moves a draft to the version in effect", async () => {
    const c = (await get(applicant, `/api/cases/${draftCase}`)).json();
    expect(c.item.version).toBe(3);
    expect(c.missingMaterials.map((m: { name: string }) => m.name)).toContain("从业人员健康证明");
  });

  it("tells the applicant in English when that is their language", async () => {
    const lang = await other.inject({ method: "PUT", url: "/api/me/language", payload: { lang: "en" } });
    expect(lang.statusCode, lang.body).toBe(200);
    expect((await get(other, "/api/me")).json().lang).toBe("en");
  });
});

describe("items run with other departments need their agreement first (R10)", () => {
  it("asks the involved department, and approves only once it agreed", async () => {
    const guide = await guideFrom("YB-SCJG-001");
    const steps = [...guide.process.steps];
    const decideAt = steps.findIndex((s: { kind: string }) => s.kind === "decide");
    steps.splice(decideAt, 0, { id: "transport-check", name: "交通运输部门核查", kind: "review", departmentId: ybJtys, role: "handler", workingDays: 1 });
    const v = await post(ybAdmin, `/api/admin/items/${itemId}/versions`, { guide: { ...guide, process: { steps } } });
    expect(v.statusCode, v.body).toBe(201);
    const vid = v.json().id;
    expect((await post(ybAdmin, `/api/admin/item-versions/${vid}/submit`)).statusCode).toBe(200);
    const early = await post(ybHead, `/api/admin/item-versions/${vid}/approve`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("AGREEMENT_PENDING");
    const asked = (await get(ybJtysAdmin, "/api/admin/version-inbox")).json().items;
    expect(asked).toEqual([expect.objectContaining({ versionId: vid, awaiting: "agreement", department: { id: ybJtys, name: expect.any(String) } })]);
    expect((await get(ybJtysAdmin, `/api/admin/item-versions/${vid}`)).json().abilities.agreeFor).toEqual([ybJtys]);
    expect((await post(ybAdmin, `/api/admin/item-versions/${vid}/agreements`, { departmentId: ybJtys, decision: "agreed" })).statusCode).toBe(403);
    const agreed = await post(ybJtysAdmin, `/api/admin/item-versions/${vid}/agreements`, { departmentId: ybJtys, decision: "agreed", note: "同意。" });
    expect(agreed.statusCode, agreed.body).toBe(200);
    expect((await post(ybHead, `/api/admin/item-versions/${vid}/approve`)).json()).toEqual({ status: "published" });
    const pub = (await t.request({ method: "GET", url: `/api/catalog/items/${itemId}` })).json();
    expect(pub.process.steps.some((s: { id: string; department: { id: string } }) => s.id === "transport-check" && s.department.id === ybJtys)).toBe(true);
  });

  it("audits each change with its old and new values", async () => {
    const entries = (await get(await t.login("supervisor"), "/api/audit?limit=500")).json().items as { action: string; objectId: string; newValues: Record<string, unknown> }[];
    const actions = new Set(entries.map((e) => e.action));
    for (const a of ["catalog.item.create", "catalog.version.create", "catalog.version.save", "catalog.version.submit", "catalog.version.approve", "catalog.version.reject", "catalog.version.agreement", "catalog.version.effective", "catalog.change-notices"]) {
      expect(actions, a).toContain(a);
    }
  });
});

describe("every catalog route keeps to its scope", () => {
  it("answers each tier as its scope says: allowed inside, 403 or 404 outside, 401 without login", async () => {
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const upload = (s: Session | null, bytes: Buffer = pdf) => {
      const boundary = "----cq-test";
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="blank.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const opts = { method: "POST", url: `/api/admin/items/${itemId}/files`, payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
      return s ? s.inject(opts) : t.request(opts);
    };
    expect((await upload(null)).statusCode).toBe(401);
    expect((await upload(yz)).statusCode).toBe(404);
    expect((await upload(ybHead)).statusCode).toBe(403);
    expect((await upload(applicant)).statusCode).toBe(403);
    // A sample that is not a PDF, whatever its name and declared type, is refused: 415.
    const notPdf = await upload(ybAdmin, Buffer.from("这不是PDF文件，只是文字。\n"));
    expect(notPdf.statusCode).toBe(415);
    expect(notPdf.json().error.code).toBe("SAMPLE_NOT_PDF");
    const up = await upload(ybAdmin);
    expect(up.statusCode, up.body).toBe(201);
    const file = up.json().file as string;
    expect((await get(ybHead, `/api/admin/items/${itemId}/files/${file}`)).statusCode).toBe(200);
    expect((await get(yz, `/api/admin/items/${itemId}/files/${file}`)).statusCode).toBe(404);
    expect((await get(ybAdmin, `/api/admin/items/${itemId}/files/${"0".repeat(64)}`)).statusCode).toBe(404);

    // A guide may name the uploaded blank form; an unknown file is a problem.
    const guide = await guideFrom("YB-SCJG-001");
    const withFile = { ...guide, materials: guide.materials.map((m: object, i: number) => (i === 0 ? { ...m, blankFormFile: file } : m)) };
    const unknown = await post(ybAdmin, `/api/admin/items/${itemId}/versions`, { guide: { ...withFile, materials: [{ ...withFile.materials[0], blankFormFile: "f".repeat(64) }, ...withFile.materials.slice(1)] } });
    expect(unknown.json().error.details.problems).toEqual([{ path: "materials[0].blankFormFile", problem: "file-unknown" }]);
    for (const s of [yz, ybJtysAdmin, clerk, applicant]) expect([403, 404]).toContain((await post(s, `/api/admin/items/${itemId}/versions`, { guide: withFile })).statusCode);
    const v = await post(yb, `/api/admin/items/${itemId}/versions`, { guide: withFile });
    expect(v.statusCode, v.body).toBe(201);
    const vid = v.json().id as string;
    for (const url of [`/api/admin/item-versions/${vid}`, `/api/admin/item-versions/${vid}/preview`, `/api/admin/item-versions/${vid}/flowchart.svg`, `/api/admin/items/${itemId}/versions`]) {
      expect((await get(yz, url)).statusCode, url).toBe(404);
      expect((await get(ybJtysAdmin, url)).statusCode, url).toBe(404);
      expect((await get(clerk, url)).statusCode, url).toBe(404);
      expect((await get(ybHead, url)).statusCode, url).toBe(200);
      expect((await t.request({ method: "GET", url })).statusCode, url).toBe(401);
    }
    expect((await post(ybAdmin, `/api/admin/item-versions/${vid}/submit`)).statusCode).toBe(200);
    // The region admin wrote it: the department's admin submitted it; the region admin cannot approve, the head can reject.
    expect((await post(yb, `/api/admin/item-versions/${vid}/approve`)).json().error.code).toBe("SAME_PERSON_APPROVAL");
    // Its inbox does not offer the author a version to approve; the head's does.
    expect((await get(yb, "/api/admin/version-inbox")).json().items.some((i: { versionId: string }) => i.versionId === vid)).toBe(false);
    expect((await get(ybHead, "/api/admin/version-inbox")).json().items.some((i: { versionId: string }) => i.versionId === vid)).toBe(true);
    expect((await post(ybAdmin, `/api/admin/item-versions/${vid}/reject`, { reason: "再核对。" })).statusCode).toBe(403);
    expect((await post(yz, `/api/admin/item-versions/${vid}/reject`, { reason: "再核对。" })).statusCode).toBe(404);
    expect((await post(ybHead, `/api/admin/item-versions/${vid}/reject`, { reason: "再核对。" })).statusCode).toBe(200);

    // Renaming and cancelling: the item's managers only.
    expect((await patchItem(ybHead, { name: "小餐饮经营许可（试行）" })).statusCode).toBe(403);
    expect((await patchItem(yz, { name: "小餐饮经营许可（试行）" })).statusCode).toBe(404);
    const renamed = await patchItem(ybAdmin, { name: "小餐饮经营许可（试行）" });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: "小餐饮经营许可（试行）", status: "active" });
    const found = (await t.request({ method: "GET", url: `/api/catalog/items?q=${encodeURIComponent("试行")}` })).json().items;
    expect(found.map((i: { id: string }) => i.id)).toContain(itemId);
    expect((await patchItem(yb, { disabled: true })).json().status).toBe("cancelled");
    expect((await t.request({ method: "GET", url: `/api/catalog/items/${itemId}` })).statusCode).toBe(404);
    expect((await patchItem(platform, { disabled: false })).json().status).toBe("active");

    expect((await get(applicant, "/api/admin/version-inbox")).statusCode).toBe(403);
    expect((await get(clerk, "/api/admin/version-inbox")).json().items).toEqual([]);
  });
});

function patchItem(s: Session, payload: unknown) {
  return s.inject({ method: "PATCH", url: `/api/admin/items/${itemId}`, payload });
}

async function setClock(iso: string) {
  const r = await t.request({ method: "POST", url: "/api/dev/clock", payload: { now: iso } });
  expect(r.statusCode, r.body).toBe(200);
}

async function applyFor(s: Session, guide: { id: string; formFields: { key: string; type: string }[]; materials: { id: string; required: boolean }[] }) {
  const formData: Record<string, string | number> = {};
  for (const f of guide.formFields) formData[f.key] = sampleFormValue(f);
  const created = await s.inject({ method: "POST", url: "/api/cases", payload: { itemId: guide.id, formData } });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  for (const m of guide.materials.filter((x) => x.required)) expect((await drive.upload(s, id, m.id)).statusCode).toBe(201);
  const submitted = await s.inject({ method: "POST", url: `/api/cases/${id}/submit` });
  expect(submitted.statusCode, submitted.body).toBe(200);
  const accepted = await clerk.inject({ method: "POST", url: `/api/cases/${id}/accept`, payload: {} });
  expect(accepted.statusCode, accepted.body).toBe(200);
  return id;
}
