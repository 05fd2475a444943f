import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  buildDocumentDefinition,
  documentTitles,
  renderDocumentPdf,
  type DocumentInput,
  type DocumentKind,
} from "./pdf.ts";

const kinds = Object.keys(documentTitles) as DocumentKind[];

const base: DocumentInput = {
  kind: "acceptance-notice",
  documentNo: "渝北市监受〔2026〕第00012号",
  issuer: "重庆市渝北区市场监督管理局",
  issuedAt: "2026-03-05",
  recipient: "张三",
  itemName: "食品经营许可（新办）",
  supervisionCode: "500112-2026-000123-A7",
  qrUrl: "https://zwfw.example.cn/progress/500112-2026-000123-A7",
  paragraphs: [
    "你于2026年3月2日提出的食品经营许可（新办）申请，经审查，申请材料齐全、符合法定形式，决定予以受理。",
    "本机关将自受理之日起20个工作日内作出行政许可决定。",
  ],
  table: {
    header: ["序号", "材料名称", "份数"],
    rows: [
      ["1", "营业执照副本复印件", "1"],
      ["2", "经营场所平面布局图 <含&>", "1"],
    ],
  },
  footnote: "如不服本决定，可自收到本决定书之日起六十日内申请行政复议，或者在六个月内依法提起行政诉讼。",
};

const pdftotextAvailable = (() => {
  const r = spawnSync("pdftotext", ["-v"], { encoding: "utf8" });
  return !r.error;
})();

const workDir = mkdtempSync(join(tmpdir(), "cq-pdf-test-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function extractText(pdf: Buffer, name: string): string {
  const file = join(workDir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const r = spawnSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  expect(r.status).toBe(0);
  // pdftotext wraps long lines; compare without any whitespace.
  return r.stdout.replace(/\s+/g, "");
}

describe("documentTitles", () => {
  it("has the official Chinese titles", () => {
    expect(documentTitles["acceptance-notice"]).toBe("受理通知书");
    expect(documentTitles["non-acceptance-decision"]).toBe("不予受理决定书");
    expect(documentTitles["supplement-notice"]).toBe("补齐补正一次性告知书");
    expect(documentTitles["approval-decision"]).toBe("准予行政许可决定书");
    expect(documentTitles["denial-decision"]).toBe("不予行政许可决定书");
    expect(documentTitles.certificate).toBe("证照");
    expect(documentTitles["suspension-notice"]).toBe("行政许可期限中止告知书");
    expect(documentTitles["extension-notice"]).toBe("延长行政许可期限告知书");
    expect(kinds).toHaveLength(9);
  });
});

describe("buildDocumentDefinition", () => {
  it("sets A4, metadata and a creation date derived from issuedAt (Asia/Shanghai)", () => {
    const def = buildDocumentDefinition(base);
    expect(def.pageSize).toBe("A4");
    expect(def.info?.creator).toBe("重庆市网上行政审批平台");
    expect(def.info?.title).toContain("受理通知书");
    expect(def.info?.creationDate?.toISOString()).toBe("2026-03-04T16:00:00.000Z");
    expect(def.language).toBe("zh-CN");
  });

  it("rejects malformed dates", () => {
    expect(() => buildDocumentDefinition({ ...base, issuedAt: "2026/03/05" })).toThrow(RangeError);
    expect(() => buildDocumentDefinition({ ...base, issuedAt: "2026-02-30" })).toThrow(RangeError);
  });
});

describe("renderDocumentPdf", () => {
  it.each(kinds)("renders %s as a PDF with an embedded font", { timeout: 30_000 }, async (kind) => {
    const pdf = await renderDocumentPdf({ ...base, kind });
    expect(Buffer.isBuffer(pdf)).toBe(true);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const raw = pdf.toString("latin1");
    expect(raw).toMatch(/\/FontFile2\b/);
    expect(raw).toContain("NotoSansSC");
    // Subset fonts keep it small, but the font must really be there.
    expect(pdf.length).toBeGreaterThan(10_000);
    expect(pdf.length).toBeLessThan(1_000_000);
    expect(raw.trimEnd().endsWith("%%EOF")).toBe(true);

    if (pdftotextAvailable) {
      const text = extractText(pdf, kind);
      expect(text).toContain(documentTitles[kind]);
      expect(text).toContain(base.supervisionCode);
      expect(text).toContain(`扫码查看办理进度（统一服务监管码${base.supervisionCode}）`);
      expect(text).toContain("张三：");
      expect(text).toContain("申请材料齐全、符合法定形式");
      expect(text).toContain("2026年3月5日");
      expect(text).toContain("<含&>");
    }
  });

  it("renders without supervision code, QR code, table or footnote", async () => {
    const { supervisionCode: _s, qrUrl: _q, table: _t, footnote: _f, ...minimal } = base;
    const pdf = await renderDocumentPdf({ ...minimal, kind: "application-form", paragraphs: [] });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    if (pdftotextAvailable) {
      const text = extractText(pdf, "minimal");
      expect(text).toContain("行政许可申请书");
      expect(text).not.toContain("扫码查看办理进度");
    }
  });

  it("quotes the reference number before acceptance, with the template's title and a remark", async () => {
    const { supervisionCode: _s, ...rest } = base;
    const pdf = await renderDocumentPdf({
      ...rest, kind: "supplement-notice", title: "补正告知（本局版）", referenceNo: "SQ261203-0000-0000X", remark: "（另附说明）",
      qrUrl: "https://zwfw.example.cn/progress/SQ261203-0000-0000X",
    });
    if (pdftotextAvailable) {
      const text = extractText(pdf, "reference");
      expect(text).toContain("补正告知（本局版）");
      expect(text).toContain("申请编号SQ261203-0000-0000X");
      expect(text).toContain("扫码查看办理进度（申请编号SQ261203-0000-0000X）");
      expect(text).toContain("（另附说明）");
      expect(text).not.toContain("监管码");
    }
  });

  it("flows long tables over several pages", async () => {
    const rows = Array.from({ length: 80 }, (_, i) => [String(i + 1), `申请材料第${i + 1}项`, "1"]);
    const pdf = await renderDocumentPdf({ ...base, kind: "supplement-notice", table: { header: ["序号", "材料名称", "份数"], rows } });
    const pages = pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThan(1);
  });

  it("renders well under a second once the fonts are loaded", async () => {
    await renderDocumentPdf(base); // warm-up (fonts already cached by earlier tests)
    const start = performance.now();
    await renderDocumentPdf({ ...base, kind: "approval-decision" });
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
