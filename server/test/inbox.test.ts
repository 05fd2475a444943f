import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../src/platform/ids.ts";
import { type Session, startPlatform, type TestPlatform } from "./helpers.ts";
import { staffWith } from "./fixtures.ts";
import { applicantOf } from "./workflowDriver.ts";

let t: TestPlatform;
beforeAll(async () => {
  t = await startPlatform();
});
afterAll(async () => t.close());

type Message = { id: string; title: string; readAt?: string };
const inbox = async (s: Session): Promise<Message[]> => (await s.inject({ method: "GET", url: "/api/inbox" })).json().items;

describe("in-app messages: read marks are each person's own", () => {
  it("a message to a department is read by each of its staff separately; strangers cannot touch it", async () => {
    const dept = await t.db.selectFrom("departments").select("id").where("code", "=", "cq-scjgj").executeTakeFirstOrThrow();
    const departmentMessage = newId();
    await t.db.insertInto("inbox").values({ id: departmentMessage, user_id: null, department_id: dept.id, role: null, title: "纸质材料移交待签收", text: "测试消息", case_id: null, created_at: new Date("2026-11-27T02:00:00Z") }).execute();
    const handler = await t.login(staffWith("handler", "cq-scjgj").username);
    const clerk = await t.login(staffWith("clerk", "cq-scjgj").username);

    expect((await inbox(handler)).find((m) => m.id === departmentMessage)?.readAt).toBeUndefined();
    const read = await handler.inject({ method: "POST", url: `/api/inbox/${departmentMessage}/read` });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ marked: 1 });
    expect((await inbox(handler)).find((m) => m.id === departmentMessage)?.readAt).toBe(read.json().readAt);
    // Reading twice changes nothing.
    expect((await handler.inject({ method: "POST", url: `/api/inbox/${departmentMessage}/read` })).json()).toMatchObject({ marked: 0 });
    // The colleague has not read it.
    expect((await inbox(clerk)).find((m) => m.id === departmentMessage)?.readAt).toBeUndefined();

    // Another department's staff and applicants do not see it: 404; nobody logged in: 401.
    const other = await t.login(staffWith("handler", "cq-ghzrzyj").username);
    expect((await other.inject({ method: "POST", url: `/api/inbox/${departmentMessage}/read` })).statusCode).toBe(404);
    expect((await inbox(other)).some((m) => m.id === departmentMessage)).toBe(false);
    const applicant = await t.login(applicantOf("person").phone);
    expect((await applicant.inject({ method: "POST", url: `/api/inbox/${departmentMessage}/read` })).statusCode).toBe(404);
    expect((await t.request({ method: "POST", url: `/api/inbox/${departmentMessage}/read` })).statusCode).toBe(401);
    expect((await t.request({ method: "POST", url: "/api/inbox/read-all" })).statusCode).toBe(401);

    // Read all: the clerk's unread messages only.
    const before = (await inbox(clerk)).filter((m) => !m.readAt).length;
    expect(before).toBeGreaterThan(0);
    const all = await clerk.inject({ method: "POST", url: "/api/inbox/read-all" });
    expect(all.json().marked).toBe(before);
    expect((await inbox(clerk)).every((m) => m.readAt)).toBe(true);

    const supervisor = await t.login("supervisor");
    const audit = (await supervisor.inject({ method: "GET", url: "/api/audit" })).json().items as { action: string; newValues: { marked: number } }[];
    expect(audit.filter((a) => a.action === "inbox.read").map((a) => a.newValues.marked).sort()).toEqual([1, before].sort());
  });
});
