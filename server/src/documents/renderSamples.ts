import type { LicenceInput } from "./licencePdf.ts";
import type { DocumentInput } from "./pdf.ts";

// A typical acceptance notice and licence, for measuring what a render costs
// (scripts/document-render-cost.ts, docs/benchmarks.md "Documents") and for the tests of rendering.

export const sampleNotice: DocumentInput = {
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

export const sampleLicence: LicenceInput = {
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
