import { describe, expect, it } from "vitest";
import { retryDelayMs, scrubError } from "./delivery.ts";
import { smsRequestOf, smsRequestSignature } from "./senders.ts";

const sms = { url: "http://gw/sms", keyId: "k", secret: "s", signName: "重庆政务服务", templateIds: { "case.accepted": "SMS_1" }, defaultTemplateId: "SMS_0" };

describe("outbox delivery rules", () => {
  it("wait twice as long after each failed attempt, from 30 seconds to at most 6 hours", () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(30)).toBe(6 * 3_600_000);
  });

  it("keep no address in an error: mail addresses and mobile numbers are blanked", () => {
    expect(scrubError("550 5.1.1 <li.wenjing@example.com>: mailbox unavailable")).toBe("550 5.1.1 <<address>>: mailbox unavailable");
    expect(scrubError("isv.MOBILE_NUMBER_ILLEGAL 13800138004")).toBe("isv.MOBILE_NUMBER_ILLEGAL <phone>");
    expect(scrubError("order 213800138004999 failed")).toBe("order 213800138004999 failed");
  });

  it("send a kind with a registered template with its parameters, anything else through the default template with its text", () => {
    const base = { id: "m1", to: "13800138000", subject: null };
    expect(smsRequestOf(sms, { ...base, text: "【平台】已受理", kind: "case.accepted", params: { code: "X" } })).toEqual({
      phoneNumbers: "13800138000", signName: "重庆政务服务", templateCode: "SMS_1", templateParam: JSON.stringify({ code: "X" }), outId: "m1",
    });
    expect(smsRequestOf(sms, { ...base, text: "【平台】验证码 123456", kind: "auth.code", params: { code: "123456" } })).toMatchObject({
      templateCode: "SMS_0", templateParam: JSON.stringify({ content: "验证码 123456" }),
    });
  });

  it("sign a gateway request over its path, time, nonce and body", () => {
    const sig = smsRequestSignature("s", { path: "/sms", timestamp: "1", nonce: "n", body: "{}" });
    expect(sig).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(smsRequestSignature("s", { path: "/sms", timestamp: "1", nonce: "n", body: "{ }" })).not.toBe(sig);
    expect(smsRequestSignature("t", { path: "/sms", timestamp: "1", nonce: "n", body: "{}" })).not.toBe(sig);
  });
});
