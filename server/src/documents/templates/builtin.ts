import type { TemplateBody, TemplateKind } from "@cq/contracts";

/** What every notice ends with: where to ask and where to complain. */
const PHONES = "咨询电话：{{咨询电话}}　监督投诉电话：{{投诉电话}}";
const REVIEW_RIGHTS =
  "如不服本决定，可以自收到本决定书之日起六十日内依法向本机关的本级人民政府或者上一级主管部门申请行政复议，也可以在六个月内依法向人民法院提起行政诉讼。";

/**
 * The words built into the platform (version 0 of every template): what documents say until the
 * platform admins edit a default or a department keeps its own. Every kind has one.
 */
export const builtinTemplates: Record<TemplateKind, TemplateBody> = {
  "application-form": {
    title: "行政许可申请书",
    paragraphs: [
      "申请事项：{{事项名称}}",
      "实施机关：{{承办部门}}",
      "请如实填写以下各项，并对所填内容的真实性负责。",
    ],
    footnote: PHONES,
  },
  "acceptance-notice": {
    title: "受理通知书",
    paragraphs: [
      "你（单位）于{{申请日期}}提出的“{{事项名称}}”申请，{{受理情形}}。",
      "本机关承诺在受理之日起{{承诺期限}}个工作日内作出决定（法定期限{{法定期限}}个工作日）。依法需要听证、检验、检测、鉴定、专家评审等的，所需时间不计算在期限内，届时另行书面告知。",
      "请凭统一服务监管码 {{监管码}} 在重庆市网上行政审批平台查询办理进度。",
    ],
    footnote: PHONES,
  },
  "non-acceptance-decision": {
    title: "不予受理决定书",
    paragraphs: [
      "你（单位）于{{申请日期}}提出的“{{事项名称}}”申请，经审查，存在下列情形，根据《中华人民共和国行政许可法》第三十二条的规定，本机关决定不予受理：",
    ],
    footnote: "如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。",
  },
  "supplement-notice": {
    title: "补齐补正一次性告知书",
    paragraphs: [
      "你（单位）提出的“{{事项名称}}”申请，经审查，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条的规定，现一次性告知需要补齐补正的全部内容（共{{补正项数}}项）如下：",
    ],
    footnote: "请按上述要求一次性补齐补正后，通过平台在线提交或到政务服务中心窗口提交。补正材料由本机关审查。可凭申请编号 {{申请编号}} 在重庆市网上行政审批平台查询办理进度。",
  },
  "approval-decision": {
    title: "准予行政许可决定书",
    paragraphs: [
      "你（单位）申请的“{{事项名称}}”，经审查，符合法定条件和标准，根据《中华人民共和国行政许可法》第三十八条第一款的规定，本机关决定准予行政许可。",
      "颁发：{{审批结果}}，证照编号 {{证照编号}}。",
      "{{决定理由}}",
    ],
    footnote: PHONES,
  },
  "denial-decision": {
    title: "不予行政许可决定书",
    paragraphs: [
      "你（单位）申请的“{{事项名称}}”，经审查，不符合法定条件和标准，根据《中华人民共和国行政许可法》第三十八条第二款的规定，本机关决定不予行政许可。理由如下：",
      "{{决定理由}}",
    ],
    footnote: REVIEW_RIGHTS,
  },
  certificate: {
    title: "{{证照名称}}",
    paragraphs: ["本证照是持证主体依法从事许可事项的凭证，应当在经营或者执业场所的显著位置悬挂或者摆放，不得伪造、涂改、出租、出借、转让。"],
    footnote: "本证照由{{承办部门}}通过重庆市网上行政审批平台签发，已加盖电子签名；可扫描二维码或在平台“证照核验”中凭证照编号 {{证照编号}} 核验。",
  },
  "suspension-notice": {
    title: "行政许可期限中止告知书",
    paragraphs: [
      "你（单位）申请的“{{事项名称}}”，因需要进行{{中止原因}}，根据《中华人民共和国行政许可法》第四十五条的规定，所需时间不计算在行政许可期限内。",
      "预计需要{{预计时长}}，自{{文书日期}}起计算。上述情形结束后，本机关将恢复计算办理期限并告知你（单位）。",
    ],
    footnote: PHONES,
  },
  "extension-notice": {
    title: "延长行政许可期限告知书",
    paragraphs: [
      "你（单位）申请的“{{事项名称}}”，因{{延长理由}}，不能在规定期限内作出决定。经本机关负责人批准，根据《中华人民共和国行政许可法》第四十二条的规定，办理期限延长{{延长天数}}个工作日。",
    ],
    footnote: PHONES,
  },
};
