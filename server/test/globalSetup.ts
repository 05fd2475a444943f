import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { AdjustableClock } from "../src/platform/clock.ts";
import { loadConfig } from "../src/platform/config.ts";
import type { Deps } from "../src/platform/context.ts";
import { type DatabaseHandle, openPglite, openPostgres } from "../src/platform/db.ts";
import { LocalFileStore } from "../src/platform/files.ts";
import { createLogger } from "../src/platform/logger.ts";
import { migrateToLatest } from "../src/platform/migrate.ts";
import { demoData } from "../src/seed/demo-data.ts";
import { seedDemo } from "../src/seed/seed.ts";
import { ensureCalendar } from "../src/clock/ensureCalendar.ts";
import { platformDeps } from "../src/deps.ts";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
    workDir: string;
  }
}

export const TEST_EPOCH = new Date("2026-11-27T09:00:00+08:00");

async function prepare(handle: DatabaseHandle, workDir: string): Promise<void> {
  await migrateToLatest(handle.db as never);
  const clock = new AdjustableClock();
  clock.set(TEST_EPOCH);
  const deps: Deps = platformDeps({
    config: { ...loadConfig({ NODE_ENV: "test" }), dataDir: workDir },
    db: handle.db,
    dbKind: handle.kind,
    clock,
    files: new LocalFileStore(path.join(workDir, "files")),
    logger: createLogger("silent"),
  });
  await ensureCalendar(handle.db, TEST_EPOCH);
  await seedDemo(deps, demoData);
}

/** Builds one migrated, seeded template database; every test file starts from a copy of it. */
export default async function setup(project: TestProject) {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "cq-test-"));
  project.provide("workDir", workDir);
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const name = `cq_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const handle = openPostgres(target.toString(), 2);
    await prepare(handle, workDir);
    await handle.close();
    project.provide("pgTemplate", name);
    project.provide("pgliteTemplate", "");
    return async () => {
      // Drop every database the test files cloned, then the template.
      const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`cq_t_${process.pid}_%`]);
      for (const r of rows) await admin.query(`drop database if exists ${r.datname} with (force)`);
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
      fs.rmSync(workDir, { recursive: true, force: true });
    };
  }
  const handle = await openPglite(undefined);
  await prepare(handle, workDir);
  const dump = await handle.pglite!.dumpDataDir("none");
  const file = path.join(workDir, "template.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide("pgliteTemplate", file);
  project.provide("pgTemplate", "");
  return () => fs.rmSync(workDir, { recursive: true, force: true });
}
