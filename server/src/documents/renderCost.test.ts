import { describe, expect, it } from "vitest";
import { type LicenceInput, renderLicencePdf } from "./licencePdf.ts";
import { type DocumentInput, renderDocumentPdf } from "./pdf.ts";

// The font is parsed by the first document of a process and shared by the later ones (pdf.ts,
// shareParsedFonts). A shared font must change nothing in the file: the first render (font parsed)
// and later ones (font shared) give the same bytes. The time of each is printed for
// docs/benchmarks.md ("Documents"); nothing here depends on it.

const notice: DocumentInput = {
  kind: "acceptance-notice",
  documentNo: "渝北区市场监管局受〔2026〕第00012号",
  issuer: "重庆市渝北区市场监督管理局",
  issuedAt: "2026-03-05",
  recipient: "重庆山城火锅餐饮有限公司",
  itemName: "食品经营许可（新办）",
  supervisionCode: "500112-2026-000123-A7",
  qrUrl: "https://zwfw.example.cn/progress/500112-2026-000123-A7",
  paragraphs: [
    "你单位于2026年3月2日提出的食品经营许可（新办）申请，经审查，申请材料齐全、符合法定形式，本机关决定予以受理。",
    "本机关将自受理之日起20个工作日内作出行政许可决定。如需现场核查，核查所需时间不计入上述期限。",
  ],
  footnote: "如不服本决定，可自收到本决定书之日起六十日内申请行政复议，或者在六个月内依法提起行政诉讼。",
};

const licence: LicenceInput = {
  heading: "食品经营许可证",
  certificateNo: "JY15001120012345",
  rows: [
    { label: "经营者名称", value: "重庆山城火锅餐饮有限公司" },
    { label: "统一社会信用代码", value: "91500112MA5U0000XX" },
    { label: "住所", value: "重庆市渝北区龙溪街道金开大道88号" },
    { label: "经营项目", value: "热食类食品制售；冷食类食品制售" },
    { label: "有效期至", value: "2031-03-04" },
  ],
  signature: [
    { label: "发证机关", value: "重庆市渝北区市场监督管理局" },
    { label: "发证日期", value: "2026-03-05" },
  ],
  issuer: "重庆市渝北区市场监督管理局",
  issuedAt: "2026-03-05",
  supervisionCode: "500112-2026-000123-A7",
  qrUrl: "https://zwfw.example.cn/verify/JY15001120012345",
  keyId: "k2026",
  notes: ["本许可证是经营者取得食品经营资格的合法凭证。"],
  footnote: "请于有效期届满三十个工作日前申请延续。",
};

async function timed(render: () => Promise<Buffer>): Promise<{ ms: number; pdf: Buffer }> {
  const start = performance.now();
  const pdf = await render();
  return { ms: performance.now() - start, pdf };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe("rendering with the font shared across documents", () => {
  it("gives the bytes of the first render (font parsed) to every later one (font shared)", async () => {
    for (const [name, render] of [
      ["acceptance notice", () => renderDocumentPdf(notice)],
      ["licence", () => renderLicencePdf(licence)],
    ] as const) {
      const first = await timed(render);
      const later = [];
      for (let i = 0; i < 5; i++) later.push(await timed(render));
      for (const r of later) expect(r.pdf.equals(first.pdf)).toBe(true);
      console.log(`${name}: first ${first.ms.toFixed(0)} ms, then median ${median(later.map((r) => r.ms)).toFixed(0)} ms (${first.pdf.length} bytes)`);
    }
  });
});
