// A separate server-like process for server/test/processes.test.ts: it runs the durable jobs of the
// database in DATABASE_URL in a loop, as the scheduler of every server process does. Job kinds:
// "count" records its key once in job_effects; "stuck" says so on stdout and never finishes (the test
// then kills this process with SIGKILL, mid-job); "audited" runs a command with two audit records.
import { sql } from "kysely";
import { loadConfig } from "../src/platform/config.ts";
import { openPostgres } from "../src/platform/db.ts";
import { runDueJobs, type JobHandler } from "../src/platform/jobs.ts";
import { createLogger } from "../src/platform/logger.ts";
import { systemClock } from "../src/platform/clock.ts";
import { LocalFileStore } from "../src/platform/files.ts";
import { platformDeps } from "../src/deps.ts";
import { runPlatformCommand } from "../src/audit/command.ts";

const handle = openPostgres(process.env.DATABASE_URL!, 4);
const deps = platformDeps({ config: loadConfig({ NODE_ENV: "test" }), db: handle.db, dbKind: "postgres", clock: systemClock, files: new LocalFileStore("/tmp"), logger: createLogger("silent") });
const workerId = `runner-${process.pid}`;
const handlers: Record<string, JobHandler> = {
  count: async (d, payload) => {
    await sql`insert into job_effects (job_key, worker) values (${String(payload.key)}, ${workerId})`.execute(d.db);
  },
  audited: async (d, payload, now) => {
    await runPlatformCommand(d, now, async (ctx) => {
      for (const part of [1, 2]) await ctx.audit({ action: "case.verified", objectType: "job", objectId: String(payload.key), newValues: { key: payload.key, part, worker: workerId } });
    });
  },
  stuck: async () => {
    process.stdout.write(`stuck ${workerId}\n`);
    await new Promise(() => undefined);
  },
};
process.stdout.write(`ready ${workerId}\n`);
for (;;) {
  const ran = await runDueJobs(deps, handlers, workerId, systemClock.now(), 5);
  if (!ran) await new Promise((r) => setTimeout(r, 20));
}
