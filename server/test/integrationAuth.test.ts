import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlatform, type TestPlatform } from "./helpers.ts";

// The bearer token of a department system: who it is, and what an unknown or revoked one gets.
describe("integration tokens", () => {
  let t: TestPlatform;
  let departmentId: string;
  beforeAll(async () => {
    t = await startPlatform();
    departmentId = (await t.db.selectFrom("departments").select("id").orderBy("code").executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => t.close());

  it("refuses an unknown, malformed or revoked token with 401, whatever the route", async () => {
    for (const authorization of ["Bearer cqi_unknown", "Bearer not-a-token", "Bearer "+"x".repeat(300)]) {
      const res = await t.request({ method: "GET", url: "/api/me", headers: { authorization } });
      expect(res.statusCode, authorization).toBe(401);
      expect(res.json().error.code).toBe("INTEGRATION_TOKEN_INVALID");
    }
    const system = await t.integration(departmentId, ["cases:read"]);
    await t.db.updateTable("integration_clients").set({ revoked_at: new Date() }).where("id", "=", system.id).execute();
    const res = await system.inject({ method: "GET", url: "/api/me" });
    expect(res.statusCode).toBe(401);
  });

  it("keeps a rotated token working only within its grace period", async () => {
    const system = await t.integration(departmentId, ["cases:read"]);
    const hash = (await t.db.selectFrom("integration_clients").select("token_hash").where("id", "=", system.id).executeTakeFirstOrThrow()).token_hash;
    await t.db.updateTable("integration_clients").set({ token_hash: "f".repeat(64), previous_token_hash: hash, previous_valid_until: new Date(Date.now() + 60_000) }).where("id", "=", system.id).execute();
    expect((await system.inject({ method: "GET", url: "/api/public/progress/0" })).statusCode).not.toBe(401);
    await t.db.updateTable("integration_clients").set({ previous_valid_until: new Date(Date.now() - 1000) }).where("id", "=", system.id).execute();
    expect((await system.inject({ method: "GET", url: "/api/public/progress/0" })).statusCode).toBe(401);
  });

  it("a valid token is no person: the routes of people answer 403", async () => {
    const system = await t.integration(departmentId, ["cases:read", "events:read", "results:write", "certificates:read"]);
    expect((await system.inject({ method: "GET", url: "/api/worklist" })).statusCode).toBe(403);
  });

  it("a JSON body over 1 MB is refused with 413 PAYLOAD_TOO_LARGE before any command runs", async () => {
    const system = await t.integration(departmentId, ["results:write"]);
    const res = await system.inject({ method: "POST", url: "/api/tasks/00000000-0000-0000-0000-000000000000/complete", payload: { outcome: "pass", opinion: "意".repeat(600_000) } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("PAYLOAD_TOO_LARGE");
  });
});
