import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createInterface } from "node:readline/promises";
import { createPlatform } from "./bootstrap.ts";
import { clusterProblem, isClusterWorker, runClusterPrimary } from "./cluster.ts";
import { auditKeysOf } from "./audit/keys.ts";
import { personalDataOf } from "./platform/personalData.ts";
import { sealPersonalData } from "./ops/personalData.ts";
import { sequencePending } from "./audit/sequencer.ts";
import { verifyAuditChain } from "./audit/verify.ts";
import { auditedBackup, restore, summaryLine } from "./ops/backup.ts";
import { type OpsSocket, requestBackup, startOpsSocket } from "./ops/socket.ts";
import { catalogFileText, exportCatalog } from "./catalog/file/exportCatalog.ts";
import { problemLine } from "./catalog/file/format.ts";
import { fileProblemsOf, importCatalog, readCatalogFile, reportLines } from "./catalog/file/importCatalog.ts";
import { ensureCalendar } from "./clock/ensureCalendar.ts";
import { createPlatformAdmin, hasPlatformAdmin } from "./identity/commands/createPlatformAdmin.ts";
import { systemClock } from "./platform/clock.ts";
import { type Config, loadConfig } from "./platform/config.ts";
import type { Deps } from "./platform/context.ts";
import { type DatabaseHandle, DatabaseInUseError, openDatabase } from "./platform/db.ts";
import { fileStoreOf } from "./platform/files.ts";
import { createLogger } from "./platform/logger.ts";
import { migrateToLatest } from "./platform/migrate.ts";
import { runsCompiled } from "./platform/paths.ts";
import { isDemoSeeded } from "./seed/seed.ts";
import { outboxCounts, undeliveredMessages } from "./platform/delivery.ts";
import { retryFailedMessages } from "./ops/outbox.ts";
import { publicKeys } from "./certificates/keys.ts";
import { verifyCertificateCommand } from "./certificates/offline/verifyCommand.ts";
import { platformDeps } from "./deps.ts";

const usage = `usage: main.ts <command>
  start          migrate, (demo: seed an empty database) and serve HTTP on PORT (default 3000);
                 WORKERS=N runs N server processes sharing the port (PostgreSQL only)
  migrate        bring the database schema up to date
  create-admin   create a platform admin: --username --name --phone --id-number (password from ADMIN_PASSWORD or prompt)
  personal-data-reseal
                 seal every stored ID number, phone number and second-factor secret under PERSONAL_DATA_KEY
                 (after a rotation: the old key in PERSONAL_DATA_PREVIOUS_KEYS); start does it too when needed
  audit-verify   recompute the keyed audit chain against its newest signed checkpoint; exit 1 naming the problem
  backup DIR     write a consistent backup of the database, the stored files and the audit checkpoints
                 to DIR, with a manifest of hashes, while the platform runs (on the embedded database
                 the running platform writes it, asked over its operations socket $DATA_DIR/ops.sock)
  restore DIR    restore a backup into an empty database and file store, then verify the audit chain
                 (never into a running platform's database)
  import-catalog FILE
                 load regions, departments, service halls and items from a catalog file (docs/catalog-format.md):
                 creates what is missing, changes what differs, leaves the rest; a file with any problem is
                 refused whole, with each problem's path (exit code 1)
  outbox [retry [ID…]]
                 the outbox's messages by state and those not delivered (addresses never shown); "retry"
                 puts the failed ones (or those named) back in the queue, e.g. after a sender was fixed
  export-catalog FILE
                 write the whole catalog as a catalog file, in a stable order (FILE "-": standard output)
  verify-certificate FILE [--keys KEYS.json | --keys-url URL]
                 verify a certificate's signed file (or a licence PDF with it attached) offline with the
                 published keys; prints the particulars and VALID or INVALID (exit 0 valid, 1 invalid, 2 usage)`;

/** What a command-line command needs to run platform commands: the platform's clock, files and logger on the database. */
function cliDeps(config: Config, handle: DatabaseHandle): Deps {
  return platformDeps({
    config, db: handle.db, dbKind: handle.kind, clock: systemClock, files: fileStoreOf(config),
    logger: createLogger(config.logLevel),
  });
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const config = loadConfig();
  switch (command) {
    case "start": {
      if (config.env === "production" && config.demo) {
        console.error("refusing to start: demo mode (DEMO=1) is not allowed with NODE_ENV=production");
        return 2;
      }
      if (config.env === "production") {
        const handle = await openDatabase(config);
        await migrateToLatest(handle.db as never);
        const problem = !config.auditKey
          ? "AUDIT_KEY is not set: the audit chain's key (64 hex digits, e.g. `openssl rand -hex 32`) must come from outside the database"
          : !config.personalDataKey
          ? "PERSONAL_DATA_KEY is not set: the key sealing ID numbers and phone numbers (64 hex digits, e.g. `openssl rand -hex 32`) must come from outside the database"
          : (await isDemoSeeded(handle.db))
          ? "this database holds demo data; production needs a database of its own"
          : !(await hasPlatformAdmin(handle.db))
            ? "no platform admin yet: run `npm run cli:prod -- create-admin --username … --name … --phone … --id-number …` first"
            : null;
        await handle.close();
        if (problem) {
          console.error(`refusing to start: ${problem}`);
          return 2;
        }
      }
      const clustered = clusterProblem(config);
      if (clustered) {
        console.error(`refusing to start: ${clustered}`);
        return 2;
      }
      if (config.workers > 1 && !isClusterWorker()) {
        await runClusterPrimary(config);
        return 0;
      }
      const platform = await createPlatform(config);
      let ops: OpsSocket | null = null;
      const stop = async () => {
        await ops?.close();
        await platform.close();
        process.exit(0);
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
      await platform.app.listen({ port: config.port, host: config.host });
      // The operations socket serves backups of the embedded database, which runs in one process only.
      if (!isClusterWorker()) ops = await startOpsSocket(platform.deps);
      // Production runs the compiled JavaScript (server/dist): `npm run build`, then `npm run start:prod`.
      const runtime = { runtime: runsCompiled ? "compiled" : "typescript", execArgv: process.execArgv };
      platform.deps.logger.info({ port: config.port, database: platform.handle.kind, demo: config.demo, pid: process.pid, ...runtime }, "platform started");
      if (config.env === "production" && !runsCompiled) {
        platform.deps.logger.warn("production is running the TypeScript sources: build (`npm run build`) and start `node server/dist/src/main.js start`");
      }
      return -1;
    }
    case "migrate": {
      const handle = await openDatabase(config);
      const done = await migrateToLatest(handle.db as never);
      console.log(done.length ? `applied: ${done.join(", ")}` : "schema is up to date");
      await handle.close();
      return 0;
    }
    case "create-admin": {
      const { values } = parseArgs({
        args: rest,
        options: { username: { type: "string" }, name: { type: "string" }, phone: { type: "string" }, "id-number": { type: "string" } },
      });
      if (!values.username || !values.name || !values.phone || !values["id-number"]) {
        console.error(usage);
        return 2;
      }
      let password = process.env.ADMIN_PASSWORD;
      if (!password) {
        const rl = createInterface({ input: process.stdin, output: process.stdout });
        password = await rl.question("password for the new platform admin: ");
        rl.close();
      }
      const handle = await openDatabase(config);
      await migrateToLatest(handle.db as never);
      try {
        const id = await createPlatformAdmin(handle.db, auditKeysOf(config), personalDataOf(config), {
          username: values.username, name: values.name, phone: values.phone, idNumber: values["id-number"], password,
        });
        console.log(`platform admin created: ${values.username} (${id})`);
        return 0;
      } catch (e) {
        console.error(`could not create the admin: ${(e as Error).message}`);
        return 1;
      } finally {
        await handle.close();
      }
    }
    case "personal-data-reseal": {
      const handle = await openDatabase(config);
      try {
        await migrateToLatest(handle.db as never);
        const started = performance.now();
        const r = await sealPersonalData(handle.db, personalDataOf(config), { force: true });
        console.log(`personal data sealed under the current key: ${r.values} values (${Math.round(performance.now() - started)} ms)`);
        return 0;
      } catch (e) {
        console.error(`personal-data-reseal failed: ${(e as Error).message}`);
        return 1;
      } finally {
        await handle.close();
      }
    }
    case "outbox": {
      const handle = await openDatabase(config);
      try {
        await migrateToLatest(handle.db as never);
        if (rest[0] === "retry") {
          const n = await retryFailedMessages(cliDeps(config, handle), rest.slice(1));
          console.log(`${n} failed messages queued again`);
          return 0;
        }
        if (rest.length) {
          console.error(usage);
          return 2;
        }
        console.log(JSON.stringify({ counts: await outboxCounts(handle.db) }));
        for (const m of await undeliveredMessages(handle.db)) console.log(JSON.stringify(m));
        return 0;
      } finally {
        await handle.close();
      }
    }
    case "audit-verify": {
      const handle = await openDatabase(config);
      // What a process left unlinked when it stopped is linked first: it is committed record.
      await sequencePending(handle.db, auditKeysOf(config));
      const result = await verifyAuditChain(handle.db, config);
      console.log(JSON.stringify(result));
      await handle.close();
      return result.ok ? 0 : 1;
    }
    case "backup":
    case "restore": {
      if (!rest[0]) {
        console.error(usage);
        return 2;
      }
      const dir = path.resolve(rest[0]);
      let handle: DatabaseHandle;
      try {
        handle = await openDatabase(config);
      } catch (e) {
        if (!(e instanceof DatabaseInUseError)) throw e;
        if (command === "restore") {
          console.error(`restore refused: ${e.message.split(";")[0]}. A restore never runs against a running platform: stop it, and restore into an empty data directory.`);
          return 2;
        }
        // The running platform holds the embedded database: it writes the backup itself.
        try {
          console.log(summaryLine(await requestBackup(config, dir)));
          return 0;
        } catch (err) {
          console.error(`backup failed: ${(err as Error).message}`);
          return 1;
        }
      }
      try {
        if (command === "backup") {
          console.log(summaryLine(await auditedBackup(cliDeps(config, handle), dir)));
          return 0;
        }
        const { manifest, audit } = await restore(handle.db, config, dir);
        console.log(`restored ${manifest.tables.length} tables and ${manifest.files.length} files from a backup of ${manifest.createdAt}`);
        console.log(`audit chain: ${JSON.stringify(audit)}`);
        return audit.ok ? 0 : 1;
      } catch (e) {
        console.error(`${command} failed: ${(e as Error).message}`);
        return 1;
      } finally {
        await handle.close();
      }
    }
    case "import-catalog": {
      if (!rest[0]) {
        console.error(usage);
        return 2;
      }
      let text: string;
      try {
        text = fs.readFileSync(rest[0], "utf8");
      } catch (e) {
        console.error(`cannot read ${rest[0]}: ${(e as Error).message}`);
        return 1;
      }
      const handle = await openDatabase(config);
      try {
        await migrateToLatest(handle.db as never);
        await ensureCalendar(handle.db, systemClock.now());
        const started = performance.now();
        const report = await importCatalog(cliDeps(config, handle), readCatalogFile(text));
        for (const line of reportLines(report)) console.log(line);
        console.log(`imported ${rest[0]} in ${Math.round(performance.now() - started)} ms`);
        return 0;
      } catch (e) {
        const problems = fileProblemsOf(e);
        if (!problems) throw e;
        console.error(`refused ${rest[0]}: ${problems.length} problem(s); nothing was imported`);
        for (const p of problems) console.error(`  ${problemLine(p)}`);
        return 1;
      } finally {
        await handle.close();
      }
    }
    case "export-catalog": {
      if (!rest[0]) {
        console.error(usage);
        return 2;
      }
      const handle = await openDatabase(config);
      try {
        await migrateToLatest(handle.db as never);
        const file = await exportCatalog(handle.db);
        if (rest[0] === "-") await new Promise((done) => process.stdout.write(catalogFileText(file), done));
        else {
          fs.writeFileSync(rest[0], catalogFileText(file));
          console.log(`wrote ${rest[0]}: ${file.regions.length} regions, ${file.departments.length} departments, ${file.halls.length} halls, ${file.items.length} items`);
        }
        return 0;
      } finally {
        await handle.close();
      }
    }
    case "verify-certificate":
      return verifyCertificateCommand(rest, {
        out: (l) => console.log(l),
        err: (l) => console.error(l),
        localKeys: async () => {
          // The installation's key store; a running embedded database is not opened twice.
          let handle: DatabaseHandle;
          try {
            handle = await openDatabase(config);
          } catch (e) {
            if (e instanceof DatabaseInUseError) throw new Error("the platform is running on this data directory: pass --keys-url http://…/.well-known/certificate-keys.json", { cause: e });
            throw e;
          }
          try {
            return (await publicKeys(handle.db)).map((k) => ({ kid: k.keyId, alg: "Ed25519", publicKeyPem: k.publicKeyPem }));
          } finally {
            await handle.close();
          }
        },
      });
    default:
      console.error(usage);
      return command ? 2 : 0;
  }
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err) => {
    if (err instanceof DatabaseInUseError) {
      console.error(`refusing to start: ${err.message}`);
      process.exit(2);
    }
    console.error(err);
    process.exit(1);
  },
);
