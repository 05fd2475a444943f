import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverDueWebhooks } from "../src/integration/webhookDelivery.ts";
import { type Session, startPlatform, type TestPlatform } from "./helpers.ts";
import { staffWith } from "./fixtures.ts";
import { applicantOf, WorkflowDriver } from "./workflowDriver.ts";

// Webhooks of department systems against a real receiver on this machine: signed deliveries,
// retries with backoff on the platform clock, every attempt kept, replay, pausing, and a delivery
// left by a dead process taken again.

const D = "500112-jtysw";
const ITEM = "YB-JTYS-001";
let t: TestPlatform;
let w: WorkflowDriver;
let departmentId: string;
let receiver: http.Server;
let base: string;
const sessions = new Map<string, Session>();
async function as(username: string): Promise<Session> {
  if (!sessions.has(username)) sessions.set(username, await t.login(username));
  return sessions.get(username)!;
}

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
const received: Received[] = [];
/** What each path answers, in turn; the last answer repeats. */
const script = new Map<string, number[]>();

/** The receiver's check of a signature, written here from API.md (not the platform's signer). */
function verify(secret: string, header: string, body: string): { ok: boolean; t: number } {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=") as [string, string]));
  const expected = createHmac("sha256", Buffer.from(secret, "utf8")).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1 ?? "", "hex");
  return { ok: given.length === expected.length && timingSafeEqual(given, expected), t: Number(parts.t) };
}

/** Moves the platform clock on by `ms`. */
const at = (ms: number): Date => {
  const next = new Date(t.platform.clock!.now().getTime() + ms);
  t.platform.clock!.set(next);
  return next;
};
const deliver = () => deliverDueWebhooks(t.platform.deps, "test-worker", t.platform.clock!.now());
const postsTo = (path: string) => received.filter((r) => r.path === path);

beforeAll(async () => {
  t = await startPlatform();
  w = new WorkflowDriver(t);
  departmentId = (await t.db.selectFrom("departments").select("id").where("code", "=", D).executeTakeFirstOrThrow()).id;
  receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ path: req.url ?? "", headers: req.headers, body });
      const codes = script.get(req.url ?? "") ?? [200];
      const code = codes.length > 1 ? codes.shift()! : codes[0]!;
      res.writeHead(code).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => receiver.close(r));
  await t.close();
});

async function subscribe(admin: Session, integrationId: string, path: string, events: string[]) {
  const res = await admin.inject({ method: "POST", url: "/api/admin/webhooks", payload: { integrationId, url: `${base}${path}`, events } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; secret: string };
}

describe("webhooks", () => {
  it("retries a failing receiver with backoff, keeps every attempt, signs each post, and replays", async () => {
    const admin = await as(staffWith("department-admin", D).username);
    const system = await t.integration(departmentId, ["events:read"]);
    script.set("/hook", [500, 500, 200]);
    const sub = await subscribe(admin, system.id, "/hook", ["case.submitted"]);
    expect(sub.secret).toMatch(/^whsec_/);
    // The secret is stored sealed, and never listed.
    const stored = await t.db.selectFrom("webhook_subscriptions").select("secret").where("id", "=", sub.id).executeTakeFirstOrThrow();
    expect(stored.secret).not.toContain(sub.secret);
    const listed = await admin.inject({ method: "GET", url: `/api/admin/webhooks?integrationId=${system.id}` });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items).toEqual([expect.objectContaining({ id: sub.id, status: "active", events: ["case.submitted"] })]);
    expect(listed.body).not.toContain(sub.secret);

    const caseId = await w.apply(ITEM, await as(applicantOf("person").phone));
    // Not sent within the request: queued.
    expect(received.filter((r) => r.path === "/hook")).toHaveLength(0);
    expect(await deliver()).toMatchObject({ retried: 1 });
    expect(await deliver()).toMatchObject({ retried: 0, delivered: 0 }); // the retry is not due yet
    at(10_000);
    expect(await deliver()).toMatchObject({ retried: 1 });
    at(29_000);
    expect(await deliver()).toMatchObject({ delivered: 0, retried: 0 });
    at(1_000);
    expect(await deliver()).toMatchObject({ delivered: 1 });

    const posts = received.filter((r) => r.path === "/hook");
    expect(posts).toHaveLength(3);
    const eventIds = new Set(posts.map((p) => p.headers["x-event-id"]));
    expect(eventIds.size).toBe(1);
    for (const p of posts) {
      expect(p.headers["content-type"]).toBe("application/json");
      expect(p.headers["x-event-type"]).toBe("case.submitted");
      const v = verify(sub.secret, String(p.headers["x-signature"]), p.body);
      expect(v.ok).toBe(true);
      expect(verify("whsec_wrong", String(p.headers["x-signature"]), p.body).ok).toBe(false);
      const event = JSON.parse(p.body);
      expect(event).toMatchObject({ id: p.headers["x-event-id"], type: "case.submitted", caseId, departmentId });
      expect(event.data.item.code).toBe(ITEM);
    }
    const deliveries = await admin.inject({ method: "GET", url: `/api/admin/webhooks/${sub.id}/deliveries` });
    expect(deliveries.statusCode, deliveries.body).toBe(200);
    const [d] = deliveries.json().items;
    expect(d).toMatchObject({ eventType: "case.submitted", caseId, status: "delivered", attempts: 3, lastStatusCode: 200 });
    expect(d.attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 500, 200]);
    // Each signature is dated by the platform clock of its attempt.
    posts.forEach((p, i) => expect(verify(sub.secret, String(p.headers["x-signature"]), p.body).t).toBe(Math.floor(Date.parse(d.attemptLog[i].at) / 1000)));

    // Replay: sent again now, with the same event id; the earlier attempts stay.
    const replay = await admin.inject({ method: "POST", url: `/api/admin/webhooks/${sub.id}/deliveries/${d.id}/replay` });
    expect(replay.statusCode, replay.body).toBe(200);
    expect(await deliver()).toMatchObject({ delivered: 1 });
    // Operators see deliveries by state.
    expect((await t.request({ method: "GET", url: "/metrics" })).body).toMatch(/cq_webhook_deliveries\{status="delivered"\} [1-9]/);
    const again = received.filter((r) => r.path === "/hook");
    expect(again).toHaveLength(4);
    expect(again[3]!.headers["x-event-id"]).toBe(d.eventId);
    const after = (await admin.inject({ method: "GET", url: `/api/admin/webhooks/${sub.id}/deliveries` })).json().items[0];
    expect(after.attemptLog).toHaveLength(4);
    const audit = await t.db.selectFrom("audit_log").select("action").where("object_id", "in", [sub.id, d.id]).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(["webhook.created", "webhook.delivery-replayed"]);

    // Deleting it: gone from the list, nothing more queued for it.
    expect((await admin.inject({ method: "DELETE", url: `/api/admin/webhooks/${sub.id}` })).statusCode).toBe(204);
    expect((await admin.inject({ method: "GET", url: `/api/admin/webhooks?integrationId=${system.id}` })).json().items).toEqual([]);
    await w.apply(ITEM, await as(applicantOf("person").phone));
    expect(await t.db.selectFrom("webhook_deliveries").select("id").where("subscription_id", "=", sub.id).execute()).toHaveLength(1);
    expect((await admin.inject({ method: "DELETE", url: `/api/admin/webhooks/${sub.id}` })).statusCode).toBe(404);
  });

  it("refuses a URL that is not http(s) or points at the platform, and a client the caller may not administer", async () => {
    const admin = await as(staffWith("department-admin", D).username);
    const system = await t.integration(departmentId, ["events:read"]);
    const self = t.platform.deps.config.publicBaseUrl;
    for (const [url, reason] of [
      ["ftp://example.org/hook", "scheme"],
      ["javascript:alert(1)", "scheme"],
      ["not a url", "malformed"],
      [`${self}/api/events`, "platform"],
      ["https://user:pw@example.org/hook", "credentials"],
    ] as const) {
      const res = await admin.inject({ method: "POST", url: "/api/admin/webhooks", payload: { integrationId: system.id, url, events: ["case.closed"] } });
      expect(res.statusCode, url).toBe(422);
      expect(res.json().error).toMatchObject({ code: "WEBHOOK_URL_INVALID", details: { reason } });
    }
    const other = (await t.db.selectFrom("departments").select("code").where("id", "!=", departmentId).where("code", "=", "cq-jtysw").executeTakeFirstOrThrow()).code;
    const stranger = await as(staffWith("department-admin", other).username);
    const res = await stranger.inject({ method: "POST", url: "/api/admin/webhooks", payload: { integrationId: system.id, url: `${base}/x`, events: ["case.closed"] } });
    expect(res.statusCode).toBe(404);
    expect((await stranger.inject({ method: "GET", url: `/api/admin/webhooks?integrationId=${system.id}` })).statusCode).toBe(404);
    expect((await (await as(staffWith("clerk", D).username)).inject({ method: "GET", url: `/api/admin/webhooks?integrationId=${system.id}` })).statusCode).toBe(404);
    expect(await t.db.selectFrom("webhook_subscriptions").select("id").where("integration_id", "=", system.id).execute()).toEqual([]);
  });

  it("pauses a subscription that keeps failing, tells its admins, holds new events and sends them on resume", async () => {
    const admin = await as(staffWith("department-admin", D).username);
    const system = await t.integration(departmentId, ["events:read"], "质量追溯系统");
    script.set("/down", [503]);
    const sub = await subscribe(admin, system.id, "/down", ["case.submitted"]);
    await w.apply(ITEM, await as(applicantOf("person", 1).phone));
    let status = "active";
    for (let i = 0; i < 40 && status === "active"; i++) {
      await deliver();
      at(3_600_000);
      status = (await t.db.selectFrom("webhook_subscriptions").select("status").where("id", "=", sub.id).executeTakeFirstOrThrow()).status;
    }
    expect(status).toBe("paused");
    const d = (await admin.inject({ method: "GET", url: `/api/admin/webhooks/${sub.id}/deliveries` })).json().items[0];
    expect(d.status).toBe("failed");
    expect(d.attemptLog.length).toBeGreaterThan(20);
    expect(d.attemptLog.every((a: { statusCode: number }) => a.statusCode === 503)).toBe(true);
    const told = await t.db.selectFrom("inbox").select(["title", "role"]).where("department_id", "=", departmentId).where("title", "like", "%质量追溯系统%").execute();
    expect(told).toEqual([expect.objectContaining({ role: "department-admin" })]);
    expect(await t.db.selectFrom("audit_log").select("action").where("object_id", "=", sub.id).where("action", "=", "webhook.paused").execute()).toHaveLength(1);

    // While paused, new events are held, not posted.
    const before = received.filter((r) => r.path === "/down").length;
    await w.apply(ITEM, await as(applicantOf("person", 1).phone));
    await deliver();
    expect(received.filter((r) => r.path === "/down")).toHaveLength(before);
    const held = (await admin.inject({ method: "GET", url: `/api/admin/webhooks/${sub.id}/deliveries` })).json().items[0];
    expect(held.status).toBe("held");
    expect((await admin.inject({ method: "GET", url: `/api/admin/webhooks?integrationId=${system.id}` })).json().items[0]).toMatchObject({ status: "paused", abilities: { resume: true } });

    script.set("/down", [200]);
    const resumed = await admin.inject({ method: "POST", url: `/api/admin/webhooks/${sub.id}/resume` });
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(resumed.json()).toEqual({ id: sub.id, status: "active", released: 1 });
    expect((await admin.inject({ method: "POST", url: `/api/admin/webhooks/${sub.id}/resume` })).statusCode).toBe(409);
    await deliver();
    expect(postsTo("/down")).toHaveLength(before + 1);
  });

  it("takes again a delivery left 'delivering' by a process that died", async () => {
    const admin = await as(staffWith("department-admin", D).username);
    const system = await t.integration(departmentId, ["events:read"]);
    script.set("/restart", [200]);
    const sub = await subscribe(admin, system.id, "/restart", ["case.submitted"]);
    await w.apply(ITEM, await as(applicantOf("person", 2).phone));
    // A worker took it and died before settling it.
    await t.db.updateTable("webhook_deliveries").set({ status: "delivering", locked_by: "dead-worker", locked_at: t.platform.clock!.now(), attempts: 1 }).where("subscription_id", "=", sub.id).execute();
    await deliver();
    expect(postsTo("/restart")).toHaveLength(0);
    at(10 * 60_000);
    await deliver();
    expect(postsTo("/restart")).toHaveLength(1);
    const d = await t.db.selectFrom("webhook_deliveries").select(["status", "attempts", "locked_by"]).where("subscription_id", "=", sub.id).executeTakeFirstOrThrow();
    expect(d).toEqual({ status: "delivered", attempts: 2, locked_by: null });
  });

  it("runs from the scheduler's tick when the dev clock moves", async () => {
    const admin = await as(staffWith("department-admin", D).username);
    const system = await t.integration(departmentId, ["events:read"]);
    script.set("/tick", [200]);
    await subscribe(admin, system.id, "/tick", ["case.submitted"]);
    await w.apply(ITEM, await as(applicantOf("person", 2).phone));
    const res = await t.request({ method: "POST", url: "/api/dev/clock", payload: { now: at(1_000).toISOString() } });
    expect(res.statusCode, res.body).toBe(200);
    expect(received.filter((r) => r.path === "/tick")).toHaveLength(1);
  });
});
