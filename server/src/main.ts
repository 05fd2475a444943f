import { parseArgs } from "node:util";
import { createInterface } from "node:readline/promises";
import { createPlatform } from "./bootstrap.ts";
import { auditKeysOf } from "./audit/keys.ts";
import { verifyAuditChain } from "./audit/verify.ts";
import { createPlatformAdmin, hasPlatformAdmin } from "./identity/commands/createPlatformAdmin.ts";
import { loadConfig } from "./platform/config.ts";
import { DatabaseInUseError, openDatabase } from "./platform/db.ts";
import { migrateToLatest } from "./platform/migrate.ts";
import { isDemoSeeded } from "./seed/seed.ts";

const usage = `usage: main.ts <command>
  start          migrate, (demo: seed an empty database) and serve HTTP on PORT (default 3000)
  migrate        bring the database schema up to date
  create-admin   create a platform admin: --username --name --phone --id-number (password from ADMIN_PASSWORD or prompt)
  audit-verify   recompute the audit hash chain and report the first broken entry`;

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
          : (await isDemoSeeded(handle.db))
          ? "this database holds demo data; production needs a database of its own"
          : !(await hasPlatformAdmin(handle.db))
            ? "no platform admin yet: run `npm run cli -- create-admin --username … --name … --phone … --id-number …` first"
            : null;
        await handle.close();
        if (problem) {
          console.error(`refusing to start: ${problem}`);
          return 2;
        }
      }
      const platform = await createPlatform(config);
      const stop = async () => {
        await platform.close();
        process.exit(0);
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
      await platform.app.listen({ port: config.port, host: config.host });
      platform.deps.logger.info({ port: config.port, database: platform.handle.kind, demo: config.demo }, "platform started");
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
        const id = await createPlatformAdmin(handle.db, auditKeysOf(config), {
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
    case "audit-verify": {
      const handle = await openDatabase(config);
      const result = await verifyAuditChain(handle.db, config);
      console.log(JSON.stringify(result));
      await handle.close();
      return result.ok ? 0 : 1;
    }
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
