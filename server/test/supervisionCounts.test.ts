import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoCases } from "../src/seed/demoCases.ts";
import { recountAll, refreshCaseCounts } from "../src/supervision/counts.ts";
import { refreshLightsKept } from "../src/clock/lights.ts";
import { departmentStats, monthlyTrend } from "../src/supervision/statsRepository.ts";
import { runSweep } from "../src/cases/sweep.ts";
import { startPlatform, TEST_EPOCH, type TestPlatform } from "./helpers.ts";
import { staffWith } from "./fixtures.ts";
import { applicantOf, WorkflowDriver } from "./workflowDriver.ts";

// The supervision figures come from counters kept by every command (supervision/counts.ts). They must
// equal what counting the cases themselves gives, for any period — whole days, part days at either
// edge, a period inside one day — and stay equal as commands change cases.

let t: TestPlatform;
const ALL = { all: true } as const;

/** The figures counted from the cases themselves: the definition the counters must agree with. */
async function counted(from: Date, to: Date) {
  const r = await sql<{ department_id: string; received: number; accepted: number; closed: number; closed_on_time: number; avg: number | null; extended: number; deemed: number }>`
    select lead_department_id as department_id,
      count(*) filter (where received_at >= ${from} and received_at < ${to})::int as received,
      count(*) filter (where accepted_at >= ${from} and accepted_at < ${to})::int as accepted,
      count(*) filter (where status = 'closed' and closed_at >= ${from} and closed_at < ${to})::int as closed,
      count(*) filter (where status = 'closed' and closed_at >= ${from} and closed_at < ${to} and on_time)::int as closed_on_time,
      avg(used_working_days) filter (where status = 'closed' and closed_at >= ${from} and closed_at < ${to})::float8 as avg,
      count(*) filter (where extension_days > 0 and accepted_at >= ${from} and accepted_at < ${to})::int as extended,
      count(*) filter (where deemed_accepted and accepted_at >= ${from} and accepted_at < ${to})::int as deemed
    from cases group by 1`.execute(t.db);
  return new Map(r.rows.map((x) => [x.department_id, x]));
}

async function expectAgreement(from: Date, to: Date, now?: Date) {
  const truth = await counted(from, to);
  const stats = await departmentStats(t.db, ALL, from, to, undefined, now);
  for (const s of stats) {
    const c = truth.get(s.department_id);
    const expected = c ?? { received: 0, accepted: 0, closed: 0, closed_on_time: 0, avg: null, extended: 0, deemed: 0 };
    expect({ received: s.received, accepted: s.accepted, closed: s.closed, onTime: s.closed_on_time, extended: s.extended, deemed: s.deemed_accepted }, `${s.department_id} ${from.toISOString()}–${to.toISOString()}`).toEqual({
      received: expected.received, accepted: expected.accepted, closed: expected.closed, onTime: expected.closed_on_time, extended: expected.extended, deemed: expected.deemed,
    });
    if (expected.avg === null) expect(s.avg_working_days).toBeNull();
    else expect(s.avg_working_days).toBeCloseTo(expected.avg, 9);
  }
  // No department with a figure of the period is left out.
  const shown = new Set(stats.map((s) => s.department_id));
  for (const [id, c] of truth) if (c.received || c.accepted || c.closed || c.extended || c.deemed) expect(shown.has(id), id).toBe(true);
  // The trend per month sums to the same.
  const trend = await monthlyTrend(t.db, ALL, from, to, undefined, now);
  const sum = (xs: { n: number }[]) => xs.reduce((a, x) => a + x.n, 0);
  expect(sum(trend.received)).toBe([...truth.values()].reduce((a, c) => a + c.received, 0));
  expect(sum(trend.closed)).toBe([...truth.values()].reduce((a, c) => a + c.closed, 0));
}

/** The open cases' counters against the cases themselves. */
async function expectOpenAgreement() {
  const truth = await sql<{ department_id: string; red: number; yellow: number; suspended: number }>`
    select lead_department_id as department_id, count(*) filter (where light = 'red')::int as red, count(*) filter (where light = 'yellow')::int as yellow,
           count(*) filter (where suspended and status in ('accepted', 'in_progress', 'suspended', 'supplement_requested'))::int as suspended
    from cases group by 1`.execute(t.db);
  const stats = new Map((await departmentStats(t.db, ALL, new Date("2020-01-01"), new Date("2020-01-02"))).map((s) => [s.department_id, s]));
  for (const c of truth.rows) {
    const s = stats.get(c.department_id);
    expect({ red: s?.overdue ?? 0, yellow: s?.yellow ?? 0, suspended: s?.suspended ?? 0 }, c.department_id).toEqual({ red: c.red, yellow: c.yellow, suspended: c.suspended });
  }
  expect(truth.rows.some((c) => c.red || c.yellow)).toBe(true);
}

beforeAll(async () => {
  t = await startPlatform();
  // Cases in every state, spread over months (the demo's), all made by the platform's own commands.
  await seedDemoCases(t.platform.deps);
});
afterAll(async () => t.close());

describe("the supervision counters", () => {
  it("agree with the cases for any period: whole days, part days at the edges, inside one day", async () => {
    const span = await t.db.selectFrom("cases").select((eb) => [eb.fn.min("received_at").as("a"), eb.fn.max("closed_at").as("b")]).executeTakeFirstOrThrow();
    expect(span.a).toBeTruthy();
    const lo = new Date(span.a!).getTime() - 3 * 86_400_000;
    const hi = new Date(span.b ?? span.a!).getTime() + 3 * 86_400_000;
    expect(hi).toBeGreaterThan(lo);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: lo, max: hi }), fc.integer({ min: 1, max: hi - lo }), async (start, length) => {
        await expectAgreement(new Date(start), new Date(Math.min(start + length, hi + 86_400_000)));
      }),
      { numRuns: 40 },
    );
    // Exactly on Shanghai midnights, and a period of one minute.
    await expectAgreement(new Date("2026-01-01T00:00:00+08:00"), new Date("2027-01-01T00:00:00+08:00"));
    await expectAgreement(new Date(span.a!), new Date(new Date(span.a!).getTime() + 60_000));
    // Most of a day at either edge: read as that day's counters less the rest of the day.
    const day = 86_400_000;
    const midnight = Math.floor((new Date(span.a!).getTime() + 8 * 3_600_000) / day) * day - 8 * 3_600_000;
    await expectAgreement(new Date(midnight + 60_000), new Date(midnight + 10 * day - 60_000));
    await expectAgreement(new Date(midnight + 3 * 3_600_000), new Date(midnight + 40 * day + 20 * 3_600_000));
    await expectAgreement(new Date(midnight + 2 * 3_600_000), new Date(midnight + 22 * 3_600_000));
    // ... with cases in the rest of the day, which the counters' figures must lose: a period starting just
    // after a morning receipt, one ending at an afternoon receipt.
    const clock = t.platform.clock!;
    const saved = clock.now();
    const w = new WorkflowDriver(t);
    const applicant = await t.login(applicantOf("person", 1).phone);
    const receive = async (at: string) => {
      clock.set(new Date(at));
      const id = await w.apply("YB-JTYS-001", applicant);
      const c = await t.db.selectFrom("cases").select("received_at").where("id", "=", id).executeTakeFirstOrThrow();
      return new Date(c.received_at!).getTime();
    };
    const morning = await receive("2026-11-20T09:30:00+08:00");
    const afternoon = await receive("2026-11-24T16:30:00+08:00");
    clock.set(saved);
    await expectAgreement(new Date(morning + 1), new Date(afternoon + 7 * day));
    await expectAgreement(new Date(morning - 7 * day), new Date(afternoon));
    await expectAgreement(new Date(morning + 1), new Date(afternoon));
    await expectAgreement(new Date(morning + 1), new Date(morning + day + 10 * 3_600_000)); // two part days, no whole one
    // Told the time, the rest of a day is counted only up to now; an instant after now (a clock set
    // back, as in a demo) is still taken away exactly.
    await expectAgreement(new Date(morning - 7 * day), new Date("2026-11-24T08:00:00+08:00"), new Date("2026-11-24T09:00:00+08:00"));
    // A period to now, as the screens ask: the rest of today holds nothing yet.
    await expectAgreement(new Date(lo), saved, saved);
  });

  it("count the open cases that are red, yellow and suspended, also after the sweep moves the lights", async () => {
    await expectOpenAgreement();
    const later = new Date(t.platform.clock!.now().getTime() + 12 * 86_400_000);
    t.platform.clock!.set(later);
    const r = await runSweep(t.platform.deps, later);
    expect(r.lights.cases).toBeGreaterThan(0);
    await expectOpenAgreement();
    t.platform.clock!.set(TEST_EPOCH);
  });

  it("stay equal to the cases as commands move a case through its life, and to a recount from scratch", async () => {
    const w = new WorkflowDriver(t);
    const applicant = await t.login(applicantOf("person", 1).phone);
    const clerk = await t.login(staffWith("clerk", "500112-jtysw").username);
    const day = t.platform.clock!.now();
    const from = new Date(day.getTime() - 86_400_000);
    const to = new Date(day.getTime() + 86_400_000);
    const before = await departmentStats(t.db, ALL, from, to);
    const id = await w.apply("YB-JTYS-001", applicant);
    await expectAgreement(from, to);
    const accepted = await clerk.inject({ method: "POST", url: `/api/cases/${id}/accept` });
    expect(accepted.statusCode, accepted.body).toBe(200);
    await expectAgreement(from, to);
    const after = await departmentStats(t.db, ALL, from, to);
    const dept = (await t.db.selectFrom("cases").select("lead_department_id").where("id", "=", id).executeTakeFirstOrThrow()).lead_department_id;
    const of = (rows: typeof before) => rows.find((r) => r.department_id === dept) ?? { received: 0, accepted: 0 };
    expect(of(after).received - of(before).received).toBe(1);
    expect(of(after).accepted - of(before).accepted).toBe(1);

    // A recount from every case's contribution gives the counters the commands kept.
    const kept = await t.db.selectFrom("department_day_counts").selectAll().orderBy(["department_id", "region_code", "day"]).execute();
    await t.db.transaction().execute(async (trx) => {
      for (const q of recountAll()) await q.execute(trx);
    });
    const recounted = await t.db.selectFrom("department_day_counts").selectAll().orderBy(["department_id", "region_code", "day"]).execute();
    const nonZero = (rows: typeof kept) => rows.filter((r) => r.received || r.accepted || r.closed || r.extended || r.deemed_accepted || Number(r.used_days_n));
    expect(nonZero(recounted)).toEqual(nonZero(kept));
  });

  it("are kept by a lights pass in short transactions, each allowed longer statements than a request", async () => {
    const seen: { timeout: string; cases: number }[] = [];
    const open = await sql<{ n: number }>`select count(*)::int as n from cases
      where status in ('accepted', 'in_progress', 'supplement_requested') and not suspended and due_date is not null and light is distinct from 'red'`.execute(t.db);
    expect(open.rows[0]!.n).toBeGreaterThan(3);
    // A day far ahead: every open case turns red, so the pass hands their ids on to be kept, three at a time.
    const counts = await refreshLightsKept(t.db, "2030-01-02", undefined, async (trx, ids) => {
      seen.push({ timeout: (await sql<{ statement_timeout: string }>`show statement_timeout`.execute(trx)).rows[0]!.statement_timeout, cases: ids.length });
      await refreshCaseCounts(trx, ids);
    }, 3);
    expect(counts.cases).toBe(open.rows[0]!.n);
    expect(seen.length).toBe(Math.ceil(open.rows[0]!.n / 3));
    expect(Math.max(...seen.map((x) => x.cases))).toBe(3);
    expect(new Set(seen.map((x) => x.timeout))).toEqual(new Set(["10min"]));
    // Done: a second pass finds nothing to change.
    expect(await refreshLightsKept(t.db, "2030-01-02", undefined, async () => undefined, 3)).toEqual({ cases: 0, tasks: 0, escalations: 0 });
    // Outside the pass, a statement has a request's limit again (30 s on PostgreSQL; none on the embedded database).
    expect((await sql<{ statement_timeout: string }>`show statement_timeout`.execute(t.db)).rows[0]!.statement_timeout).not.toBe("10min");
    await expectOpenAgreement();
  });
});
