import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkpointFile } from "../src/audit/checkpoints.ts";
import { backup, checkBackup, restore } from "../src/ops/backup.ts";
import { opsSocketPath, requestBackup, startOpsSocket } from "../src/ops/socket.ts";
import { emptyTestDatabase, startPlatform, type TestPlatform } from "./helpers.ts";
import { applicantOf, WorkflowDriver } from "./workflowDriver.ts";

// Backup and restore (R18): a consistent copy taken while the platform runs, restored into an empty
// database and file store; counts, file hashes and the audit chain hold.

let t: TestPlatform | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe("backup and restore", () => {
  it("copies a running platform and restores it into an empty database and store, with the audit chain intact", async () => {
    t = await startPlatform();
    const drive = new WorkflowDriver(t);
    await drive.apply("YB-SCJG-001", await t.login(applicantOf("person", 0).phone));
    // A checkpoint of the audit chain's head, as the scheduler writes every minute.
    expect((await t.request({ method: "POST", url: "/api/dev/clock", payload: { now: "2026-11-27T09:10:00+08:00" } })).statusCode).toBe(200);
    const config = t.platform.deps.config;

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cq-backup-"));
    // Taken while requests go on: the snapshot is consistent.
    const [manifest] = await Promise.all([backup(t.db, config, dir), t.request({ method: "GET", url: "/api/catalog/items" })]);
    expect(manifest.files.length).toBeGreaterThan(0);
    expect(manifest.checkpoints).not.toBeNull();
    expect(checkBackup(dir).tables.length).toBe(manifest.tables.length);
    const counts = Object.fromEntries(manifest.tables.map((x) => [x.name, x.rows]));
    expect(counts.audit_log).toBeGreaterThan(5);
    expect(counts.cases).toBeGreaterThan(0);

    // A tampered backup is refused before anything is written.
    const tampered = fs.mkdtempSync(path.join(os.tmpdir(), "cq-backup-bad-"));
    fs.cpSync(dir, tampered, { recursive: true });
    fs.appendFileSync(path.join(tampered, "tables", "cases.jsonl"), "{}\n");
    expect(() => checkBackup(tampered)).toThrow(/does not match/);

    const target = await emptyTestDatabase();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cq-restored-"));
    const restored = await restore(target.db, { ...config, dataDir }, dir);
    expect(restored.audit).toMatchObject({ ok: true, entries: counts.audit_log });
    for (const x of manifest.tables) {
      const n = await target.db.selectFrom(x.name as never).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      expect(Number((n as { n: number }).n), x.name).toBe(x.rows);
    }
    for (const f of manifest.files) expect(fs.existsSync(path.join(dataDir, "files", f.sha256.slice(0, 2), f.sha256.slice(2)))).toBe(true);
    // The restored database goes on: its sequences continue after the restored rows.
    const seq = await target.db.selectFrom("audit_log").select((eb) => eb.fn.max("seq").as("m")).executeTakeFirstOrThrow();
    expect(Number(seq.m)).toBeGreaterThan(0);
    // A second restore over it is refused.
    await expect(restore(target.db, { ...config, dataDir }, dir)).rejects.toThrow(/not empty/);
    await target.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(tampered, { recursive: true, force: true });
  }, 120_000);

  it("takes a backup asked over the operations socket, owner-only, and serves nothing else", async () => {
    t = await startPlatform();
    const deps = t.platform.deps;
    const file = opsSocketPath(deps.config);
    fs.writeFileSync(file, "left by a process that died");
    const ops = await startOpsSocket(deps);
    expect(ops?.path).toBe(file);
    expect(fs.statSync(file).isSocket()).toBe(true);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // A second platform on the same directory (PostgreSQL) leaves the live socket alone.
    expect(await startOpsSocket(deps)).toBeNull();
    expect(fs.statSync(file).isSocket()).toBe(true);

    const ask = (line: string) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        let out = "";
        const s = net.connect(file, () => s.write(line));
        s.setEncoding("utf8");
        s.on("data", (c: string) => (out += c));
        s.on("error", reject);
        s.on("close", () => resolve(JSON.parse(out) as Record<string, unknown>));
      });
    expect(await ask(`${JSON.stringify({ command: "restore", dir: "/tmp/x" })}\n`)).toMatchObject({ ok: false, error: expect.stringMatching(/never runs against a running platform/) });
    expect(await ask(`${JSON.stringify({ command: "drop" })}\n`)).toMatchObject({ ok: false, error: expect.stringMatching(/only backup/) });
    expect(await ask(`${JSON.stringify({ command: "backup", dir: "relative" })}\n`)).toMatchObject({ ok: false, error: expect.stringMatching(/absolute/) });
    expect(await ask("not json\n")).toMatchObject({ ok: false });

    // A checkpoint signed after the snapshot (here: of entries far ahead) stays out of the backup.
    const cpFile = checkpointFile(deps.config);
    fs.mkdirSync(path.dirname(cpFile), { recursive: true });
    fs.appendFileSync(cpFile, `${JSON.stringify({ id: "later", entries: 1e9, lastSeq: 1e9, headHash: "0".repeat(64), keyId: "k", at: new Date().toISOString(), mac: "m" })}\n`);
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cq-backup-sock-")), "b");
    const summary = await requestBackup(deps.config, dir);
    expect(fs.readFileSync(path.join(dir, "checkpoints.jsonl"), "utf8")).not.toContain('"later"');
    expect(summary).toMatchObject({ dir, tables: checkBackup(dir).tables.length });
    expect(summary.bytes).toBeGreaterThan(0);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    await expect(requestBackup(deps.config, dir)).rejects.toThrow(/already holds a backup/);
    const audit = await t.db.selectFrom("audit_log").selectAll().where("action", "=", "ops.backup").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_kind: "system", new_values: { dir, rows: summary.rows, files: summary.files } });

    await ops!.close();
    expect(fs.existsSync(file)).toBe(false);
    await expect(requestBackup(deps.config, `${dir}2`)).rejects.toThrow(/does not answer/);
    fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  }, 120_000);
});
