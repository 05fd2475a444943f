// What rendering one document costs (docs/benchmarks.md, "Documents"): an acceptance notice and a
// licence, each rendered RUNS times in one process; prints the first render (fonts read and parsed)
// and the median and fastest of the later ones. Run: npx tsx --conditions=source scripts/document-render-cost.ts [RUNS]
import { renderLicencePdf } from "../server/src/documents/licencePdf.ts";
import { renderDocumentPdf } from "../server/src/documents/pdf.ts";
import { sampleLicence, sampleNotice } from "../server/src/documents/renderSamples.ts";

const runs = Number(process.argv[2] ?? 80);

async function measure(name: string, render: () => Promise<Buffer>): Promise<void> {
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    bytes = (await render()).length;
    ms.push(performance.now() - start);
  }
  const later = ms.slice(1).sort((a, b) => a - b);
  console.log(`${name}: first ${ms[0]!.toFixed(0)} ms, then median ${later[Math.floor(later.length / 2)]!.toFixed(1)} ms, fastest ${later[0]!.toFixed(1)} ms (${bytes} bytes, ${runs} renders)`);
}

await measure("acceptance notice", () => renderDocumentPdf(sampleNotice));
await measure("licence", () => renderLicencePdf(sampleLicence));
