import type { FastifyInstance } from "fastify";
import { buildApp } from "./app.ts";
import { AdjustableClock, systemClock } from "./platform/clock.ts";
import type { Config } from "./platform/config.ts";
import type { Deps } from "./platform/context.ts";
import { type DatabaseHandle, openDatabase } from "./platform/db.ts";
import { fileStoreOf } from "./platform/files.ts";
import { createLogger } from "./platform/logger.ts";
import { migrateToLatest } from "./platform/migrate.ts";
import { demoData } from "./seed/demo-data.ts";
import { isEmpty, seedDemo } from "./seed/seed.ts";
import { seedDemoCases } from "./seed/demoCases.ts";
import { ensureCalendar } from "./clock/ensureCalendar.ts";
import { startScheduler } from "./scheduler.ts";
import { newId } from "./platform/ids.ts";
import { personalDataOf } from "./platform/personalData.ts";
import { sealPersonalData } from "./ops/personalData.ts";
import { closeSenders } from "./platform/senders.ts";
import { platformDeps } from "./deps.ts";

export interface Platform {
  app: FastifyInstance;
  deps: Deps;
  handle: DatabaseHandle;
  clock: AdjustableClock | undefined;
  close(): Promise<void>;
}

/** Opens the database, migrates, seeds the demo on an empty demo database, and builds the app. */
export async function createPlatform(config: Config, opts: { handle?: DatabaseHandle; serveWeb?: boolean; scheduler?: boolean } = {}): Promise<Platform> {
  const logger = createLogger(config.logLevel);
  const handle =
    opts.handle ??
    (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }, (err) => logger.warn({ err: { message: err.message } }, "database connection lost; it is replaced on next use")));
  await migrateToLatest(handle.db as never);
  const sealed = await sealPersonalData(handle.db, personalDataOf(config));
  if (!sealed.skipped && sealed.values) logger.info({ values: sealed.values }, "personal data sealed under the current key");
  const clock = config.demo ? new AdjustableClock(systemClock) : undefined;
  const deps: Deps = platformDeps({
    config,
    db: handle.db,
    dbKind: handle.kind,
    clock: clock ?? systemClock,
    files: fileStoreOf(config),
    logger,
  });
  // A store that cannot be used is said at once (and by /readyz until fixed); it may come back, so the platform still starts.
  await deps.files.check?.().catch((err: Error) => logger.error({ err: { message: err.message } }, "the file store is not usable: uploads and documents fail until it is (FILE_STORE, S3_* settings)"));
  await ensureCalendar(handle.db, deps.clock.now());
  if (config.demo && (await isEmpty(handle.db))) {
    logger.info("empty database: loading the demo data");
    await seedDemo(deps, demoData);
    // About four months of cases in every state, through the real commands (the first look is not empty).
    if (config.demoCases) {
      try {
        logger.info({ demoCases: await seedDemoCases(deps) }, "demo cases created");
      } catch (err) {
        logger.error({ err }, "demo cases could not be created; the platform starts without them");
      }
    }
  }
  if (config.env === "production" && (!config.sms || !config.smtp)) {
    logger.warn({ sms: !!config.sms, mail: !!config.smtp }, "no sender configured for a channel: its messages are marked failed in the outbox (see docs/notifications.md)");
  }
  const app = await buildApp(deps, { devClock: clock, serveWeb: opts.serveWeb });
  const stopScheduler = opts.scheduler === false ? async () => undefined : startScheduler(deps, `${process.pid}-${newId().slice(0, 8)}`);
  return {
    app,
    deps,
    handle,
    clock,
    close: async () => {
      await stopScheduler();
      await app.close();
      closeSenders(config);
      if (!opts.handle) await handle.close();
    },
  };
}
