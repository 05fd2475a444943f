import { afterEach, describe, expect, it } from "vitest";
import { totpAt } from "../src/identity/totp.ts";
import { staffWith } from "./fixtures.ts";
import { DEMO_PASSWORD, type Session, startPlatform, type TestPlatform } from "./helpers.ts";

// A second factor for staff (API.md, Identity): TOTP per RFC 6238 with recovery codes, required in
// production; staff sessions end when left idle.

let t: TestPlatform;
afterEach(async () => t?.close());

const login = (username: string, totp?: string) =>
  t.request({ method: "POST", url: "/api/auth/login", payload: { login: username, password: DEMO_PASSWORD, ...(totp ? { totp } : {}) } });

async function enroll(s: Session): Promise<{ secret: string; recoveryCodes: string[] }> {
  const e = await s.inject({ method: "POST", url: "/api/auth/totp/enroll" });
  expect(e.statusCode, e.body).toBe(200);
  const { secret, otpauthUrl } = e.json();
  expect(otpauthUrl).toContain(`secret=${secret}`);
  expect((await s.inject({ method: "POST", url: "/api/auth/totp/confirm", payload: { code: "000000" } })).json().error.code).toBe("TOTP_INVALID");
  const c = await s.inject({ method: "POST", url: "/api/auth/totp/confirm", payload: { code: totpAt(secret, new Date()) } });
  expect(c.statusCode, c.body).toBe(200);
  return { secret, recoveryCodes: c.json().recoveryCodes };
}

describe("TOTP for staff", () => {
  it("once enrolled, login needs a current code or an unused recovery code; no code is accepted twice", async () => {
    t = await startPlatform();
    const username = staffWith("clerk", "500112-scjgj").username;
    const s = await t.login(username);
    const { secret, recoveryCodes } = await enroll(s);
    expect(recoveryCodes).toHaveLength(10);
    expect((await s.inject({ method: "GET", url: "/api/me" })).json().totp).toEqual({ enabled: true, required: false });

    const missing = await login(username);
    expect(missing.statusCode).toBe(401);
    expect(missing.json().error.code).toBe("TOTP_REQUIRED");
    const wrong = await login(username, "123456");
    expect(wrong.json().error.code).toBe("TOTP_INVALID");
    // The code used to confirm was spent: wait for the next one is not needed — a recovery code works once.
    const viaRecovery = await login(username, recoveryCodes[0]);
    expect(viaRecovery.statusCode, viaRecovery.body).toBe(200);
    expect((await login(username, recoveryCodes[0])).json().error.code).toBe("TOTP_INVALID");
    // A current code works once; replayed, it is refused.
    const code = totpAt(secret, new Date(Date.now() + 30_000));
    expect((await login(username, code)).statusCode).toBe(200);
    expect((await login(username, code)).json().error.code).toBe("TOTP_INVALID");
    const audit = await t.db.selectFrom("audit_log").select("action").where("action", "in", ["user.totp-enabled", "user.recovery-code-used"]).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(["user.recovery-code-used", "user.totp-enabled"]);
  });

  it("where required (production), a staff member without one acts with no role until enrolled", async () => {
    t = await startPlatform({ staffMfa: "required" });
    const username = staffWith("clerk", "500112-scjgj").username;
    const s = await t.login(username);
    const me = (await s.inject({ method: "GET", url: "/api/me" })).json();
    expect(me.totp).toEqual({ enabled: false, required: true });
    expect(Object.entries(me.abilities.sections).filter(([, v]) => v).map(([k]) => k)).toEqual([]);
    expect((await s.inject({ method: "GET", url: "/api/worklist" })).statusCode).toBe(403);
    await enroll(s);
    expect((await s.inject({ method: "GET", url: "/api/me" })).json().abilities.sections.worklist).toBe(true);
    expect((await s.inject({ method: "GET", url: "/api/worklist" })).statusCode).toBe(200);
    // Applicants are not asked for one.
    expect((await t.request({ method: "POST", url: "/api/auth/totp/enroll" })).statusCode).toBe(401);
  });

  it("ends a staff session left idle", async () => {
    t = await startPlatform({ staffIdleMinutes: 0.002 });
    const s = await t.login(staffWith("clerk", "500112-scjgj").username);
    expect((await s.inject({ method: "GET", url: "/api/me" })).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    expect((await s.inject({ method: "GET", url: "/api/me" })).statusCode).toBe(401);
  });
});
