import { placeholdersOfKind, type TemplateKind } from "@cq/contracts";
import { generateSupervisionCode } from "../../caseRecord/supervisionCode.ts";
import { generateReferenceNo } from "../../caseRecord/referenceNo.ts";
import type { PlaceholderValues } from "./render.ts";

// The sample case a preview is printed with: fixed, made-up values, never anyone's data.
export const SAMPLE_APPLICANT = "（示例）重庆山城味道餐饮管理有限公司";
export const SAMPLE_ITEM = "食品经营许可（示例）";
// Shaped like real codes, with no randomness: no case holds them.
const zero = () => 0;
export const SAMPLE_SUPERVISION_CODE = generateSupervisionCode("500112", 2026, zero);
export const SAMPLE_REFERENCE_NO = generateReferenceNo("2026-12-03", zero);

/** Sample values of every placeholder a kind knows, for a department (or the platform). */
export function sampleValues(kind: TemplateKind, departmentName: string): PlaceholderValues {
  const all: Required<PlaceholderValues> = {
    申请人: SAMPLE_APPLICANT,
    事项名称: SAMPLE_ITEM,
    承办部门: departmentName,
    申请编号: SAMPLE_REFERENCE_NO,
    监管码: SAMPLE_SUPERVISION_CODE,
    申请日期: "2026年12月1日",
    文书日期: "2026年12月3日",
    咨询电话: "023-67000000",
    投诉电话: "12345",
    受理日期: "2026年12月3日",
    承诺期限: "10",
    法定期限: "20",
    办结期限: "2026年12月17日",
    补正项数: "2",
    审批结果: "《食品经营许可证》（有效期5年）",
    证照名称: "食品经营许可证",
    证照编号: "JY15001120000000",
    有效期至: "2031年12月2日",
    决定理由: "（示例）申请人的经营场所、设施设备和食品安全管理制度符合规定。",
    中止原因: "现场核查（示例：等待申请人整改经营场所）",
    预计时长: "5个工作日",
    延长理由: "（示例）需要组织专家评审",
    延长天数: "10",
  };
  return Object.fromEntries(placeholdersOfKind[kind].map((p) => [p, all[p]]));
}

/** The sample table of a kind (the tables are laid out by the platform, not the template). */
export function sampleTable(kind: TemplateKind): { header: string[]; rows: string[][] } | undefined {
  if (kind === "supplement-notice") {
    return { header: ["序号", "材料", "补齐补正要求"], rows: [["1", "营业执照", "（示例）请提交加盖公章的复印件"], ["2", "经营场所平面图", "（示例）请标明各功能区面积"]] };
  }
  if (kind === "non-acceptance-decision") return { header: ["序号", "不予受理的理由"], rows: [["1", "（示例）申请事项依法不需要取得行政许可"]] };
  if (kind === "application-form") return { header: ["项目", "填写示例"], rows: [["经营者名称（必填）", SAMPLE_APPLICANT], ["经营场所（必填）", "重庆市渝北区龙溪街道金山路18号"]] };
  return undefined;
}

/** The sample licence particulars a certificate template is previewed with. */
export const sampleParticulars = {
  rows: [
    { label: "经营者名称", value: SAMPLE_APPLICANT },
    { label: "经营场所", value: "重庆市渝北区龙溪街道金山路18号" },
    { label: "主体业态", value: "餐饮服务经营者" },
    { label: "有效期至", value: "2031-12-02" },
  ],
};
