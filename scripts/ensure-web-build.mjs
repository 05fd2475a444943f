// Builds the web app when web/dist is missing or older than its sources, so that
// `npm start` on a fresh clone serves the portal and the workbench without a separate step.
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dist = path.join(root, "web/dist/index.html");

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return latest;
}

const sources = [path.join(root, "web/src"), path.join(root, "packages/contracts/src")];
const inputs = ["web/index.html", "web/vite.config.ts"].map((f) => path.join(root, f)).filter((f) => fs.existsSync(f));
const srcTime = Math.max(...sources.map(newest), ...inputs.map((f) => fs.statSync(f).mtimeMs));
const builtTime = fs.existsSync(dist) ? fs.statSync(dist).mtimeMs : 0;

if (builtTime < srcTime) {
  console.log("building the web app (web/dist)…");
  execSync("npm run build -w web", { cwd: root, stdio: "inherit" });
}
