/**
 * Official documents of the platform (受理通知书, 决定书, 证照 …) rendered as PDF.
 *
 * - The Simplified Chinese font (Noto Sans SC, regular + bold) is embedded as a
 *   TrueType subset, so a document prints identically on every machine.
 * - Font files are read once per process and kept in pdfmake's in-memory
 *   virtual file system, and parsed once per process (`shareParsedFonts`);
 *   every later rendering only lays out and subsets them.
 * - The QR code is drawn as vector rectangles (no raster image).
 * - Nothing is fetched from the network or read from disk while rendering:
 *   the document definition only references the in-memory fonts.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import pdfmake from "pdfmake";
import QRCode from "qrcode";
import type {
  CanvasRect,
  Content,
  ContentTable,
  TableCell,
  TDocumentDefinitions,
} from "pdfmake/interfaces";

import type { DocumentKind } from "@cq/contracts";

export type { DocumentKind };

export interface DocumentInput {
  kind: DocumentKind;
  /** e.g. "渝北市监受〔2026〕第00012号" */
  documentNo: string;
  /** issuing department full name */
  issuer: string;
  /** YYYY-MM-DD (Asia/Shanghai) */
  issuedAt: string;
  /** applicant name (full name, this is the applicant's own document) */
  recipient: string;
  itemName: string;
  /** The title from the template in force; by default the kind's name. */
  title?: string;
  /** printed prominently on every document that has one */
  supervisionCode?: string;
  /** 申请编号: printed instead of the supervision code on a document issued before acceptance */
  referenceNo?: string;
  /** encoded in the QR code (e.g. https://host/progress/<code>) */
  qrUrl?: string;
  /** What the QR code opens, printed with it; by default the progress page by the code printed. */
  qrCaption?: string;
  /** the body text, already composed by the caller */
  paragraphs: string[];
  /** A statement laid out by the platform after the paragraphs (e.g. a deemed acceptance). */
  remark?: string;
  /** e.g. the list of materials, reasons */
  table?: { header: string[]; rows: string[][] };
  /** e.g. the applicant's right to administrative review / litigation */
  footnote?: string;
}

export const documentTitles: Record<DocumentKind, string> = {
  "application-form": "行政许可申请书",
  "acceptance-notice": "受理通知书",
  "non-acceptance-decision": "不予受理决定书",
  "supplement-notice": "补齐补正一次性告知书",
  "approval-decision": "准予行政许可决定书",
  "denial-decision": "不予行政许可决定书",
  certificate: "证照",
  "suspension-notice": "行政许可期限中止告知书",
  "extension-notice": "延长行政许可期限告知书",
};

export const PDF_CREATOR = "重庆市网上行政审批平台";

// ---------------------------------------------------------------------------
// Fonts (loaded once per process)
// ---------------------------------------------------------------------------

/** Font family name registered with pdfmake; unique so it cannot clash with other users of the singleton. */
const FONT_FAMILY = "CqNotoSansSC";
/** Keys in pdfmake's virtual file system (relative names, never touch the real disk). */
const VFS_REGULAR = "cq-approval-fonts/NotoSansSC-Regular.ttf";
const VFS_BOLD = "cq-approval-fonts/NotoSansSC-Bold.ttf";

const require = createRequire(import.meta.url);

/** Absolute paths of the TTF files shipped by @expo-google-fonts/noto-sans-sc. */
export const fontFiles = {
  regular: require.resolve("@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf"),
  bold: require.resolve("@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf"),
} as const;

/** pdfmake's Node singleton exposes its in-memory file system (not in @types/pdfmake). */
interface PdfmakeVfs {
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
}

let fontsReady: Promise<void> | null = null;

function ensureFonts(): Promise<void> {
  if (!fontsReady) {
    fontsReady = (async () => {
      const [regular, bold] = await Promise.all([readFile(fontFiles.regular), readFile(fontFiles.bold)]);
      const { virtualfs } = pdfmake as unknown as PdfmakeVfs;
      virtualfs.writeFileSync(VFS_REGULAR, regular);
      virtualfs.writeFileSync(VFS_BOLD, bold);
    })();
    // A failed read must not be cached forever.
    fontsReady.catch(() => {
      fontsReady = null;
    });
  }
  return fontsReady;
}

/** What pdfkit makes of a font for one document (an `EmbeddedFont`: the glyphs the document uses). */
interface PdfkitFont {
  name: string;
  /** The parsed font (fontkit), read-only once its tables are decoded. */
  font: unknown;
}
type PdfkitFontClass = new (document: unknown, font: unknown, id: string) => PdfkitFont;

/** The parts of pdfmake's document class (a pdfkit document) that sharing fonts touches. */
interface PdfmakeDocument {
  fontCache: Record<string, Record<string, PdfkitFont>>;
  _fontFamilies: Record<string, PdfkitFont>;
  _fontCount: number;
  getFontType(bold: boolean, italics: boolean): string;
  getFontFile(family: string, bold: boolean, italics: boolean): string | null;
  provideFont(family: string, bold: boolean, italics: boolean): PdfkitFont;
}

/** Per font file: pdfkit's font class, the parsed font and its PostScript name. */
const parsedFonts = new Map<string, { Embedded: PdfkitFontClass; font: unknown; name: string }>();
let fontsShared = false;

/**
 * pdfkit parses a font anew for every document (fontkit.create on the buffer), and every document
 * then decodes the tables of a 10 MB CJK font again (character map, metrics, GSUB/GPOS) before it
 * lays out a line: most of the time of a render. The parsed font is read-only once decoded, so ours
 * is parsed by the first document and shared by all later ones; each document still gets its own
 * pdfkit font object, with its own subset of glyphs, embedded when the document ends.
 */
function shareParsedFonts(): void {
  if (fontsShared) return;
  fontsShared = true;
  const proto = (require("pdfmake/js/PDFDocument.js") as { default?: { prototype: PdfmakeDocument } }).default?.prototype;
  // Another pdfmake than the one this was written for: every document parses its fonts, as before.
  if (typeof proto?.provideFont !== "function" || typeof proto.getFontFile !== "function") return;
  const provide = proto.provideFont;
  proto.provideFont = function (this: PdfmakeDocument, family, bold, italics) {
    const type = this.getFontType(bold, italics);
    const file = family === FONT_FAMILY ? this.getFontFile(family, bold, italics) : null;
    if (!file || this.fontCache[family]?.[type]) return provide.call(this, family, bold, italics);
    const parsed = parsedFonts.get(file);
    if (!parsed) {
      const first = provide.call(this, family, bold, italics);
      parsedFonts.set(file, { Embedded: first.constructor as PdfkitFontClass, font: first.font, name: first.name });
      return first;
    }
    // One pdfkit font per document and face (italics reuse the upright faces), registered where
    // pdfkit's own font() would, so that it is embedded when the document ends.
    const font = this._fontFamilies[parsed.name] ?? new parsed.Embedded(this, parsed.font, `F${++this._fontCount}`);
    this._fontFamilies[parsed.name] = font;
    (this.fontCache[family] ??= {})[type] = font;
    return font;
  };
}

let policiesSet = false;

function registerWithPdfmake(): void {
  // Re-registering the family is cheap (object merge) and protects against
  // another module calling pdfmake.setFonts() on the shared singleton.
  pdfmake.addFonts({
    [FONT_FAMILY]: { normal: VFS_REGULAR, bold: VFS_BOLD, italics: VFS_REGULAR, bolditalics: VFS_BOLD },
  });
  if (!policiesSet) {
    policiesSet = true;
    // Documents never reference remote or local files (fonts live in the virtual fs).
    // Deny by default, but only where nobody has set a policy yet; this also
    // silences pdfmake's per-call warning about missing policies.
    const pm = pdfmake as unknown as { urlAccessPolicy?: unknown; localAccessPolicy?: unknown };
    if (pm.urlAccessPolicy === undefined) pdfmake.setUrlAccessPolicy(() => false);
    if (pm.localAccessPolicy === undefined) pdfmake.setLocalAccessPolicy(() => false);
  }
}

// ---------------------------------------------------------------------------
// Layout constants
// ---------------------------------------------------------------------------

const A4_WIDTH = 595.28;
const MARGIN_X = 72; // ~25 mm
const CONTENT_WIDTH = A4_WIDTH - 2 * MARGIN_X;
const BODY_SIZE = 12;
const ISSUER_RED = "#b01c1c";
const BLUE = "#1f5fbf";
const BLUE_LIGHT = "#e8f0fb";
const GREY = "#555555";
const QR_SIZE = 88;

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

export function parseIssuedAt(issuedAt: string): { date: Date; chinese: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(issuedAt);
  if (!m) throw new RangeError(`issuedAt must be YYYY-MM-DD, got ${JSON.stringify(issuedAt)}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const utc = new Date(Date.UTC(y, mo - 1, d));
  if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== mo - 1 || utc.getUTCDate() !== d) {
    throw new RangeError(`issuedAt is not a valid calendar date: ${issuedAt}`);
  }
  // Midnight in Asia/Shanghai (UTC+8, no DST).
  const date = new Date(utc.getTime() - 8 * 3_600_000);
  // GB/T 9704-2012: dates are written with Arabic numerals, no leading zeros.
  return { date, chinese: `${y}年${mo}月${d}日` };
}

/** Vector QR code: one rectangle per horizontal run of dark modules. */
export function qrCanvas(text: string, size: number): Content {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const data = qr.modules.data;
  const quiet = 2; // modules of quiet zone on each side (the box adds more white space)
  const cell = size / (n + 2 * quiet);
  const rects: CanvasRect[] = [
    { type: "rect", x: 0, y: 0, w: size, h: size, color: "#ffffff" },
  ];
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!data[row * n + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && data[row * n + col]) col++;
      rects.push({
        type: "rect",
        x: (quiet + start) * cell,
        y: (quiet + row) * cell,
        // Tiny overlap avoids hairline gaps between runs in some viewers.
        w: (col - start) * cell + 0.05,
        h: cell + 0.05,
        color: "#000000",
      });
    }
  }
  return { canvas: rects, alignment: "center" };
}

const TABLE_SIZE = 10.5;
const TABLE_PAD = 5;

/** Approximate rendered width: CJK / full-width characters are 1em, others ~0.6em. */
function approxWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += ch.charCodeAt(0) <= 0xff ? 0.6 : 1;
  return em * fontSize;
}

/**
 * Short columns (序号, 份数, 是否必需 …) get a fixed width that fits their longest
 * cell on one line; the remaining columns share the rest of the line.
 */
function tableWidths(cols: number, header: string[], rows: string[][]): (number | "*")[] {
  const widths: (number | "*")[] = [];
  for (let c = 0; c < cols; c++) {
    const cells = [header[c] ?? "", ...rows.map((r) => r[c] ?? "")];
    const longest = Math.max(...cells.map((t) => [...t].length));
    widths.push(
      longest <= 6 ? Math.ceil(Math.max(...cells.map((t) => approxWidth(t, TABLE_SIZE))) * 1.08) + 2 * TABLE_PAD + 2 : "*",
    );
  }
  if (!widths.includes("*") && widths.length > 0) widths[widths.length - 1] = "*";
  return widths;
}

function buildTable(table: NonNullable<DocumentInput["table"]>): ContentTable {
  const cols = Math.max(table.header.length, ...table.rows.map((r) => r.length), 1);
  const pad = (r: string[]): string[] => Array.from({ length: cols }, (_, i) => r[i] ?? "");
  const headerRow: TableCell[] = pad(table.header).map((h) => ({
    text: h,
    bold: true,
    fillColor: BLUE_LIGHT,
    alignment: "center",
  }));
  const body: TableCell[][] = table.rows.map((r) => pad(r).map((c) => ({ text: c })));
  return {
    table: {
      headerRows: table.header.length > 0 ? 1 : 0,
      dontBreakRows: true,
      widths: tableWidths(cols, table.header, table.rows),
      body: table.header.length > 0 ? [headerRow, ...body] : body.length ? body : [pad([])],
    },
    layout: {
      hLineWidth: () => 0.6,
      vLineWidth: () => 0.6,
      hLineColor: () => "#8a9bb5",
      vLineColor: () => "#8a9bb5",
      paddingLeft: () => TABLE_PAD,
      paddingRight: () => TABLE_PAD,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    fontSize: TABLE_SIZE,
    lineHeight: 1.25,
    margin: [0, 6, 0, 10],
  };
}

/** The code a document is quoted by: the supervision code, or before acceptance the reference number. */
function codeOf(input: DocumentInput): { label: string; value: string } | null {
  if (input.supervisionCode) return { label: "统一服务监管码", value: input.supervisionCode };
  if (input.referenceNo) return { label: "申请编号", value: input.referenceNo };
  return null;
}

/** The caption of the QR code: what it opens. */
export function qrCaptionOf(input: DocumentInput): string {
  if (input.qrCaption) return input.qrCaption;
  const code = codeOf(input);
  return code ? `扫码查看办理进度（${code.label} ${code.value}）` : "扫码查看办理进度";
}

function supervisionBox(input: DocumentInput): Content {
  const info: Content[] = [
    { text: [{ text: "事项名称：", color: GREY }, { text: input.itemName }], margin: [0, 0, 0, 6] },
  ];
  const code = codeOf(input);
  if (code) {
    info.push(
      { text: code.label, color: GREY, fontSize: 10 },
      {
        text: code.value,
        bold: true,
        fontSize: 17,
        characterSpacing: 0.6,
        color: BLUE,
        margin: [0, 1, 0, 4],
      },
    );
  }
  if (input.qrUrl) info.push({ text: qrCaptionOf(input), fontSize: 9.5, bold: true, color: BLUE, margin: [0, 0, 0, 2] });
  if (code) {
    info.push({
      text: `${input.qrUrl ? "可扫描右侧二维码或" : "可"}登录重庆市网上行政审批平台，凭${code.label}查询办理进度。`,
      fontSize: 9,
      color: GREY,
    });
  }

  const cells: TableCell[] = [{ stack: info, margin: [8, 8, 8, 8] }];
  const widths: ("*" | number)[] = ["*"];
  if (input.qrUrl) {
    cells.push({
      stack: [
        qrCanvas(input.qrUrl, QR_SIZE),
        { text: input.qrCaption ? "扫码查看" : "扫码查看办理进度", fontSize: 9, alignment: "center", color: BLUE, margin: [0, 2, 0, 0] },
      ],
      margin: [4, 6, 4, 6],
    });
    widths.push(QR_SIZE + 16);
  }
  return {
    table: { widths, body: [cells] },
    layout: {
      hLineWidth: () => 1,
      vLineWidth: (i: number, node) => (i === 0 || i === (node.table.widths?.length ?? 1) ? 1 : 0.5),
      hLineColor: () => BLUE,
      vLineColor: () => BLUE,
      paddingLeft: () => 0,
      paddingRight: () => 0,
      paddingTop: () => 0,
      paddingBottom: () => 0,
    },
    unbreakable: true,
    lineHeight: 1.2,
    margin: [0, 12, 0, 0],
  };
}

/** Pure function: the pdfmake document definition (exported for tests / previews). */
export function buildDocumentDefinition(input: DocumentInput): TDocumentDefinitions {
  const title = input.title ?? documentTitles[input.kind];
  if (!title) throw new RangeError(`unknown document kind: ${String(input.kind)}`);
  const { date, chinese: dateText } = parseIssuedAt(input.issuedAt);

  const content: Content[] = [
    // 发文机关标志
    {
      text: input.issuer,
      alignment: "center",
      fontSize: 18,
      bold: true,
      color: ISSUER_RED,
      characterSpacing: 1,
      margin: [0, 0, 0, 6],
    },
    {
      canvas: [{ type: "line", x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 1.5, lineColor: ISSUER_RED }],
      margin: [0, 0, 0, 14],
    },
    // 标题
    { text: title, alignment: "center", fontSize: 22, bold: true, characterSpacing: 2, margin: [0, 0, 0, 8] },
    // 文号
    { text: input.documentNo, alignment: "center", fontSize: BODY_SIZE, margin: [0, 0, 0, 14] },
    // 主送
    { text: `${input.recipient}：`, fontSize: BODY_SIZE, margin: [0, 0, 0, 4] },
    // 正文
    ...input.paragraphs.map(
      (p): Content => ({
        text: p,
        leadingIndent: 2 * BODY_SIZE,
        alignment: "justify",
        margin: [0, 0, 0, 4],
      }),
    ),
  ];

  if (input.table && (input.table.header.length > 0 || input.table.rows.length > 0)) {
    content.push(buildTable(input.table));
  }
  if (input.remark) content.push({ text: input.remark, leadingIndent: 2 * BODY_SIZE, alignment: "justify", margin: [0, 4, 0, 4] });

  content.push(supervisionBox(input));

  // 署名 + 成文日期, right-aligned and kept together.
  content.push({
    stack: [
      { text: input.issuer, alignment: "right" },
      { text: dateText, alignment: "right", margin: [0, 4, 0, 0] },
    ],
    unbreakable: true,
    margin: [0, 20, 0, 0],
  });

  if (input.footnote) {
    content.push({
      stack: [
        {
          canvas: [{ type: "line", x1: 0, y1: 0, x2: CONTENT_WIDTH, y2: 0, lineWidth: 0.5, lineColor: "#999999" }],
          margin: [0, 0, 0, 4],
        },
        { text: input.footnote, fontSize: 8.5, color: GREY, lineHeight: 1.3 },
      ],
      unbreakable: true,
      margin: [0, 16, 0, 0],
    });
  }

  const code = codeOf(input);
  const isCertificate = input.kind === "certificate";

  return {
    pageSize: "A4",
    pageMargins: [MARGIN_X, 56, MARGIN_X, 56],
    language: "zh-CN",
    info: {
      title: `${title} ${input.documentNo}`,
      subject: `${input.itemName} — ${title}`,
      author: input.issuer,
      creator: PDF_CREATOR,
      producer: PDF_CREATOR,
      keywords: [title, input.itemName, code?.value].filter(Boolean).join(", "),
      creationDate: date,
      modDate: date,
    },
    defaultStyle: { font: FONT_FAMILY, fontSize: BODY_SIZE, lineHeight: 1.5, color: "#111111" },
    content,
    footer: (currentPage, pageCount) => ({
      columns: [
        { text: code ? `${code.label} ${code.value}` : "", alignment: "left" },
        { text: `— ${currentPage} —`, alignment: "center" },
        { text: pageCount > 1 ? `共 ${pageCount} 页` : "", alignment: "right" },
      ],
      fontSize: 8,
      color: "#777777",
      // Certificates: keep the footer inside the double frame.
      margin: [MARGIN_X, isCertificate ? 8 : 22, MARGIN_X, 0],
    }),
    ...(isCertificate
      ? {
          // Certificates get a double frame.
          background: (_page: number, pageSize: { width: number; height: number }) => ({
            canvas: [
              { type: "rect", x: 28, y: 28, w: pageSize.width - 56, h: pageSize.height - 56, lineWidth: 2, lineColor: BLUE },
              { type: "rect", x: 34, y: 34, w: pageSize.width - 68, h: pageSize.height - 68, lineWidth: 0.6, lineColor: BLUE },
            ],
          }),
        }
      : {}),
  };
}

/** Render an official document to a PDF buffer (A4, embedded Noto Sans SC subset). */
export async function renderDocumentPdf(input: DocumentInput): Promise<Buffer> {
  return renderDefinition(buildDocumentDefinition(input));
}

/** Renders any pdfmake definition with the platform's Chinese font (family `PDF_FONT`). */
export async function renderDefinition(definition: TDocumentDefinitions): Promise<Buffer> {
  await ensureFonts();
  registerWithPdfmake();
  shareParsedFonts();
  return pdfmake.createPdf(definition).getBuffer();
}

export const PDF_FONT = FONT_FAMILY;
