// Builds what is missing or older than its sources, so that `npm start` on a fresh clone serves the
// portal and the workbench from compiled JavaScript without a separate step.
//   node scripts/ensure-build.mjs          the web app (web/dist) and the server (server/dist)
//   node scripts/ensure-build.mjs web      the web app only (the browser tests run the server from source)
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const only = process.argv[2];

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return latest;
}

/** True when `built` is missing or older than any of `sources` (directories or files). */
function stale(built, sources) {
  const existing = sources.map((s) => path.join(root, s)).filter((s) => fs.existsSync(s));
  const srcTime = Math.max(...existing.map((s) => (fs.statSync(s).isDirectory() ? newest(s) : fs.statSync(s).mtimeMs)));
  const target = path.join(root, built);
  return !fs.existsSync(target) || fs.statSync(target).mtimeMs < srcTime;
}

if (!only || only === "web") {
  if (stale("web/dist/index.html", ["web/src", "packages/contracts/src", "web/index.html", "web/vite.config.ts"])) {
    console.log("building the web app (web/dist)…");
    execSync("npm run build -w web", { cwd: root, stdio: "inherit" });
  }
}

if (!only || only === "server") {
  const sources = [
    "server/src", "server/migrations", "packages/contracts/src", "tsconfig.base.json", "server/tsconfig.json",
    "server/tsconfig.build.json", "packages/contracts/tsconfig.json", "packages/contracts/tsconfig.build.json",
    "packages/contracts/package.json",
  ];
  if (stale("server/dist/src/main.js", sources)) execSync("node scripts/build-server.mjs", { cwd: root, stdio: "inherit" });
}
