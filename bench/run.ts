/**
 * Benchmarks of the supervision lights on PostgreSQL: the set-based lights refresh and the red list
 * of one department, over 100k and 1M open cases. Results go to bench/results/.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench [-- 100000 1000000]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { ensureCalendar } from "../server/src/clock/ensureCalendar.ts";
import { refreshLightsKept } from "../server/src/clock/lights.ts";
import { refreshCaseCounts } from "../server/src/supervision/counts.ts";
import { AdjustableClock } from "../server/src/platform/clock.ts";
import { loadConfig } from "../server/src/platform/config.ts";
import type { Deps } from "../server/src/platform/context.ts";
import { openPostgres } from "../server/src/platform/db.ts";
import { LocalFileStore } from "../server/src/platform/files.ts";
import { createLogger } from "../server/src/platform/logger.ts";
import { migrateToLatest } from "../server/src/platform/migrate.ts";
import { demoData } from "../server/src/seed/demo-data.ts";
import { seedDemo } from "../server/src/seed/seed.ts";
import { casesByLight } from "../server/src/supervision/statsRepository.ts";
import { platformDeps } from "../server/src/deps.ts";

const baseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [100_000, 1_000_000];
const TODAY = "2026-12-15";

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: Math.round((performance.now() - t0) * 10) / 10, value };
}

async function median(n: number, fn: () => Promise<unknown>): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < n; i++) runs.push((await timed(fn)).ms);
  runs.sort((a, b) => a - b);
  return runs[Math.floor(runs.length / 2)]!;
}

async function benchSize(size: number) {
  const name = `cq_bench_${process.pid}_${size}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString(), 4);
  try {
    await migrateToLatest(handle.db as never);
    const clock = new AdjustableClock();
    clock.set(new Date("2026-11-27T09:00:00+08:00"));
    const deps: Deps = platformDeps({
      config: { ...loadConfig({ NODE_ENV: "test" }), dataDir: os.tmpdir() },
      db: handle.db, dbKind: "postgres", clock, files: new LocalFileStore(path.join(os.tmpdir(), "cq-bench-files")), logger: createLogger("silent"),
    });
    await ensureCalendar(handle.db, clock.now());
    await seedDemo(deps, demoData);

    // Open cases spread over every department and item, with due dates around TODAY, and one open task each.
    const load = await timed(async () => {
      await sql`
        insert into cases (id, item_id, item_version_id, applicant_id, channel, status, region_code, lead_department_id, form_data, round,
                           created_at, updated_at, submitted_at, received_at, accepted_at, due_date, yellow_from, light, supervision_code)
        select 'bench-' || g, i.id, i.current_version_id, (select id from users where kind = 'applicant' limit 1), 'online', 'in_progress',
               i.region_code, i.department_id, '{}'::jsonb, 1, now(), now(), now(), now(), now(),
               to_char(date '2026-12-01' + (g % 40), 'YYYY-MM-DD'), to_char(date '2026-11-27' + (g % 40), 'YYYY-MM-DD'), 'green',
               'BENCH-' || g
        from generate_series(1, ${size}) g
        join lateral (select id, current_version_id, region_code, department_id from items order by id offset (g % (select count(*) from items)) limit 1) i on true`.execute(handle.db);
      await sql`
        insert into tasks (id, case_id, step_id, step_index, kind, name, department_id, role, status, working_days, round, opened_at, due_date, yellow_from, light)
        select 'bench-t-' || c.id, c.id, 'review', 1, 'review', '承办审查', c.lead_department_id, 'handler', 'open', 2, 1, now(), c.due_date, c.yellow_from, 'green'
        from cases c where c.id like 'bench-%'`.execute(handle.db);
      await sql`analyze cases`.execute(handle.db);
      await sql`analyze tasks`.execute(handle.db);
    });

    // A full pass (first run: everything is checked), then the daily incremental pass: the next day.
    const first = await timed(() => refreshLightsKept(handle.db, TODAY, undefined, refreshCaseCounts));
    await sql`analyze cases`.execute(handle.db);
    await sql`analyze tasks`.execute(handle.db);
    const NEXT = "2026-12-16";
    const daily = await timed(() => refreshLightsKept(handle.db, NEXT, TODAY, refreshCaseCounts));
    const refreshPlan = await sql<{ "QUERY PLAN": string }>`explain update cases set light = 'red'
      where ((light = 'green' and yellow_from > ${TODAY} and yellow_from <= ${NEXT}) or (light in ('green', 'yellow') and due_date >= ${TODAY} and due_date < ${NEXT}))
      and status in ('accepted', 'in_progress', 'supplement_requested') and not suspended and due_date is not null`.execute(handle.db);
    const steady = await median(5, () => refreshLightsKept(handle.db, NEXT, NEXT, refreshCaseCounts));
    const dept = await handle.db.selectFrom("departments").select("id").where("code", "=", "500112-scjgj").executeTakeFirstOrThrow();
    const scope = { all: true } as const;
    const redCount = await handle.db.selectFrom("cases").select((eb) => eb.fn.countAll<string>().as("n")).where("lead_department_id", "=", dept.id).where("light", "=", "red").executeTakeFirstOrThrow();
    const redList = await median(7, () => casesByLight(handle.db, scope, "red", dept.id, 200));
    const plan = await sql<{ "QUERY PLAN": string }>`explain select id from cases where lead_department_id = ${dept.id} and light = 'red' order by due_date limit 200`.execute(handle.db);
    const planText = plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
    const size_ = await sql<{ s: string }>`select pg_size_pretty(pg_database_size(current_database())) as s`.execute(handle.db);
    return {
      openCases: size,
      openTasks: size,
      loadMs: load.ms,
      lightsRefresh: {
        fullPassMs: first.ms,
        fullPassChanged: first.value,
        dailyIncrementalMs: daily.ms,
        dailyIncrementalChanged: daily.value,
        quietRerunMedianMs: steady,
        plan: refreshPlan.rows.map((r) => r["QUERY PLAN"]).join("\n"),
      },
      redListOfOneDepartment: { medianMs: redList, redCasesOfDepartment: Number(redCount.n), limit: 200, usesIndex: /Index/.test(planText), plan: planText },
      databaseSize: size_.rows[0]?.s,
    };
  } finally {
    await handle.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const results = [];
for (const size of SIZES) {
  console.log(`benchmarking ${size.toLocaleString()} open cases…`);
  const r = await benchSize(size);
  console.log(JSON.stringify({ ...r, redListOfOneDepartment: { ...r.redListOfOneDepartment, plan: undefined } }, null, 2));
  console.log(r.lightsRefresh.plan);
  results.push(r);
}
const server = await (async () => {
  const c = new pg.Client({ connectionString: baseUrl });
  await c.connect();
  const v = (await c.query("show server_version")).rows[0].server_version as string;
  await c.end();
  return v;
})();
const out = {
  benchmark: "supervision lights",
  at: new Date().toISOString(),
  machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, postgres: server },
  today: TODAY,
  results,
};
const dir = path.resolve(import.meta.dirname, "results");
fs.mkdirSync(dir, { recursive: true });
const file = path.join(dir, `lights-${out.at.slice(0, 10)}.json`);
fs.writeFileSync(file, JSON.stringify(out, null, 2) + "\n");
console.log(`written ${path.relative(process.cwd(), file)}`);
process.exit(0);
