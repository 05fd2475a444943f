import cluster from "node:cluster";
import { createPlatform } from "./bootstrap.ts";
import type { Config } from "./platform/config.ts";
import { createLogger } from "./platform/logger.ts";

/**
 * Several server processes on one PostgreSQL (WORKERS=N): the primary prepares the database once
 * (migrations, re-sealing, the calendar, an empty demo database's data), then forks N workers that
 * share the port (node:cluster hands connections round-robin). Every worker serves HTTP and runs the
 * scheduler: jobs, the outbox and webhook deliveries are claimed with FOR UPDATE SKIP LOCKED, so each
 * runs once whatever the number of processes. A worker that dies is replaced; SIGTERM/SIGINT stop all.
 * The embedded database (PGlite) serves one process: more than one worker needs DATABASE_URL.
 */

export function clusterProblem(config: Config): string | null {
  if (config.workers > 1 && !config.databaseUrl) return "WORKERS > 1 needs PostgreSQL (DATABASE_URL): the embedded database serves one process";
  return null;
}

/** Whether this process is a worker forked by the primary (it serves as a single process does). */
export const isClusterWorker = (): boolean => cluster.isWorker;

/** The primary: prepares the database, forks the workers and keeps their number; resolves when all have stopped. */
export async function runClusterPrimary(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel);
  const prepared = await createPlatform(config, { scheduler: false, serveWeb: false });
  await prepared.close();
  let stopping = false;
  const fork = () => cluster.fork({ CQ_CLUSTER_WORKER: "1" });
  for (let i = 0; i < config.workers; i++) fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) return;
    logger.warn({ pid: worker.process.pid, code, signal }, "a server process stopped; starting another");
    fork();
  });
  logger.info({ workers: config.workers, port: config.port }, "server processes started");
  await new Promise<void>((resolve) => {
    const stop = () => {
      if (stopping) return;
      stopping = true;
      const workers = Object.values(cluster.workers ?? {});
      let left = workers.length;
      if (!left) resolve();
      for (const w of workers) {
        w?.once("exit", () => --left === 0 && resolve());
        w?.process.kill("SIGTERM");
      }
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
