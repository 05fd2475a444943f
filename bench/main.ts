/**
 * The benchmark runner: for each size, a bench database (cq_bench_<size>) prepared by the platform
 * itself (migrations, demo catalog and staff), filled by bench/generate.ts, then each scenario beside
 * its floor, measured in the same run on the same database. Results: bench/results/*.json.
 *
 *   npm run build
 *   npm run bench -- --sizes 10000,1000000 --scenarios progress,lifecycle --duration 10 --connections 32 --clients 16
 *   npm run bench:smoke
 *
 * BENCH_DATABASE_URL names the PostgreSQL server (default postgres://postgres@127.0.0.1:5432/postgres);
 * --keep keeps the bench databases for the next run (the generator reuses a complete one);
 * --process-cpu C (default 0.4) is the CPU budget, in cores, each server process is held to when one
 * and two processes are compared under equal budgets (0 leaves that comparison out; needs root and a cpu cgroup).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { prepareFloorSchema } from "./floors/sqlFloors.ts";
import { generateCases } from "./generate.ts";
import { startPlatform } from "./lib/processes.ts";
import type { RunOptions, ScenarioContext } from "./scenarios/context.ts";
import { lifecycleScenario } from "./scenarios/lifecycle.ts";
import { lightsScenario } from "./scenarios/lights.ts";
import { progressScenario } from "./scenarios/progress.ts";
import { submissionScenario } from "./scenarios/submission.ts";
import { monthlyReportScenario, redListScenario, totalsScenario } from "./scenarios/supervision.ts";

const SCENARIOS: Record<string, (ctx: ScenarioContext) => Promise<object>> = {
  progress: progressScenario,
  submission: submissionScenario,
  lifecycle: lifecycleScenario,
  redList: redListScenario,
  totals: totalsScenario,
  monthlyReport: monthlyReportScenario,
  lights: lightsScenario,
};

const { values } = parseArgs({
  options: {
    sizes: { type: "string" },
    scenarios: { type: "string" },
    duration: { type: "string" },
    connections: { type: "string" },
    clients: { type: "string" },
    smoke: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    profile: { type: "string" },
    "process-cpu": { type: "string" },
    out: { type: "string" },
  },
});
const smoke = values.smoke;
const opts: RunOptions = {
  sizes: (values.sizes ?? (smoke ? "2000" : "10000")).split(",").map((s) => Number(s.replace(/_/g, ""))).filter((n) => n > 0),
  // `--scenarios none` only prepares the data (with --keep, for a later run).
  scenarios: values.scenarios ? values.scenarios.split(",").filter((s) => s && s !== "none") : Object.keys(SCENARIOS),
  durationS: Number(values.duration ?? (smoke ? 1 : 10)),
  connections: Number(values.connections ?? (smoke ? 8 : 32)),
  clients: Number(values.clients ?? (smoke ? 4 : 16)),
  smoke,
  keep: values.keep,
  processCpu: Number(values["process-cpu"] ?? 0.4),
  ...(values.profile ? { profileDir: path.resolve(values.profile) } : {}),
};
for (const s of opts.scenarios) if (!SCENARIOS[s]) throw new Error(`unknown scenario ${s} (known: ${Object.keys(SCENARIOS).join(", ")})`);

const baseUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const log = (line: string) => console.log(line);

async function machine() {
  const c = new pg.Client({ connectionString: baseUrl });
  await c.connect();
  const version = (await c.query("show server_version")).rows[0].server_version as string;
  await c.end();
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres: version,
    platform: `${os.type()} ${os.release()}`,
  };
}

async function ensureDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    const exists = (await admin.query("select 1 from pg_database where datname = $1", [name])).rowCount;
    if (!exists) await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
  fs.rmSync(path.join(os.tmpdir(), `cq-bench-data-${name}`), { recursive: true, force: true });
}

async function benchSize(size: number, port: number) {
  const name = `cq_bench_${size}`;
  const databaseUrl = await ensureDatabase(name);
  log(`\n== ${size.toLocaleString()} cases (database ${name}) ==`);
  // The platform prepares its database (migrations, demo catalog and staff); then the bulk load.
  let platform = await startPlatform(databaseUrl, port);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const out: Record<string, unknown> = {};
  let errors = 0;
  try {
    await platform.stop();
    const generated = await generateCases(databaseUrl, size, log);
    const dbSize = (await pool.query("select pg_size_pretty(pg_database_size(current_database())) as s")).rows[0].s as string;
    out.data = { cases: size, generateMs: generated.ms, databaseSize: dbSize };
    await prepareFloorSchema(pool);
    platform = await startPlatform(databaseUrl, port, opts.profileDir);
    out.platformIdleRssMiB = platform.rssMiB();
    log(`  platform pid ${platform.pid}, its log: ${platform.logFile}`);
    const ctx: ScenarioContext = { size, databaseUrl, platform, pool, opts, log, floorPort: port + 1 };
    for (const s of opts.scenarios) {
      log(`  ${s}…`);
      try {
        const r = await SCENARIOS[s]!(ctx);
        out[s] = r;
        const failed = JSON.stringify(r).match(/"(errors|non2xx)":([1-9]\d*)/g);
        if (failed) {
          errors++;
          log(`    errors: ${failed.join(" ")}`);
        }
        log(`    ${JSON.stringify(summary(s, r))}`);
      } catch (e) {
        errors++;
        out[s] = { failed: e instanceof Error ? e.message : String(e) };
        log(`    FAILED: ${e instanceof Error ? e.stack : String(e)}`);
      }
    }
  } finally {
    await platform.stop();
    await pool.query("drop schema if exists bench_floor cascade").catch(() => undefined);
    await pool.end();
    if (!opts.keep) await dropDatabase(name);
  }
  return { out, errors };
}

/** The headline figures of a scenario's result, for the console. */
function summary(name: string, r: object): unknown {
  const x = r as Record<string, Record<string, unknown> | unknown>;
  const pick = (o: unknown, ...keys: string[]) => Object.fromEntries(keys.map((k) => [k, (o as Record<string, unknown> | undefined)?.[k]]));
  switch (name) {
    case "progress":
      return { platform: pick(x.platform, "requestsPerSecond", "p50Ms", "p99Ms", "rssMiB"), floor: pick(x.floor, "requestsPerSecond", "p99Ms"), ...pick(x, "throughputRatio", "p99Ratio") };
    case "submission":
      return { platform: pick(x.platform, "perSecond", "p99Ms"), floor: pick(x.floor, "perSecond", "p99Ms"), ...pick(x, "throughputRatio", "p99Ratio") };
    case "lifecycle":
      return { casesPerSecond: pick(x.platform, "perSecond").perSecond, rawSql: pick(x.rawSqlFloor, "perSecond").perSecond, bpmn: pick(x.bpmnEngine, "perSecond").perSecond, ...pick(x, "requestsPerCase", "ratioToRawSql", "ratioToBpmnEngine") };
    default:
      return r;
  }
}

const started = new Date();
const loadAtStart = os.loadavg().map((x) => Math.round(x * 10) / 10);
const results: Record<string, unknown> = {};
let failures = 0;
const port = 3900 + (process.pid % 50) * 2;
for (const size of opts.sizes) {
  const { out, errors } = await benchSize(size, port);
  results[String(size)] = out;
  failures += errors;
}
const report = {
  benchmark: "performance at city scale",
  at: started.toISOString(),
  machine: { ...(await machine()), loadAverage1m: { atStart: loadAtStart[0], atEnd: Math.round(os.loadavg()[0]! * 10) / 10 }, note: process.env.BENCH_MACHINE_NOTE ?? null },
  options: opts,
  results,
};
const file = values.out
  ? path.resolve(values.out)
  : smoke
    ? path.join(os.tmpdir(), `cq-bench-smoke-${process.pid}.json`)
    : path.resolve(import.meta.dirname, "results", `bench-${started.toISOString().slice(0, 16).replace(":", "")}-${opts.sizes.join("_")}.json`);
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
log(`\nwritten ${file}${failures ? `; ${failures} scenario(s) with errors` : ""}`);
process.exit(failures ? 1 : 0);
