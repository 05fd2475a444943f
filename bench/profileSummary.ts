/**
 * Where a CPU profile (`node --cpu-prof`, e.g. from `npm run bench -- --profile DIR`) spends its
 * time: self time by function and by package / source directory, top entries.
 *
 *   tsx bench/profileSummary.ts DIR/CPU.…cpuprofile [top]
 */
import fs from "node:fs";

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[] }

/** node_modules/<pkg> or the source directory (server/src/<layer>) a script URL belongs to. */
function areaOf(url: string): string {
  if (!url) return "(native / GC / idle)";
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  const s = /server\/dist\/src\/([^/]+)/.exec(url) ?? /server\/src\/([^/]+)/.exec(url);
  if (s) return `server/${s[1]!.replace(/\.js$/, "")}`;
  if (url.startsWith("node:")) return url;
  return url.replace(/^file:\/\//, "").split("/").slice(-2).join("/");
}

export function summarize(profile: Profile, top = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fns = new Map<string, number>();
  const areas = new Map<string, number>();
  for (const [id, us] of self) {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${f.url ? `${areaOf(f.url)}:${f.lineNumber + 1}` : ""}`.trim();
    fns.set(key, (fns.get(key) ?? 0) + us);
    const area = f.functionName === "(idle)" ? "(idle)" : f.functionName === "(garbage collector)" ? "(garbage collector)" : areaOf(f.url);
    areas.set(area, (areas.get(area) ?? 0) + us);
  }
  const rows = (m: Map<string, number>) =>
    [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, us]) => ({ where: k, ms: Math.round(us / 1000), pct: Math.round((us / total) * 1000) / 10 }));
  return { totalMs: Math.round(total / 1000), byArea: rows(areas), byFunction: rows(fns) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    console.error("usage: tsx bench/profileSummary.ts FILE.cpuprofile [top]");
    process.exit(2);
  }
  const s = summarize(JSON.parse(fs.readFileSync(file, "utf8")) as Profile, Number(top ?? 25));
  console.log(`total ${s.totalMs} ms\n\nby package / layer:`);
  for (const r of s.byArea) console.log(`${String(r.pct).padStart(5)} %  ${String(r.ms).padStart(7)} ms  ${r.where}`);
  console.log("\nby function (self time):");
  for (const r of s.byFunction) console.log(`${String(r.pct).padStart(5)} %  ${String(r.ms).padStart(7)} ms  ${r.where}`);
}
