import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../src/audit/command.ts";
import { verifyAuditChain } from "../src/audit/verify.ts";
import { systemActor } from "../src/platform/actor.ts";
import type { Deps } from "../src/platform/context.ts";
import { startPlatform, type TestPlatform } from "./helpers.ts";
import { applicantOf, WorkflowDriver } from "./workflowDriver.ts";

// The sequencer (audit/sequencer.ts): commands commit without waiting for one another; their audit
// records are linked into the chain and their events numbered after the commit, in the order they
// became visible. A command returns once that is done; what a process left unlinked when it died is
// linked by the next pass anywhere.

let t: TestPlatform;
let caseId: string;
const META = { ip: null, requestId: null };

/** A command of the platform: two audit records in order and one event of a case. */
const command = (deps: Deps, n: number) =>
  runCommand(deps, systemActor("platform"), META, async (ctx) => {
    await ctx.audit({ action: "case.verified", objectType: "case", objectId: caseId, caseId, newValues: { n, part: 1 } });
    await ctx.audit({ action: "case.verified", objectType: "case", objectId: caseId, caseId, newValues: { n, part: 2 } });
    ctx.event({ type: "case.extended", caseId, data: { extension: { workingDays: n } } });
  });

/** Audit records waiting to be linked (a command's records wait together, in one row). */
const pending = async () => Number((await sql<{ n: number }>`select coalesce(sum(jsonb_array_length(entries)), 0)::int as n from audit_pending`.execute(t.db)).rows[0]!.n);
const unnumbered = async () => Number((await t.db.selectFrom("integration_events").select((eb) => eb.fn.countAll<number>().as("n")).where("seq", "is", null).executeTakeFirstOrThrow()).n);
const records = () =>
  t.db.selectFrom("audit_log").select(["seq", "new_values"]).where("action", "=", "case.verified").where("object_id", "=", caseId).orderBy("seq").execute();

beforeAll(async () => {
  t = await startPlatform();
  const w = new WorkflowDriver(t);
  caseId = await w.apply("YB-JTYS-001", await t.login(applicantOf("person", 1).phone));
});
afterAll(async () => t.close());

describe("the sequencer", () => {
  it("a command returns with its records in the chain and its events numbered", async () => {
    const before = (await records()).length;
    await command(t.platform.deps, 1);
    expect(await pending()).toBe(0);
    expect(await unnumbered()).toBe(0);
    const rows = await records();
    expect(rows.length).toBe(before + 2);
    expect(rows.slice(-2).map((r) => (r.new_values as { part: number }).part)).toEqual([1, 2]);
    expect((await verifyAuditChain(t.db, t.platform.deps.config)).ok).toBe(true);
  });

  it("links what a process committed but did not live to link, at the next pass anywhere, and keeps it out of the feed until then", async () => {
    // A process that stops right after its commit: its records wait in audit_pending, its event unnumbered.
    const dying: Deps = { ...t.platform.deps, sequence: async () => undefined };
    const before = (await records()).length;
    await command(dying, 7);
    expect(await pending()).toBe(2);
    expect(await unnumbered()).toBeGreaterThan(0);
    expect((await records()).length).toBe(before);
    // The chain of what is linked still holds meanwhile.
    expect((await verifyAuditChain(t.db, t.platform.deps.config)).ok).toBe(true);

    await t.platform.deps.sequence();
    expect(await pending()).toBe(0);
    expect(await unnumbered()).toBe(0);
    const rows = await records();
    expect(rows.slice(-2).map((r) => r.new_values)).toEqual([{ n: 7, part: 1 }, { n: 7, part: 2 }]);
    expect((await verifyAuditChain(t.db, t.platform.deps.config)).ok).toBe(true);
  });

  it("a verification asked over HTTP links what is pending first", async () => {
    const dying: Deps = { ...t.platform.deps, sequence: async () => undefined };
    await command(dying, 8);
    expect(await pending()).toBe(2);
    const auditor = await t.login("supervisor");
    const res = await auditor.inject({ method: "GET", url: "/api/audit/verify" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ok: true });
    expect(await pending()).toBe(0);
  });

  it("commands in parallel: every record linked once, each command's records together and in order, each event numbered once", async () => {
    const before = (await records()).length;
    const n = 24;
    await Promise.all(Array.from({ length: n }, (_, i) => command(t.platform.deps, 100 + i)));
    expect(await pending()).toBe(0);
    expect(await unnumbered()).toBe(0);
    const rows = (await records()).slice(before);
    expect(rows.length).toBe(2 * n);
    const values = rows.map((r) => r.new_values as { n: number; part: number });
    for (let i = 0; i < values.length; i += 2) {
      expect(values[i]!.part).toBe(1);
      expect(values[i + 1]).toEqual({ n: values[i]!.n, part: 2 });
    }
    expect(new Set(values.map((v) => v.n)).size).toBe(n);
    const events = await t.db
      .selectFrom("integration_events")
      .select(sql<string>`seq::text`.as("seq"))
      .where("case_id", "=", caseId)
      .orderBy("seq")
      .execute();
    expect(new Set(events.map((e) => e.seq)).size).toBe(events.length);
    expect((await verifyAuditChain(t.db, t.platform.deps.config)).ok).toBe(true);
  });
});
