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
  const { secret, otpauthUrl, qrSvg } = e.json();
  expect(qrSvg).toMatch(/^<svg/);
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
    // Sessions live in real time (identity/sessions.ts), so the test ages the session's last use in
    // the database rather than waiting: no timing window that a loaded machine could miss.
    t = await startPlatform({ staffIdleMinutes: 15 });
    const s = await t.login(staffWith("clerk", "500112-scjgj").username);
    const idleFor = (minutes: number) =>
      t.handle.db.updateTable("sessions").set({ last_seen_at: new Date(Date.now() - minutes * 60_000) }).where("user_id", "=", t.handle.db.selectFrom("users").select("id").where("username", "=", staffWith("clerk", "500112-scjgj").username)).execute();
    await idleFor(14);
    expect((await s.inject({ method: "GET", url: "/api/me" })).statusCode).toBe(200);
    await idleFor(16);
    expect((await s.inject({ method: "GET", url: "/api/me" })).statusCode).toBe(401);
    // The session is gone, not merely refused once.
    await idleFor(0);
    expect((await s.inject({ method: "GET", url: "/api/me" })).statusCode).toBe(401);
  });
});

describe("staff passwords and sessions", () => {
  it("holds staff to a stronger password, never one of the last five", async () => {
    t = await startPlatform();
    const s = await t.login(staffWith("clerk", "500112-scjgj").username);
    const change = (currentPassword: string, newPassword: string) => s.inject({ method: "POST", url: "/api/auth/password", payload: { currentPassword, newPassword } });
    expect((await change(DEMO_PASSWORD, "Short2026ab")).json().error.code).toBe("WEAK_STAFF_PASSWORD");
    expect((await change(DEMO_PASSWORD, "alllowercase2026")).json().error.code).toBe("WEAK_STAFF_PASSWORD");
    const passwords = ["Window-2026-a", "Window-2026-b", "Window-2026-c", "Window-2026-d", "Window-2026-e", "Window-2026-f"];
    let current = DEMO_PASSWORD;
    for (const p of passwords) {
      const r = await change(current, p);
      expect(r.statusCode, r.body).toBe(204);
      current = p;
    }
    // The last five (the current one and the four before) are refused; the one before them is allowed again.
    for (const p of passwords.slice(1)) expect((await change(current, p)).json().error.code, p).toBe(p === current ? "SAME_PASSWORD" : "PASSWORD_REUSED");
    expect((await change(current, "Window-2026-a")).statusCode).toBe(204);
  }, 60_000);

  it("lists one's own sessions and ends one of them", async () => {
    t = await startPlatform();
    const username = staffWith("clerk", "500112-scjgj").username;
    const first = await t.login(username);
    const second = await t.login(username);
    const list = (await second.inject({ method: "GET", url: "/api/me/sessions" })).json().items as { id: string; current: boolean }[];
    expect(list).toHaveLength(2);
    expect(list.filter((x) => x.current)).toHaveLength(1);
    const other = list.find((x) => !x.current)!;
    expect((await second.inject({ method: "DELETE", url: `/api/me/sessions/${other.id}` })).statusCode).toBe(204);
    expect((await first.inject({ method: "GET", url: "/api/me" })).statusCode).toBe(401);
    expect((await second.inject({ method: "GET", url: "/api/me" })).statusCode).toBe(200);
    // Someone else's session is not one's own to end.
    const stranger = await t.login(staffWith("handler", "500112-scjgj").username);
    const mine = (await second.inject({ method: "GET", url: "/api/me/sessions" })).json().items[0].id;
    expect((await stranger.inject({ method: "DELETE", url: `/api/me/sessions/${mine}` })).statusCode).toBe(404);
  });
});
