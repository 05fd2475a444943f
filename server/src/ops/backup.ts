import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { checkpointFile } from "../audit/checkpoints.ts";
import { runPlatformCommand } from "../audit/command.ts";
import { auditKeysOf } from "../audit/keys.ts";
import { verifyAuditChain, type VerifyResult } from "../audit/verify.ts";
import type { Config } from "../platform/config.ts";
import type { Deps } from "../platform/context.ts";
import type { Db, Executor } from "../platform/db.ts";
import { fileStoreOf, sha256Hex } from "../platform/files.ts";
import { latestMigration, migrateToLatest } from "../platform/migrate.ts";

// Backup and restore (R18): every table of the database, read in one snapshot (a repeatable-read
// transaction, so the platform keeps running and the copy is consistent), every stored file, and
// the audit chain's checkpoints, with a manifest of hashes. Restored into an empty database and
// file store, the audit chain verifies as before.

export const BACKUP_FORMAT = "cq-backup";
const MIGRATION_TABLES = new Set(["kysely_migration", "kysely_migration_lock"]);
/** Tables whose rows the migrations write into a new database: the backup's rows replace them. */
const SEEDED_BY_MIGRATIONS = new Set(["calendar_version"]);

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  migration: string;
  tables: { name: string; rows: number; sha256: string }[];
  files: { sha256: string; size: number }[];
  checkpoints: { sha256: string; bytes: number } | null;
}

interface Column {
  table: string;
  column: string;
  type: string;
}

async function tablesOf(db: Executor): Promise<string[]> {
  const r = await sql<{ table_name: string }>`select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  return r.rows.map((x) => x.table_name).filter((t) => !MIGRATION_TABLES.has(t));
}

async function columnsOf(db: Executor): Promise<Column[]> {
  const r = await sql<{ table_name: string; column_name: string; data_type: string }>`select table_name, column_name, data_type
    from information_schema.columns where table_schema = current_schema() order by table_name, ordinal_position`.execute(db);
  return r.rows.map((x) => ({ table: x.table_name, column: x.column_name, type: x.data_type }));
}

/** Foreign keys as (table, column) → referenced table. */
async function foreignKeysOf(db: Executor): Promise<{ table: string; column: string; references: string }[]> {
  const r = await sql<{ table_name: string; column_name: string; ref_table: string }>`
    select kcu.table_name, kcu.column_name, ccu.table_name as ref_table
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
    where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(db);
  return r.rows.map((x) => ({ table: x.table_name, column: x.column_name, references: x.ref_table }));
}

/** Tables in an order that inserts every referenced row before the rows referring to it. */
export function insertionOrder(tables: string[], fks: { table: string; references: string }[]): string[] {
  const deps = new Map(tables.map((t) => [t, new Set(fks.filter((f) => f.table === t && f.references !== t).map((f) => f.references))]));
  const out: string[] = [];
  const done = new Set<string>();
  while (out.length < tables.length) {
    const ready = tables.filter((t) => !done.has(t) && [...deps.get(t)!].every((d) => done.has(d) || !deps.has(d)));
    if (!ready.length) throw new Error(`foreign keys form a cycle among: ${tables.filter((t) => !done.has(t)).join(", ")}`);
    for (const t of ready) {
      out.push(t);
      done.add(t);
    }
  }
  return out;
}

const fileSha = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/**
 * Writes a consistent backup of the database and the file store into `dir` (created, owner-only;
 * must not hold a backup). The rows are read in one repeatable-read snapshot; the stored files it
 * names are copied after it (they are addressed by hash and never change or go), and the audit
 * checkpoints only as far as the snapshot's chain, so that the restored chain verifies.
 */
export async function backup(db: Db, config: Config, dir: string): Promise<Manifest> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.mkdirSync(path.join(dir, "tables"), { recursive: true });
  fs.mkdirSync(path.join(dir, "files"), { recursive: true });
  if (fs.readdirSync(path.join(dir, "tables")).length) throw new Error(`${dir} already holds a backup`);
  const store = fileStoreOf(config);
  const snapshot = await db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (trx) => {
      const tables = await tablesOf(trx);
      const manifestTables: Manifest["tables"] = [];
      for (const table of tables) {
        const file = path.join(dir, "tables", `${table}.jsonl`);
        const fd = fs.openSync(file, "w");
        let rows = 0;
        // Batches in a stable order (ctid is not stable across servers; every table has a primary key or is small).
        const result = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(trx);
        for (const row of result.rows) {
          fs.writeSync(fd, `${JSON.stringify(row)}\n`);
          rows++;
        }
        fs.closeSync(fd);
        manifestTables.push({ name: table, rows, sha256: fileSha(file) });
      }
      const files = await trx.selectFrom("files").select(["sha256", "size"]).orderBy("sha256").execute();
      const head = await trx.selectFrom("audit_log").select((eb) => eb.fn.max("seq").as("seq")).executeTakeFirst();
      return { tables: manifestTables, files, headSeq: Number(head?.seq ?? 0), migration: await latestMigration(trx) };
    });
  for (const f of snapshot.files) {
    const bytes = await store.get(f.sha256);
    if (sha256Hex(bytes) !== f.sha256) throw new Error(`stored file ${f.sha256} does not match its hash`);
    fs.writeFileSync(path.join(dir, "files", f.sha256), bytes);
  }
  const cpSource = checkpointFile(config);
  let checkpoints: Manifest["checkpoints"] = null;
  if (fs.existsSync(cpSource)) {
    // Checkpoints signed after the snapshot name entries the backup does not hold: left out.
    const lines = fs.readFileSync(cpSource, "utf8").split("\n").filter(Boolean).filter((line) => {
      try {
        return Number((JSON.parse(line) as { lastSeq?: unknown }).lastSeq) <= snapshot.headSeq;
      } catch {
        return true;
      }
    });
    const cpFile = path.join(dir, "checkpoints.jsonl");
    fs.writeFileSync(cpFile, lines.map((line) => `${line}\n`).join(""));
    checkpoints = { sha256: fileSha(cpFile), bytes: fs.statSync(cpFile).size };
  }
  const manifest: Manifest = {
    format: BACKUP_FORMAT, version: 1, createdAt: new Date().toISOString(), migration: snapshot.migration,
    tables: snapshot.tables, files: snapshot.files.map((f) => ({ sha256: f.sha256, size: Number(f.size) })), checkpoints,
  };
  fs.writeFileSync(path.join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** What an operator is told about a backup written. */
export interface BackupSummary {
  dir: string;
  tables: number;
  rows: number;
  files: number;
  bytes: number;
  migration: string;
  ms: number;
}

const bytesUnder = (dir: string): number =>
  fs.readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? bytesUnder(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).size), 0);

export const summaryLine = (s: BackupSummary): string =>
  `backup written to ${s.dir}: ${s.tables} tables, ${s.rows} rows, ${s.files} files, schema ${s.migration} (${s.ms} ms)`;

/**
 * A backup as an operations command: written, then recorded in the audit trail as the platform
 * (`ops.backup`: the directory and the counts, nothing of anyone's data). The audit key is checked
 * first, so that a backup is not written that cannot be recorded.
 */
export async function auditedBackup(deps: Deps, dir: string): Promise<BackupSummary> {
  auditKeysOf(deps.config);
  const started = performance.now();
  const m = await backup(deps.db, deps.config, dir);
  const summary: BackupSummary = {
    dir, tables: m.tables.length, rows: m.tables.reduce((n, t) => n + t.rows, 0), files: m.files.length, bytes: bytesUnder(dir),
    migration: m.migration, ms: Math.round(performance.now() - started),
  };
  await runPlatformCommand(deps, deps.clock.now(), (ctx) =>
    ctx.audit({
      action: "ops.backup", objectType: "backup", objectId: null,
      newValues: { dir, tables: summary.tables, rows: summary.rows, files: summary.files, bytes: summary.bytes, migration: summary.migration },
    }),
  );
  return summary;
}

/** Checks a backup against its manifest: every table file and stored file has the hash recorded. */
export function checkBackup(dir: string): Manifest {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as Manifest;
  if (manifest.format !== BACKUP_FORMAT || manifest.version !== 1) throw new Error("not a backup of this platform (manifest.json)");
  for (const t of manifest.tables) if (fileSha(path.join(dir, "tables", `${t.name}.jsonl`)) !== t.sha256) throw new Error(`tables/${t.name}.jsonl does not match the manifest`);
  for (const f of manifest.files) if (fileSha(path.join(dir, "files", f.sha256)) !== f.sha256) throw new Error(`files/${f.sha256} does not match its hash`);
  if (manifest.checkpoints && fileSha(path.join(dir, "checkpoints.jsonl")) !== manifest.checkpoints.sha256) throw new Error("checkpoints.jsonl does not match the manifest");
  return manifest;
}

/**
 * Restores a backup into an empty database and file store: the schema is brought to the backup's
 * migration, the rows inserted parents first (self-references set afterwards), sequences moved past
 * the restored rows, the files and checkpoints put back; then the audit chain is verified.
 */
export async function restore(db: Db, config: Config, dir: string): Promise<{ manifest: Manifest; audit: VerifyResult }> {
  const manifest = checkBackup(dir);
  const existing = await tablesOf(db);
  if (existing.includes("users")) {
    const n = await db.selectFrom("users").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    if (Number(n.n) > 0) throw new Error("the database is not empty: restore needs an empty database");
  }
  await migrateToLatest(db as never);
  const current = await latestMigration(db);
  if (current !== manifest.migration) throw new Error(`the backup is of schema ${manifest.migration}, this platform is at ${current}: restore with the same version`);
  const [columns, fks] = await Promise.all([columnsOf(db), foreignKeysOf(db)]);
  const tables = manifest.tables.map((t) => t.name);
  const order = insertionOrder(tables, fks);
  await db.transaction().execute(async (trx) => {
    const later: { table: string; pk: Record<string, unknown>; set: Record<string, unknown> }[] = [];
    for (const table of order) {
      const cols = columns.filter((c) => c.table === table);
      const json = new Set(cols.filter((c) => c.type === "jsonb" || c.type === "json").map((c) => c.column));
      const selfRefs = fks.filter((f) => f.table === table && f.references === table).map((f) => f.column);
      const pk = await primaryKeyOf(trx, table);
      const lines = fs.readFileSync(path.join(dir, "tables", `${table}.jsonl`), "utf8").split("\n").filter(Boolean);
      const rows = lines.map((line) => {
        const row = JSON.parse(line) as Record<string, unknown>;
        for (const c of json) if (row[c] !== null && row[c] !== undefined) row[c] = JSON.stringify(row[c]);
        if (selfRefs.length) {
          const set = Object.fromEntries(selfRefs.filter((c) => row[c] !== null && row[c] !== undefined).map((c) => [c, row[c]]));
          if (Object.keys(set).length) later.push({ table, pk: Object.fromEntries(pk.map((k) => [k, row[k]])), set });
          for (const c of selfRefs) row[c] = null;
        }
        return row;
      });
      if (SEEDED_BY_MIGRATIONS.has(table)) await trx.deleteFrom(table as never).execute();
      for (let i = 0; i < rows.length; i += 200) {
        await trx.insertInto(table as never).values(rows.slice(i, i + 200) as never).execute();
      }
    }
    for (const u of later) {
      let q = trx.updateTable(u.table as never).set(u.set as never);
      for (const [k, v] of Object.entries(u.pk)) q = q.where(k as never, "=", v as never);
      await q.execute();
    }
    // Serial columns continue after the restored rows.
    for (const c of columns.filter((x) => tables.includes(x.table))) {
      const seq = await sql<{ s: string | null }>`select pg_get_serial_sequence(${c.table}, ${c.column}) as s`.execute(trx);
      const name = seq.rows[0]?.s;
      if (name) await sql`select setval(${name}, greatest(coalesce((select max(${sql.ref(c.column)}) from ${sql.table(c.table)}), 0), 1))`.execute(trx);
    }
    // The calendar's versions continue after the restored one (a version never names two contents).
    await sql`select setval('calendar_version_seq', greatest(coalesce((select max(version) from calendar_version), 0), 1))`.execute(trx);
  });
  const store = fileStoreOf(config);
  for (const f of manifest.files) await store.put(fs.readFileSync(path.join(dir, "files", f.sha256)));
  if (manifest.checkpoints) {
    fs.mkdirSync(path.dirname(checkpointFile(config)), { recursive: true });
    fs.copyFileSync(path.join(dir, "checkpoints.jsonl"), checkpointFile(config));
  }
  // Restored as backed up: records the platform had not linked yet stay pending (the restored
  // platform's first pass links them); the chain verified is the linked one.
  return { manifest, audit: await verifyAuditChain(db, config) };
}

async function primaryKeyOf(db: Executor, table: string): Promise<string[]> {
  const r = await sql<{ column_name: string }>`select kcu.column_name from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
    where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = current_schema() and tc.table_name = ${table}
    order by kcu.ordinal_position`.execute(db);
  return r.rows.map((x) => x.column_name);
}
