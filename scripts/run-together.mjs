#!/usr/bin/env node
/**
 * Runs npm scripts at the same time and prints each one's output as a block when it ends (never
 * interleaved); exits with the first non-zero status. The server tests and the browser tests are
 * independent (their own databases, their own platform process), and neither keeps a machine's
 * cores busy alone: run together, `npm test` takes the time of the longer one.
 *
 *   node scripts/run-together.mjs test:server test:e2e
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const scripts = process.argv.slice(2);
if (!scripts.length) {
  console.error("usage: run-together.mjs <npm script>…");
  process.exit(2);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cq-together-"));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

const children = [];
const runs = scripts.map(
  (name) =>
    new Promise((resolve) => {
      const logFile = path.join(dir, `${name.replace(/[^\w-]/g, "_")}.log`);
      const out = fs.openSync(logFile, "w");
      const t0 = performance.now();
      console.log(`::: ${name} started (its output, also in ${logFile}, follows when it ends)`);
      const child = spawn(npm, ["run", name], { stdio: ["ignore", out, out], env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? "1" } });
      children.push(child);
      child.on("exit", (code, signal) => {
        fs.closeSync(out);
        const status = code ?? (signal ? 1 : 0);
        const seconds = Math.round((performance.now() - t0) / 1000);
        process.stdout.write(`\n::: ${name}: exit ${status} after ${seconds} s\n`);
        process.stdout.write(fs.readFileSync(logFile));
        resolve(status);
      });
    }),
);

// Stopping this runner stops the scripts it started.
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    for (const c of children) if (c.exitCode === null) c.kill(sig);
    process.exit(130);
  });
}

const statuses = await Promise.all(runs);
console.log(`\n::: ${scripts.map((s, i) => `${s}: exit ${statuses[i]}`).join("; ")}`);
process.exit(statuses.find((s) => s !== 0) ?? 0);
