import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../src/platform/ids.ts";
import { type Session, startPlatform, type TestPlatform } from "./helpers.ts";
import { staffWith } from "./fixtures.ts";
import { applicantOf, WorkflowDriver } from "./workflowDriver.ts";

let t: TestPlatform;
let w: WorkflowDriver;
beforeAll(async () => {
  t = await startPlatform();
  w = new WorkflowDriver(t);
});
afterAll(async () => t.close());

type Step = { id: string; name: string; kind: string; departmentId: string | null; role: string; workingDays: number; staffId?: string | null };

async function processOf(admin: Session, itemId: string) {
  const res = await admin.inject({ method: "GET", url: `/api/admin/items/${itemId}/process` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Promise<{ item: { version: number }; current: { steps: Step[]; assistingDepartmentIds: string[] }; drafts: { id: string; status: string }[] }>;
}

describe("process definitions", () => {
  it("a joint process changes only after every involved department agreed; open cases keep their version", async () => {
    const LEAD = "cq-zfcxjw";
    const admin = await t.login(staffWith("department-admin", LEAD).username);
    const itemId = await w.itemId("CQ-ZJW-001");
    // A case filed under version 1 stays on version 1.
    const applicant = await t.login(applicantOf("organization", 1).phone);
    const oldCase = await w.apply("CQ-ZJW-001", applicant);

    const before = await processOf(admin, itemId);
    expect(before.item.version).toBe(1);
    const steps = before.current.steps.map((s) => (s.kind === "review" ? { ...s, name: "承办审查（含图审结果核验）", workingDays: 1 } : s));
    const draft = await admin.inject({ method: "POST", url: `/api/admin/items/${itemId}/process-drafts`, payload: { steps, assistingDepartmentIds: before.current.assistingDepartmentIds } });
    expect(draft.statusCode, draft.body).toBe(201);
    const draftId = draft.json().id;
    // Publishing before the involved departments were even asked is refused.
    const unasked = await admin.inject({ method: "POST", url: `/api/admin/process-drafts/${draftId}/publish` });
    expect(unasked.statusCode).toBe(422);
    expect(unasked.json().error.code).toBe("AGREEMENT_PENDING");

    const submitted = await admin.inject({ method: "POST", url: `/api/admin/process-drafts/${draftId}/submit` });
    expect(submitted.json().status).toBe("awaiting-agreement");
    const early = await admin.inject({ method: "POST", url: `/api/admin/process-drafts/${draftId}/publish` });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe("AGREEMENT_PENDING");
    expect(early.json().error.details.departments).toHaveLength(2);

    // Each assisting department sees the request and answers for itself only.
    const [a1, a2] = before.current.assistingDepartmentIds;
    const ghAdmin = await t.login(staffWith("department-admin", "cq-ghzrzyj").username);
    const pending = (await ghAdmin.inject({ method: "GET", url: "/api/admin/process-agreements" })).json().items;
    expect(pending.map((p: { draftId: string }) => p.draftId)).toContain(draftId);
    const ghDept = pending.find((p: { draftId: string }) => p.draftId === draftId).departmentId;
    const otherDept = ghDept === a1 ? a2 : a1;
    expect((await ghAdmin.inject({ method: "POST", url: `/api/admin/process-drafts/${draftId}/agreements`, payload: { departmentId: otherDept, decision: "agreed" } })).statusCode).toBe(403);
    expect((await ghAdmin.inject({ method: "POST", url: `/api/admin/process-drafts/${draftId}/agreements`, payload: { departmentId: ghDept, decision: "agreed" } })).statusCode).toBe(200);
    const stAdmin = await t.login(staffWith("department-admin", "cq-sthjj").username);
    await stAdmin.inject({ method: "POST", url: `/api/admin/process-drafts/${draftId}/agreements`, payload: { departmentId: otherDept, decision: "rejected", note: "环保审查时限不足" } });
    expect((await admin.inject({ method: "POST", url: `/api/admin/process-drafts/${draftId}/publish` })).statusCode).toBe(422);

    // Editing puts the draft back; everyone is asked again.
    const edited = steps.map((s) => (s.kind === "co-handle" ? { ...s, workingDays: 1 } : s));
    expect((await admin.inject({ method: "POST", url: `/api/admin/items/${itemId}/process-drafts/${draftId}`, payload: { steps: edited, assistingDepartmentIds: before.current.assistingDepartmentIds } })).statusCode).toBe(200);
    await admin.inject({ method: "POST", url: `/api/admin/process-drafts/${draftId}/submit` });
    for (const [s, d] of [[ghAdmin, ghDept], [stAdmin, otherDept]] as const) {
      const r = await s.inject({ method: "POST", url: `/api/admin/process-drafts/${draftId}/agreements`, payload: { departmentId: d, decision: "agreed" } });
      expect(r.statusCode, r.body).toBe(200);
    }
    // An edit after everyone agreed is a new proposal: it cannot be published on the old answers.
    const tweaked = edited.map((s) => (s.kind === "deliver" ? { ...s, name: "送达（可邮寄）" } : s));
    await admin.inject({ method: "POST", url: `/api/admin/items/${itemId}/process-drafts/${draftId}`, payload: { steps: tweaked, assistingDepartmentIds: before.current.assistingDepartmentIds } });
    expect((await admin.inject({ method: "POST", url: `/api/admin/process-drafts/${draftId}/publish` })).statusCode).toBe(422);
    await admin.inject({ method: "POST", url: `/api/admin/process-drafts/${draftId}/submit` });
    for (const [s, d] of [[ghAdmin, ghDept], [stAdmin, otherDept]] as const) {
      expect((await s.inject({ method: "POST", url: `/api/admin/process-drafts/${draftId}/agreements`, payload: { departmentId: d, decision: "agreed" } })).statusCode).toBe(200);
    }
    const published = await admin.inject({ method: "POST", url: `/api/admin/process-drafts/${draftId}/publish` });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: "published", version: 2 });
    expect((await admin.inject({ method: "POST", url: `/api/admin/process-drafts/${draftId}/publish` })).statusCode).toBe(409);

    const guide = await w.guide("CQ-ZJW-001");
    expect(guide.version).toBe(2);
    expect(guide.process.steps.find((s: { kind: string }) => s.kind === "review").name).toBe("承办审查（含图审结果核验）");
    // The old case still runs on version 1's steps.
    const clerk = await t.login(staffWith("clerk", LEAD).username);
    await clerk.inject({ method: "POST", url: `/api/cases/${oldCase}/accept` });
    const oldTasks = await w.tasks(clerk, oldCase);
    expect(oldTasks.find((x) => x.kind === "review")!.name).not.toBe("承办审查（含图审结果核验）");
    expect((await w.view(clerk, oldCase)).item.version).toBe(1);
    const newCase = await w.apply("CQ-ZJW-001", applicant);
    await clerk.inject({ method: "POST", url: `/api/cases/${newCase}/accept` });
    expect((await w.tasks(clerk, newCase)).find((x) => x.kind === "review")!.name).toBe("承办审查（含图审结果核验）");
  });

  it("a process of one department is published on submission", async () => {
    const D = "500112-jtysw";
    const admin = await t.login(staffWith("department-admin", D).username);
    const itemId = await w.itemId("YB-JTYS-001");
    const cur = await processOf(admin, itemId);
    const draft = await admin.inject({ method: "POST", url: `/api/admin/items/${itemId}/process-drafts`, payload: { steps: cur.current.steps, assistingDepartmentIds: [] } });
    const out = await admin.inject({ method: "POST", url: `/api/admin/process-drafts/${draft.json().id}/submit` });
    expect(out.json()).toMatchObject({ status: "published", version: 2 });
  });

  it("refuses an unsound process, naming its problems, and an untrained approver (R17)", async () => {
    const D = "500112-scjgj";
    const admin = await t.login(staffWith("department-admin", D).username);
    const itemId = await w.itemId("YB-SCJG-001");
    const cur = await processOf(admin, itemId);
    const bad = cur.current.steps.filter((s) => s.kind !== "decide");
    const r = await admin.inject({ method: "POST", url: `/api/admin/items/${itemId}/process-drafts`, payload: { steps: bad, assistingDepartmentIds: [] } });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.code).toBe("PROCESS_INVALID");
    expect(r.json().error.details.problems.map((p: { problem: string }) => p.problem)).toContain("exactly-one-decide");

    // yb.scjg.clerk2 is not trained; given a handler role, he still cannot be named on a review step.
    const u = await t.db.selectFrom("users").select(["id", "department_id"]).where("username", "=", "yb.scjg.clerk2").executeTakeFirstOrThrow();
    await t.db.insertInto("role_assignments").values({ id: newId(), user_id: u.id, role: "handler", department_id: u.department_id, region_code: null, created_at: new Date() }).execute();
    const named = cur.current.steps.map((s) => (s.kind === "review" && s.role === "handler" ? { ...s, staffId: u.id } : s));
    const untrained = await admin.inject({ method: "POST", url: `/api/admin/items/${itemId}/process-drafts`, payload: { steps: named, assistingDepartmentIds: [] } });
    expect(untrained.statusCode).toBe(422);
    expect(untrained.json().error.code).toBe("UNTRAINED_STAFF");
    // A trained handler may be named, and the task then belongs to him alone.
    const trained = await t.db.selectFrom("users").select("id").where("username", "=", staffWith("handler", D).username).executeTakeFirstOrThrow();
    const ok = await admin.inject({
      method: "POST",
      url: `/api/admin/items/${itemId}/process-drafts`,
      payload: { steps: cur.current.steps.map((s) => (s.kind === "review" && s.role === "handler" ? { ...s, staffId: trained.id } : s)), assistingDepartmentIds: [] },
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it("the live flowchart preview and the wrong callers", async () => {
    const admin = await t.login(staffWith("department-admin", "500112-scjgj").username);
    const itemId = await w.itemId("YB-SCJG-001");
    const cur = await processOf(admin, itemId);
    const svg = await admin.inject({ method: "POST", url: "/api/admin/flowchart-preview", payload: { steps: cur.current.steps, assistingDepartmentIds: [] } });
    expect(svg.headers["content-type"]).toMatch(/image\/svg\+xml/);
    for (const s of cur.current.steps) expect(svg.body).toContain(s.name);

    const handler = await t.login(staffWith("handler", "500112-scjgj").username);
    expect((await handler.inject({ method: "POST", url: `/api/admin/items/${itemId}/process-drafts`, payload: { steps: cur.current.steps, assistingDepartmentIds: [] } })).statusCode).toBe(403);
    const otherAdmin = await t.login(staffWith("department-admin", "cq-sthjj").username);
    expect((await otherAdmin.inject({ method: "GET", url: `/api/admin/items/${itemId}/process` })).statusCode).toBe(404);
    expect((await t.request({ method: "GET", url: "/api/admin/items" })).statusCode).toBe(401);
    const applicant = await t.login(applicantOf("person").phone);
    expect((await applicant.inject({ method: "GET", url: "/api/admin/items" })).statusCode).toBe(403);
  });
});
