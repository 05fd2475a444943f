import { createHash, createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliverDueMessages, OUTBOX_MAX_ATTEMPTS, retryDelayMs, undeliveredMessages } from "../src/platform/delivery.ts";
import { retryFailedMessages } from "../src/ops/outbox.ts";
import { queueMessage } from "../src/platform/notify.ts";
import { startPlatform, type TestPlatform } from "./helpers.ts";

// The outbox leaves the platform: mail through a real SMTP server (smtp-server, started here) and SMS
// through an HTTP gateway (a local stub that checks each request's signature with its own code).

const SECRET = "gateway-secret-for-tests";

interface Mail {
  to: string;
  raw: string;
}
interface GatewayHit {
  body: { phoneNumbers: string; signName: string; templateCode: string; templateParam: string; outId: string };
  signatureValid: boolean;
  idempotencyKey: string | undefined;
}

/** The SMTP server: keeps every mail it is given. */
function startSmtp(): Promise<{ port: number; mails: Mail[]; close: () => Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), raw: Buffer.concat(chunks).toString("utf8") });
        done();
      });
    },
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.server.address() as AddressInfo;
      resolve({ port, mails, close: () => new Promise<void>((r) => server.close(() => r())) });
    });
  });
}

/** The SMS gateway stub: answers with the next scripted reply (then OK), verifying the signature independently. */
function startGateway(): Promise<{ port: number; hits: GatewayHit[]; script: { status: number; code: string }[]; close: () => Promise<void> }> {
  const hits: GatewayHit[] = [];
  const script: { status: number; code: string }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const h = (n: string) => String(req.headers[n] ?? "");
      const digest = createHash("sha256").update(body).digest("hex");
      const expected = createHmac("sha256", SECRET).update(["POST", req.url ?? "", h("x-sms-timestamp"), h("x-sms-nonce"), digest].join("\n")).digest("base64");
      hits.push({ body: JSON.parse(body), signatureValid: expected === h("x-sms-signature") && h("x-sms-key-id") === "LTAI-test", idempotencyKey: req.headers["idempotency-key"] as string | undefined });
      const reply = script.shift() ?? { status: 200, code: "OK" };
      res.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify({ code: reply.code, message: reply.code === "OK" ? "OK" : "refused", bizId: "b1" }));
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ port, hits, script, close: () => new Promise<void>((r) => server.close(() => r())) });
    });
  });
}

let t: TestPlatform;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let gateway: Awaited<ReturnType<typeof startGateway>>;

beforeAll(async () => {
  [smtp, gateway] = await Promise.all([startSmtp(), startGateway()]);
  t = await startPlatform({
    smtp: { url: `smtp://127.0.0.1:${smtp.port}`, from: "重庆市网上行政审批平台 <noreply@zwfw.cq.example>" },
    sms: {
      url: `http://127.0.0.1:${gateway.port}/sms/send`, keyId: "LTAI-test", secret: SECRET, signName: "重庆政务服务",
      templateIds: { "case.accepted": "SMS_800001" }, defaultTemplateId: "SMS_800000",
    },
  });
  // The demo's own messages (queued while its cases were made, some dated later than the test clock) are not this test's.
  await t.db.updateTable("outbox").set({ status: "recorded" }).where("status", "=", "queued").execute();
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
  await gateway?.close();
});

const deps = () => t.platform.deps;
const now = () => deps().clock.now();
const advance = (ms: number) => t.platform.clock!.set(new Date(now().getTime() + ms));
const deliver = (worker = "w1") => deliverDueMessages(deps(), worker, now());

async function queue(msg: Omit<Parameters<typeof queueMessage>[1], "at">) {
  await deps().db.transaction().execute((trx) => queueMessage({ trx, deps: deps() }, { ...msg, at: now() }));
  return (await deps().db.selectFrom("outbox").select(["id"]).orderBy("created_at", "desc").orderBy("id", "desc").limit(1).executeTakeFirstOrThrow()).id;
}

const row = (id: string) => deps().db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

beforeEach(async () => {
  // Each test starts with nothing due (the demo's own messages are sent by the first delivery).
  await deliverDueMessages(deps(), "setup", now(), 10_000);
  gateway.hits.length = 0;
  gateway.script.length = 0;
  smtp.mails.length = 0;
});

describe("delivery of the outbox", () => {
  it("sends mail through the SMTP server, with the outbox id as the Message-ID", async () => {
    const id = await queue({ to: "li.wenjing@example.com", channel: "email", text: "您申请的“食品经营许可”已受理。", subject: "办件已受理" });
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.to).toBe("li.wenjing@example.com");
    expect(smtp.mails[0]!.raw).toContain(`Message-ID: <${id}@zwfw.cq.example>`);
    expect(smtp.mails[0]!.raw).toMatch(/Subject: =\?UTF-8\?/);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 1, last_error: null });
  });

  it("sends SMS through the gateway, signed, with the kind's template or the default one", async () => {
    const a = await queue({ to: "13800138001", channel: "sms", text: "【重庆市网上行政审批平台】已受理", kind: "case.accepted", params: { item: "食品经营许可", code: "500112-26-ABCDE-FGHJK" } });
    const b = await queue({ to: "13800138002", channel: "sms", text: "【重庆市网上行政审批平台】您的验证码是 123456" });
    expect(await deliver()).toMatchObject({ sent: 2 });
    const [first, second] = [gateway.hits.find((h) => h.body.outId === a)!, gateway.hits.find((h) => h.body.outId === b)!];
    expect(first.signatureValid).toBe(true);
    expect(first.body).toMatchObject({ phoneNumbers: "13800138001", signName: "重庆政务服务", templateCode: "SMS_800001" });
    expect(JSON.parse(first.body.templateParam)).toEqual({ item: "食品经营许可", code: "500112-26-ABCDE-FGHJK" });
    expect(first.idempotencyKey).toBe(a);
    expect(second.body.templateCode).toBe("SMS_800000");
    expect(JSON.parse(second.body.templateParam)).toEqual({ content: "您的验证码是 123456" });
  });

  it("retries a failing gateway with a growing wait, and sends once it answers", async () => {
    gateway.script.push({ status: 503, code: "BUSY" }, { status: 200, code: "THROTTLED" });
    const id = await queue({ to: "13800138003", channel: "sms", text: "【重庆市网上行政审批平台】测试" });
    const at = now();
    expect(await deliverDueMessages(deps(), "w1", at)).toMatchObject({ retried: 1 });
    const after1 = await row(id);
    expect(after1).toMatchObject({ status: "queued", attempts: 1 });
    expect(after1.last_error).toContain("503");
    expect(after1.next_attempt_at!.getTime() - at.getTime()).toBe(retryDelayMs(1));
    // Not before its time.
    expect(await deliver()).toMatchObject({ sent: 0, retried: 0 });
    advance(retryDelayMs(1));
    expect(await deliver()).toMatchObject({ retried: 1 });
    advance(retryDelayMs(2));
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(gateway.hits.map((h) => h.body.outId)).toEqual([id, id, id]);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 3 });
  });

  it("marks a message failed at a refusal or after its last attempt, visible to operators without its address, and queues it again on request", async () => {
    gateway.script.push({ status: 400, code: "isv.MOBILE_NUMBER_ILLEGAL 13800138004" });
    const refused = await queue({ to: "13800138004", channel: "sms", text: "【重庆市网上行政审批平台】测试" });
    expect(await deliver()).toMatchObject({ failed: 1 });
    const r = await row(refused);
    expect(r.status).toBe("failed");
    expect(r.last_error).not.toContain("13800138004");
    expect((await undeliveredMessages(deps().db)).map((m) => m.id)).toContain(refused);

    const stubborn = await queue({ to: "13800138005", channel: "sms", text: "【重庆市网上行政审批平台】测试" });
    for (let i = 1; i <= OUTBOX_MAX_ATTEMPTS; i++) {
      gateway.script.push({ status: 502, code: "DOWN" });
      await deliver();
      advance(retryDelayMs(i));
    }
    expect(await row(stubborn)).toMatchObject({ status: "failed", attempts: OUTBOX_MAX_ATTEMPTS });

    // The operator's retry is audited as the platform, naming the message but no address.
    expect(await retryFailedMessages(deps(), [refused])).toBe(1);
    const audit = await deps().db.selectFrom("audit_log").select(["action", "new_values"]).where("action", "=", "ops.outbox-retry").orderBy("seq", "desc").executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.new_values)).toContain(refused);
    expect(JSON.stringify(audit.new_values)).not.toContain("13800138004");
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(await row(refused)).toMatchObject({ status: "sent" });
    expect(await row(stubborn)).toMatchObject({ status: "failed" });
  });

  it("never sends a message twice: not by a second process, not after a restart, and a crashed send resumes with the same id", async () => {
    const id = await queue({ to: "13800138006", channel: "sms", text: "【重庆市网上行政审批平台】一次" });
    const [a, b] = await Promise.all([deliverDueMessages(deps(), "process-a", now()), deliverDueMessages(deps(), "process-b", now())]);
    expect(a.sent + b.sent).toBe(1);
    expect(gateway.hits.filter((h) => h.body.outId === id)).toHaveLength(1);

    // A process claims a message and dies before it is sent or settled.
    const orphan = await queue({ to: "13800138007", channel: "sms", text: "【重庆市网上行政审批平台】孤儿" });
    await deps().db.updateTable("outbox").set({ status: "sending", locked_by: "dead", locked_at: now(), attempts: 1 }).where("id", "=", orphan).execute();
    expect(await deliver("restarted")).toMatchObject({ sent: 0 });
    advance(11 * 60_000);
    expect(await deliver("restarted")).toMatchObject({ sent: 1 });
    const resent = gateway.hits.filter((h) => h.body.outId === orphan);
    expect(resent).toHaveLength(1);
    expect(resent[0]!.idempotencyKey).toBe(orphan);
    // The dead process coming back cannot overwrite what the live one recorded.
    await deps().db.updateTable("outbox").set({ status: "failed" }).where("id", "=", orphan).where("locked_by", "=", "dead").execute();
    expect(await row(orphan)).toMatchObject({ status: "sent" });
    expect(await deliver("again")).toMatchObject({ sent: 0 });
  });

  it("delivers the platform's own messages: an SMS code reaches the gateway with the phone it was asked for", async () => {
    const phone = "13900139008";
    const res = await t.request({ method: "POST", url: "/api/auth/sms-codes", payload: { phone, purpose: "register" } });
    expect(res.statusCode, res.body).toBe(202);
    await deliver();
    const hit = gateway.hits.find((h) => h.body.phoneNumbers === phone);
    expect(hit?.signatureValid).toBe(true);
    expect(JSON.parse(hit!.body.templateParam).content).toMatch(/\d{6}/);
  });
});
