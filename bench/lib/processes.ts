/**
 * The HTTP servers under test, each in its own process: the platform as production runs it
 * (`node server/dist/src/main.js start`) and the bare floor server, both on the bench database.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export interface ServerProcess {
  url: string;
  pid: number;
  /** Where its output goes. */
  logFile: string;
  /** Resident set size now, from /proc/<pid>/status (kB → MiB); null where /proc is absent. */
  rssMiB(): number | null;
  /** CPU time used so far (user + system, ms), from /proc/<pid>/stat; null where /proc is absent. */
  cpuMs(): number | null;
  stop(): Promise<void>;
}

function rssOf(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** utime + stime of a process in ms (fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 10 ms on Linux). */
export function cpuOf(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

async function waitReady(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${url} not ready after ${timeoutMs} ms:\n${output()}`);
}

/** Starts a server; its output (warnings and errors) goes to `logFile` as well. */
async function start(command: string[], env: Record<string, string>, port: number, logFile: string, timeoutMs = 120_000): Promise<ServerProcess> {
  const child = spawn(command[0]!, command.slice(1), { cwd: root, env: { ...process.env, ...env, PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const log = fs.createWriteStream(logFile, { flags: "a" });
  const keep = (b: Buffer) => {
    out = (out + b.toString()).slice(-20_000);
    log.write(b);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const url = `http://127.0.0.1:${port}`;
  await waitReady(url, child, () => out, timeoutMs);
  return {
    url,
    pid: child.pid!,
    logFile,
    rssMiB: () => rssOf(child.pid!),
    cpuMs: () => cpuOf(child.pid!),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
      }),
  };
}

/** The platform as production runs it (built beforehand with `npm run build`), demo catalog and staff, no demo cases. */
export function startPlatform(databaseUrl: string, port: number, cpuProfileDir?: string, workers = 1): Promise<ServerProcess> {
  const main = path.join(root, "server/dist/src/main.js");
  if (!fs.existsSync(main)) throw new Error("server/dist is missing: run `npm run build` first");
  const dataDir = path.join(os.tmpdir(), `cq-bench-data-${new URL(databaseUrl).pathname.slice(1)}`);
  const node = cpuProfileDir ? [process.execPath, `--cpu-prof`, `--cpu-prof-dir=${cpuProfileDir}`] : [process.execPath];
  return start([...node, main, "start"], {
    DATABASE_URL: databaseUrl,
    NODE_ENV: "development",
    DEMO: "1",
    DEMO_CASES: "0",
    PUBLIC_RATE_LIMIT: "100000000",
    AUTH_RATE_LIMIT: "100000000",
    LOG_LEVEL: "warn",
    // Answers written as production writes them (one in 64 checked against its schema), not parsed each as in development.
    RESPONSE_CONTRACT: "lenient",
    DATA_DIR: dataDir,
    HOST: "127.0.0.1",
    WORKERS: String(workers),
  }, port, `${dataDir}.log`, 300_000);
}

/** The bare floor server (bench/floors/progressServer.ts) on the same database. */
export function startProgressFloor(databaseUrl: string, port: number, poolSize: number): Promise<ServerProcess> {
  // tsx as a loader in the same process (its CLI would run the server in a child), so that RSS and CPU are the server's.
  return start([process.execPath, "--import", "tsx", path.join(root, "bench/floors/progressServer.ts")], { DATABASE_URL: databaseUrl, POOL_SIZE: String(poolSize) }, port, path.join(os.tmpdir(), "cq-bench-progress-floor.log"));
}
