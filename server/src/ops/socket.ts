import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import type { Config } from "../platform/config.ts";
import type { Deps } from "../platform/context.ts";
import { auditedBackup, type BackupSummary } from "./backup.ts";

// The operations socket: a Unix domain socket in the data directory, mode 0600, so that only the OS
// user running the platform can connect. The embedded database serves one process, so a backup of
// a running platform on it is taken by the platform itself, asked over this socket by the command
// line. One JSON line in (`{"command":"backup","dir":"/abs/path"}`), one JSON line out
// (`{"ok":true,"backup":{…}}` or `{"ok":false,"error":"…"}`). Backup is the only command: a
// restore never runs against a running platform.

export type OpsRequest = { command: "backup"; dir: string };
export type OpsResponse = { ok: true; backup: BackupSummary } | { ok: false; error: string };

const MAX_REQUEST_BYTES = 64 * 1024;
const REQUEST_TIMEOUT_MS = 10_000;

export const opsSocketPath = (config: Pick<Config, "dataDir">): string => path.join(config.dataDir, "ops.sock");

/** Whether something listens on the socket file (a live platform, not a stale file). */
function answers(file: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(file);
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
  });
}

export interface OpsSocket {
  path: string;
  /** Stops accepting, waits for a backup under way, removes the socket file. */
  close(): Promise<void>;
}

/**
 * Listens on `$DATA_DIR/ops.sock`. A stale socket file (left by a process that died) is replaced;
 * when another live platform answers on it, or the socket cannot be made (a path too long for a
 * socket, say), the platform runs without one and says so: returns null.
 */
export async function startOpsSocket(deps: Deps): Promise<OpsSocket | null> {
  const file = opsSocketPath(deps.config);
  const { logger } = deps;
  if (fs.existsSync(file)) {
    if (await answers(file)) {
      logger.warn({ socket: file }, "another platform answers on the operations socket; this one serves none");
      return null;
    }
    fs.rmSync(file, { force: true });
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let running: Promise<unknown> | null = null;

  const serve = async (request: unknown): Promise<OpsResponse> => {
    const r = request as { command?: unknown; dir?: unknown } | null;
    if (!r || typeof r !== "object" || r.command !== "backup") {
      const command = r && typeof r === "object" && typeof r.command === "string" ? r.command : "?";
      return { ok: false, error: command === "restore" ? "restore never runs against a running platform: stop it first" : `unknown command ${JSON.stringify(command)}: only backup is served` };
    }
    if (typeof r.dir !== "string" || !path.isAbsolute(r.dir)) return { ok: false, error: "dir must be an absolute path" };
    if (running) return { ok: false, error: "a backup is already under way" };
    const work = auditedBackup(deps, r.dir);
    running = work;
    try {
      const summary = await work;
      logger.info({ backup: summary }, "backup written");
      return { ok: true, backup: summary };
    } catch (err) {
      logger.error({ err }, "backup failed");
      return { ok: false, error: (err as Error).message };
    } finally {
      running = null;
    }
  };

  const server = net.createServer((socket) => {
    let buffer = "";
    socket.setEncoding("utf8");
    socket.setTimeout(REQUEST_TIMEOUT_MS, () => socket.destroy());
    socket.on("error", () => undefined);
    const onData = (chunk: string) => {
      buffer += chunk;
      const end = buffer.indexOf("\n");
      if (end < 0 && buffer.length <= MAX_REQUEST_BYTES) return;
      socket.off("data", onData);
      socket.setTimeout(0);
      const reply = (r: OpsResponse) => socket.end(`${JSON.stringify(r)}\n`);
      if (end < 0) return reply({ ok: false, error: "request too long" });
      let request: unknown;
      try {
        request = JSON.parse(buffer.slice(0, end));
      } catch {
        return reply({ ok: false, error: "the request is not one line of JSON" });
      }
      void serve(request).then(reply);
    };
    socket.on("data", onData);
  });

  // Owner-only from the moment it exists (binding a socket path is synchronous); chmod as well.
  let umask: number | undefined;
  try {
    umask = process.umask(0o177);
  } catch {
    // not allowed in a worker thread: the chmod below applies
  }
  const listening = new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.once("listening", () => {
      server.off("error", reject);
      resolve();
    });
  });
  try {
    server.listen(file);
  } finally {
    if (umask !== undefined) process.umask(umask);
  }
  try {
    await listening;
    fs.chmodSync(file, 0o600);
  } catch (err) {
    logger.warn({ err: { message: (err as Error).message }, socket: file }, "the operations socket could not be opened; backups need the platform stopped");
    server.close();
    return null;
  }
  logger.info({ socket: file }, "operations socket listening");
  return {
    path: file,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await running?.catch(() => undefined);
      fs.rmSync(file, { force: true });
    },
  };
}

/**
 * Asks the platform running on this data directory for a backup into `dir`, over its operations
 * socket; resolves with what it wrote, rejects with its error or when it does not answer.
 */
export function requestBackup(config: Pick<Config, "dataDir">, dir: string): Promise<BackupSummary> {
  const file = opsSocketPath(config);
  return new Promise((resolve, reject) => {
    const socket = net.connect(file);
    let buffer = "";
    socket.setEncoding("utf8");
    socket.once("connect", () => socket.write(`${JSON.stringify({ command: "backup", dir } satisfies OpsRequest)}\n`));
    socket.on("data", (chunk: string) => (buffer += chunk));
    socket.once("error", (err: NodeJS.ErrnoException) =>
      reject(new Error(err.code === "ENOENT" || err.code === "ECONNREFUSED" ? `the running platform does not answer on its operations socket ${file}` : err.message)),
    );
    socket.once("close", () => {
      const line = buffer.split("\n")[0];
      if (!line) return reject(new Error(`the running platform closed its operations socket ${file} without an answer`));
      try {
        const r = JSON.parse(line) as OpsResponse;
        if (r.ok) resolve(r.backup);
        else reject(new Error(r.error));
      } catch {
        reject(new Error(`the operations socket ${file} answered something else than JSON`));
      }
    });
  });
}
