import type { TDocumentDefinitions } from "pdfmake/interfaces";
import { shanghaiDay } from "../platform/clock.ts";
import { PDF_CREATOR, PDF_FONT, renderDefinition } from "./pdf.ts";

/** A landscape A4 report: title, a few summary lines, one table (periodic reports, exports). */
export async function renderTablePdf(input: { title: string; subtitle: string; summary: string[]; header: string[]; rows: string[][]; generatedAt: Date }): Promise<Buffer> {
  const definition: TDocumentDefinitions = {
    pageSize: "A4",
    pageOrientation: "landscape",
    pageMargins: [36, 48, 36, 48],
    info: { title: input.title, creator: PDF_CREATOR, producer: PDF_CREATOR },
    defaultStyle: { font: PDF_FONT, fontSize: 9 },
    footer: (page, pages) => ({ text: `${input.subtitle}　生成于 ${shanghaiDay(input.generatedAt)}　第 ${page} / ${pages} 页`, alignment: "center", fontSize: 8, color: "#666" }),
    content: [
      { text: input.title, fontSize: 18, bold: true, alignment: "center", margin: [0, 0, 0, 6] },
      { text: input.subtitle, alignment: "center", color: "#555", margin: [0, 0, 0, 12] },
      ...input.summary.map((s) => ({ text: s, margin: [0, 0, 0, 6] as [number, number, number, number] })),
      {
        table: {
          headerRows: 1,
          widths: input.header.map((_, i) => (i === 0 ? "*" : "auto")),
          body: [input.header.map((h) => ({ text: h, bold: true, fillColor: "#eef3fb" })), ...input.rows],
        },
        layout: "lightHorizontalLines",
        margin: [0, 8, 0, 0],
      },
    ],
  };
  return renderDefinition(definition);
}
