/**
 * The supervisors' screens on the generated cases: one department's red list (against a
 * partial-index lookup), the department totals (absolute time) and the monthly report.
 */
import { openPostgres } from "../../server/src/platform/db.ts";
import { shanghaiDay } from "../../server/src/platform/clock.ts";
import { supervisionPeriod } from "../../server/src/supervision/counts.ts";
import { casesByLight, departmentStats } from "../../server/src/supervision/statsRepository.ts";
import { monthlyCsvFloor, prepareRedListFloor, prepareTotalsFloor, redListFloorQuery, totalsFloorQuery, totalsScanQuery } from "../floors/sqlFloors.ts";
import { Session } from "../lib/http.ts";
import { hammer, withRssPeak } from "../lib/load.ts";
import { ratio, timings, type ScenarioContext } from "./context.ts";

const SUPERVISOR = "supervisor";

/** The department with the most red cases. */
async function reddestDepartment(ctx: ScenarioContext): Promise<{ id: string; red: number }> {
  const { rows } = await ctx.pool.query<{ id: string; red: string }>(
    "select lead_department_id as id, count(*) as red from cases where light = 'red' group by 1 order by 2 desc limit 1",
  );
  if (!rows[0]) throw new Error("no red cases");
  return { id: rows[0].id, red: Number(rows[0].red) };
}

export async function redListScenario(ctx: ScenarioContext) {
  const dept = await reddestDepartment(ctx);
  const supervisor = await Session.login(ctx.platform.url, SUPERVISOR);
  const n = ctx.opts.smoke ? 5 : 50;
  const handle = openPostgres(ctx.databaseUrl, 2);
  try {
    await prepareRedListFloor(ctx.pool);
    const query = await timings(n, () => casesByLight(handle.db, { all: true }, "red", dept.id, 200));
    const floor = await timings(n, () => redListFloorQuery(ctx.pool, dept.id));
    const path = `/api/supervision/cases?light=red&departmentId=${dept.id}&limit=200`;
    const sequential = await timings(n, () => supervisor.get(path));
    const load = await withRssPeak(ctx.platform.rssMiB, () =>
      hammer(ctx.platform.url, [path], { connections: ctx.opts.connections, durationS: ctx.opts.durationS, headers: { cookie: supervisor.cookie } }),
    );
    return {
      department: dept.id,
      redCasesOfDepartment: dept.red,
      limit: 200,
      platformQuery: query,
      partialIndexFloor: floor,
      queryRatio: ratio(query.medianMs, floor.medianMs),
      httpSequential: sequential,
      httpLoad: { ...load.value, rssMiB: load.rssMiB },
    };
  } finally {
    await handle.close();
  }
}

export async function totalsScenario(ctx: ScenarioContext) {
  const supervisor = await Session.login(ctx.platform.url, SUPERVISOR);
  const n = ctx.opts.smoke ? 3 : 10;
  // As the supervision screen asks by default: no period, the server's 365 whole days up to the end of today.
  const all = await timings(n, () => supervisor.get("/api/supervision/stats"));
  const dept = await reddestDepartment(ctx);
  const one = await timings(n, () => supervisor.get(`/api/supervision/stats?departmentId=${dept.id}`));
  // A period whose ends fall inside days (as an API client may ask): of each part day the smaller part is
  // counted from the cases, the part day itself or the rest of it (none after now) taken from its counters.
  const to = new Date();
  const from = new Date(to.getTime() - 365 * 86_400_000);
  const partDays = await timings(n, () => supervisor.get(`/api/supervision/stats?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`));
  // The totals query itself (departmentStats: the period's counters and the open counts, with names)
  // beside its floor, the bare sums of a copy of the daily counts; and what counting the cases costs.
  const period = supervisionPeriod(new Date());
  const handle = openPostgres(ctx.databaseUrl, 2);
  try {
    await prepareTotalsFloor(ctx.pool);
    const query = await timings(n, () => departmentStats(handle.db, { all: true }, period.from, period.to));
    const floor = await timings(n, () => totalsFloorQuery(ctx.pool, shanghaiDay(period.from), shanghaiDay(period.to)));
    const scan = await timings(ctx.opts.smoke ? 1 : 3, () => totalsScanQuery(ctx.pool, period.from, period.to));
    return {
      allDepartments: all, oneDepartment: one, allDepartmentsPartDays: partDays, targetMs: 50,
      platformQuery: query, countersFloor: floor, queryRatio: ratio(query.medianMs, floor.medianMs),
      scanWithoutCounters: scan, ratioToScan: ratio(query.medianMs, scan.medianMs),
    };
  } finally {
    await handle.close();
  }
}

export async function monthlyReportScenario(ctx: ScenarioContext) {
  const supervisor = await Session.login(ctx.platform.url, SUPERVISOR);
  const n = ctx.opts.smoke ? 2 : 5;
  const d = new Date();
  d.setMonth(d.getMonth() - 1);
  const month = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}`;
  const csv = await timings(n, () => supervisor.get(`/api/supervision/reports/monthly?month=${month}&format=csv`));
  const pdf = await timings(n, () => supervisor.get(`/api/supervision/reports/monthly?month=${month}&format=pdf`));
  // Floor: the month's sums per department from a bare copy of the daily counts, with names, as CSV
  // (in the bench process: no HTTP, no session, no columns beyond three).
  await prepareTotalsFloor(ctx.pool);
  const floor = await timings(n, () => monthlyCsvFloor(ctx.pool, month));
  return { month, csv, pdf, csvFloor: floor, csvRatio: ratio(csv.medianMs, floor.medianMs) };
}
