import fs from "node:fs";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { checkpointFile } from "../src/audit/checkpoints.ts";
import { entryHash } from "../src/audit/writer.ts";
import { staffWith } from "./fixtures.ts";
import { startPlatform, type TestPlatform } from "./helpers.ts";

// The audit chain is tamper-evident (R40, GB/T 22239 level 3): keyed hashes and signed checkpoints
// of its head kept outside the audit table. Each way of tampering is tried and must be reported.

let t: TestPlatform;
afterEach(async () => t?.close());

/** A platform with some history, its head signed by the scheduler's checkpoint job. */
async function withCheckpoint(): Promise<TestPlatform> {
  t = await startPlatform();
  for (let i = 0; i < 3; i++) await t.login(staffWith("clerk").username);
  await moveClock("2026-11-27T09:05:00+08:00");
  return t;
}

async function moveClock(iso: string) {
  const r = await t.request({ method: "POST", url: "/api/dev/clock", payload: { now: iso } });
  expect(r.statusCode, r.body).toBe(200);
}

async function verify() {
  const office = await t.login("supervisor");
  return (await office.inject({ method: "GET", url: "/api/audit/verify" })).json();
}

/** What someone with the database owner's rights could do: switch the append-only guards off. */
async function unguard() {
  await sql`alter table audit_log disable trigger user`.execute(t.db);
  await sql`alter table audit_checkpoints disable trigger user`.execute(t.db);
}

describe("the audit chain tells every kind of tampering", () => {
  it("holds when nobody tampered, and names its checkpoint", async () => {
    await withCheckpoint();
    const v = await verify();
    expect(v).toMatchObject({ ok: true, checkpoint: { entries: expect.any(Number) } });
    expect(v.entries).toBeGreaterThanOrEqual(v.checkpoint.entries);
    expect(fs.readFileSync(checkpointFile(t.platform.deps.config), "utf8")).toContain(`"entries":${v.checkpoint.entries}`);
  });

  it("refuses TRUNCATE, UPDATE and DELETE outright", async () => {
    await withCheckpoint();
    await expect(sql`truncate audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_checkpoints`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it("reports the newest entries deleted, and the table emptied, even with the checkpoints table emptied too", async () => {
    await withCheckpoint();
    await unguard();
    const head = await t.db.selectFrom("audit_log").select("seq").orderBy("seq", "desc").limit(1).executeTakeFirstOrThrow();
    await t.db.deleteFrom("audit_log").where("seq", ">", head.seq - 3).execute();
    expect(await verify()).toMatchObject({ ok: false, problem: "entries-missing" });
    await sql`delete from audit_log`.execute(t.db);
    await sql`delete from audit_checkpoints`.execute(t.db);
    // The file beside the database still holds the signed head.
    expect(await verify()).toMatchObject({ ok: false, problem: "entries-missing" });
  });

  it("reports an edited and a reordered entry", async () => {
    await withCheckpoint();
    await unguard();
    const rows = await t.db.selectFrom("audit_log").selectAll().orderBy("seq").limit(3).execute();
    await t.db.updateTable("audit_log").set({ actor_name: "某人" }).where("id", "=", rows[1]!.id).execute();
    expect(await verify()).toMatchObject({ ok: false, problem: "entry-altered", firstBadEntry: rows[1]!.id });
    await t.db.updateTable("audit_log").set({ actor_name: rows[1]!.actor_name }).where("id", "=", rows[1]!.id).execute();
    expect((await verify()).ok).toBe(true);
    // Two entries swap places.
    await t.db.updateTable("audit_log").set({ seq: -1 }).where("id", "=", rows[0]!.id).execute();
    await t.db.updateTable("audit_log").set({ seq: rows[0]!.seq }).where("id", "=", rows[1]!.id).execute();
    await t.db.updateTable("audit_log").set({ seq: rows[1]!.seq }).where("id", "=", rows[0]!.id).execute();
    expect(await verify()).toMatchObject({ ok: false, problem: "entry-altered" });
  });

  it("reports an inserted entry", async () => {
    await withCheckpoint();
    const first = await t.db.selectFrom("audit_log").selectAll().orderBy("seq").limit(1).executeTakeFirstOrThrow();
    // Slipped in before the first, with a well-formed (but unkeyed) link.
    await t.db.insertInto("audit_log").values({ ...first, seq: -5, id: "inserted", action: "user.login", old_values: null, new_values: null, prev_hash: "0".repeat(64) }).execute();
    expect(await verify()).toMatchObject({ ok: false, problem: "entry-altered", firstBadEntry: "inserted" });
  });

  it("cannot be recomputed without the key: a chain rebuilt with plain hashes is told apart", async () => {
    await withCheckpoint();
    await unguard();
    // An insider rewrites an entry and recomputes every hash after it — without the key.
    const rows = await t.db.selectFrom("audit_log").selectAll().orderBy("seq").execute();
    let prev = "0".repeat(64);
    for (const r of rows) {
      const fields = {
        id: r.id, at: r.at, actorId: r.actor_id, actorKind: r.actor_kind, actorName: r.id === rows[2]!.id ? "某人" : r.actor_name, ip: r.ip,
        requestId: r.request_id, action: r.action, objectType: r.object_type, objectId: r.object_id, caseId: r.case_id,
        oldValues: r.old_values, newValues: r.new_values,
      };
      const hash = entryHash(prev, fields, Buffer.alloc(32, 1));
      await t.db.updateTable("audit_log").set({ actor_name: fields.actorName, prev_hash: prev, hash }).where("id", "=", r.id).execute();
      prev = hash;
    }
    expect(await verify()).toMatchObject({ ok: false, problem: "entry-altered", firstBadEntry: rows[0]!.id });
  });

  it("reports a forged checkpoint", async () => {
    await withCheckpoint();
    const file = checkpointFile(t.platform.deps.config);
    const last = JSON.parse(fs.readFileSync(file, "utf8").trim().split("\n").pop()!);
    fs.appendFileSync(file, `${JSON.stringify({ ...last, id: "forged", entries: last.entries + 100, lastSeq: last.lastSeq + 100 })}\n`);
    expect(await verify()).toMatchObject({ ok: false, problem: "checkpoint-forged" });
  });
});

describe("refusals are evidence too", () => {
  it("audits denied requests and failed logins of unknown accounts", async () => {
    t = await startPlatform();
    const clerk = await t.login(staffWith("clerk").username);
    expect((await clerk.inject({ method: "GET", url: "/api/admin/staff-changes" })).statusCode).toBe(403);
    expect((await t.request({ method: "POST", url: "/api/auth/login", payload: { login: "13000000000", password: "Wrong#2026" } })).statusCode).toBe(401);
    const rows = await t.db.selectFrom("audit_log").select(["action", "new_values", "actor_kind"]).orderBy("seq", "desc").limit(5).execute();
    expect(rows.find((r) => r.action === "access.denied")).toMatchObject({ actor_kind: "staff", new_values: { method: "GET", route: "/api/admin/staff-changes", code: "FORBIDDEN" } });
    const failed = rows.find((r) => r.action === "user.login-failed");
    expect(failed?.new_values).toEqual({ reason: "unknown-account", loginKind: "phone" });
    // The login typed is not kept: it may be a phone or an ID number.
    expect(JSON.stringify(rows)).not.toContain("13000000000");
  });
});
