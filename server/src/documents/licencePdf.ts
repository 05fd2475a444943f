import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import { PDF_CREATOR, PDF_FONT, parseIssuedAt, qrCanvas, renderDefinition } from "./pdf.ts";

/** A certificate printed as a licence: its heading, number, particulars, the issuer's signature block and the QR code to verify it. */
export interface LicenceInput {
  /** The type's name as the licence is headed, e.g. 食品经营许可证. */
  heading: string;
  certificateNo: string;
  /** The particulars in the licence's order, as a two-column table. */
  rows: { label: string; value: string }[];
  /** Printed at the bottom right: 发证机关, 签发人, 发证日期. */
  signature: { label: string; value: string }[];
  issuer: string;
  /** YYYY-MM-DD (Asia/Shanghai) */
  issuedAt: string;
  supervisionCode?: string;
  /** The verification page the QR code opens. */
  qrUrl: string;
  /** The key that signed the certificate. */
  keyId: string;
  /** The template's notes, printed under the particulars, and its small print at the foot. */
  notes: string[];
  footnote: string;
}

const FRAME = "#8b1a1a";
const GOLD = "#b8860b";
const GREY = "#555555";
const QR = 92;

/** A date (YYYY-MM-DD) as official documents write it (2031年12月3日); any other value as it is. */
const asPrinted = (v: string): string => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? parseIssuedAt(v).chinese : v);

/** Pure function: the pdfmake definition of a licence (exported for tests). */
export function buildLicenceDefinition(input: LicenceInput): TDocumentDefinitions {
  const { date, chinese } = parseIssuedAt(input.issuedAt);
  const body: TableCell[][] = input.rows.map((r) => [
    { text: r.label, bold: true, fillColor: "#faf6ee" },
    { text: asPrinted(r.value) },
  ]);
  const signatureLines: Content[] = input.signature.map((s) => ({
    text: [{ text: `${s.label}：`, color: GREY }, { text: asPrinted(s.value) }],
    alignment: "right",
  }));
  const content: Content[] = [
    {
      columns: [
        { text: "", width: "*" },
        { text: "正　本", fontSize: 12, bold: true, color: FRAME, alignment: "right", width: "auto" },
      ],
      margin: [0, 0, 0, 4],
    },
    { text: input.heading, alignment: "center", fontSize: 30, bold: true, characterSpacing: 6, color: "#1a1a1a", margin: [0, 6, 0, 6] },
    {
      text: [{ text: "证照编号：", color: GREY }, { text: input.certificateNo, bold: true }],
      alignment: "center",
      fontSize: 12,
      margin: [0, 0, 0, 18],
    },
    {
      table: { widths: [168, "*"], body: body.length ? body : [["", ""]], dontBreakRows: true },
      layout: {
        hLineWidth: () => 0.6,
        vLineWidth: () => 0.6,
        hLineColor: () => "#c9b48a",
        vLineColor: () => "#c9b48a",
        paddingLeft: () => 8,
        paddingRight: () => 8,
        paddingTop: () => 6,
        paddingBottom: () => 6,
      },
      fontSize: 11.5,
      lineHeight: 1.3,
    },
    ...input.notes.map((n): Content => ({ text: n, fontSize: 10.5, leadingIndent: 21, alignment: "justify", margin: [0, 8, 0, 0] })),
    {
      columns: [
        {
          width: QR + 40,
          stack: [
            qrCanvas(input.qrUrl, QR),
            { text: "扫码核验本证照真伪", fontSize: 9, alignment: "center", color: FRAME, margin: [0, 2, 0, 0] },
            { text: "Scan to verify this certificate", fontSize: 7.5, alignment: "center", color: GREY },
          ],
        },
        { width: "*", text: "" },
        {
          width: "auto",
          stack: [
            ...signatureLines,
            ...(input.signature.length ? [] : [{ text: input.issuer, alignment: "right" as const }, { text: chinese, alignment: "right" as const }]),
            { text: `（电子签名 ${input.keyId}）`, fontSize: 8.5, color: GREY, alignment: "right", margin: [0, 4, 0, 0] },
          ],
          margin: [0, 24, 0, 0],
        },
      ],
      margin: [0, 22, 0, 0],
      unbreakable: true,
    },
    ...(input.supervisionCode
      ? [{ text: [{ text: "统一服务监管码：", color: GREY }, { text: input.supervisionCode, bold: true }], fontSize: 9.5, margin: [0, 12, 0, 0] } as Content]
      : []),
    ...(input.footnote ? [{ text: input.footnote, fontSize: 8.5, color: GREY, margin: [0, 8, 0, 0] } as Content] : []),
  ];
  return {
    pageSize: "A4",
    pageMargins: [70, 72, 70, 64],
    language: "zh-CN",
    info: {
      title: `${input.heading} ${input.certificateNo}`,
      subject: input.heading,
      author: input.issuer,
      creator: PDF_CREATOR,
      producer: PDF_CREATOR,
      keywords: [input.heading, input.certificateNo, input.supervisionCode].filter(Boolean).join(", "),
      creationDate: date,
      modDate: date,
    },
    defaultStyle: { font: PDF_FONT, fontSize: 11.5, lineHeight: 1.4, color: "#111111" },
    content,
    footer: () => ({
      text: input.supervisionCode ? `监管码 ${input.supervisionCode}` : "",
      alignment: "center",
      fontSize: 8,
      color: "#777777",
      margin: [0, 18, 0, 0],
    }),
    background: (_page: number, size: { width: number; height: number }) => ({
      canvas: [
        { type: "rect", x: 26, y: 26, w: size.width - 52, h: size.height - 52, lineWidth: 3, lineColor: FRAME },
        { type: "rect", x: 33, y: 33, w: size.width - 66, h: size.height - 66, lineWidth: 0.8, lineColor: GOLD },
      ],
    }),
  };
}

/** Renders a licence to a PDF buffer (A4, embedded Noto Sans SC subset). */
export async function renderLicencePdf(input: LicenceInput): Promise<Buffer> {
  return renderDefinition(buildLicenceDefinition(input));
}
