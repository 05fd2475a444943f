import { describe, expect, it } from "vitest";
import { renderLicencePdf } from "./licencePdf.ts";
import { renderDocumentPdf } from "./pdf.ts";
import { sampleLicence, sampleNotice } from "./renderSamples.ts";

// The font is parsed by the first document of a process and shared by the later ones (pdf.ts,
// shareParsedFonts). A shared font must change nothing in the file: the first render (font parsed)
// and later ones (font shared) give the same bytes. The times are printed, and nothing here depends
// on them; scripts/document-render-cost.ts measures them for docs/benchmarks.md ("Documents").

async function timed(render: () => Promise<Buffer>): Promise<{ ms: number; pdf: Buffer }> {
  const start = performance.now();
  const pdf = await render();
  return { ms: performance.now() - start, pdf };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe("rendering with the font shared across documents", () => {
  it("gives the bytes of the first render (font parsed) to every later one (font shared)", async () => {
    for (const [name, render] of [
      ["acceptance notice", () => renderDocumentPdf(sampleNotice)],
      ["licence", () => renderLicencePdf(sampleLicence)],
    ] as const) {
      const first = await timed(render);
      const later = [];
      for (let i = 0; i < 5; i++) later.push(await timed(render));
      for (const r of later) expect(r.pdf.equals(first.pdf)).toBe(true);
      console.log(`${name}: first ${first.ms.toFixed(0)} ms, then median ${median(later.map((r) => r.ms)).toFixed(0)} ms (${first.pdf.length} bytes)`);
    }
  });
});
