import { afterEach, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, startPlatform, type TestPlatform } from "./helpers.ts";

// Holes closed for GB/T 22239-2019 level 3; each test fails if its hole comes back.

let t: TestPlatform | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Logs in from a socket address with an X-Forwarded-For header, and returns the address the audit recorded. */
async function auditedAddress(p: TestPlatform, remoteAddress: string, forwardedFor: string): Promise<string | null> {
  const res = await p.app.inject({
    method: "POST", url: "/api/auth/login", remoteAddress,
    headers: { "x-requested-with": "fetch", "x-forwarded-for": forwardedFor },
    payload: { login: "yb.scjg.clerk", password: DEMO_PASSWORD },
  });
  expect(res.statusCode, res.body).toBe(200);
  const row = await p.db.selectFrom("audit_log").select("ip").where("action", "=", "user.login").orderBy("seq", "desc").limit(1).executeTakeFirstOrThrow();
  return row.ip;
}

describe("client addresses (TRUST_PROXY)", () => {
  it("ignores X-Forwarded-For unless TRUST_PROXY names the proxy", async () => {
    t = await startPlatform();
    expect(await auditedAddress(t, "198.51.100.7", "203.0.113.9")).toBe("198.51.100.7");
  });

  it("believes X-Forwarded-For from a listed proxy only", async () => {
    t = await startPlatform({ trustProxy: ["10.0.0.0/8"] });
    expect(await auditedAddress(t, "10.1.2.3", "203.0.113.9")).toBe("203.0.113.9");
    expect(await auditedAddress(t, "198.51.100.7", "203.0.113.9")).toBe("198.51.100.7");
  });
});
