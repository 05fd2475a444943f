// Compiles packages/contracts and the server to JavaScript (packages/contracts/dist, server/dist),
// which is what production runs: `node server/dist/src/main.js start`. Relative `.ts` import
// specifiers become `.js` (rewriteRelativeImportExtensions); files the server reads at run time
// next to its modules (server/src/**/*.json) are copied beside the compiled code.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

function compile(project, outDir) {
  fs.rmSync(path.join(root, outDir), { recursive: true, force: true });
  execFileSync(process.execPath, [tsc, "-p", project], { cwd: root, stdio: "inherit" });
}

function copyAssets(from, to) {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyAssets(source, target);
    else if (!/\.tsx?$/.test(entry.name)) {
      fs.mkdirSync(to, { recursive: true });
      fs.copyFileSync(source, target);
    }
  }
}

console.log("compiling packages/contracts and the server (packages/contracts/dist, server/dist)…");
compile("packages/contracts/tsconfig.build.json", "packages/contracts/dist");
compile("server/tsconfig.build.json", "server/dist");
copyAssets(path.join(root, "server/src"), path.join(root, "server/dist/src"));
