import { type Guide, type GuideChange, guideFieldLabels, handlingModes } from "@cq/contracts";
import { certificateTypeName } from "./certificateTypes.ts";

// The change notice (R11): what changed in an item's guide, field by field, in the applicant's language.

type Lang = "zh-CN" | "en";

const modeNames: Record<(typeof handlingModes)[number], { zh: string; en: string }> = {
  online: { zh: "全程网办", en: "online" },
  "online-and-hall": { zh: "网上或窗口办理", en: "online or at a service hall" },
  "hall-only": { zh: "仅窗口办理", en: "at a service hall only" },
};

const pick = (lang: Lang, s: { zh: string; en: string }) => (lang === "en" ? s.en : s.zh);

/** One line per changed field; short values are shown before and after, long texts as changed. */
export function describeChanges(diff: GuideChange[], lang: Lang, departmentName: (id: string) => string): string[] {
  const days = (n: unknown) => (lang === "en" ? `${String(n)} working days` : `${String(n)}个工作日`);
  const arrow = (a: string, b: string) => (lang === "en" ? `${a} → ${b}` : `由“${a}”改为“${b}”`);
  return diff.map((c) => {
    const label = pick(lang, guideFieldLabels[c.field]);
    const sep = lang === "en" ? ": " : "：";
    switch (c.field) {
      case "statutoryDays":
      case "statutoryExtensionDays":
      case "promisedDays":
      case "yellowDays":
        return label + sep + arrow(days(c.before), days(c.after));
      case "fees":
      case "consultationPhone":
      case "complaintPhone":
        return label + sep + arrow(String(c.before ?? ""), String(c.after ?? ""));
      case "handlingMode": {
        const name = (m: unknown) => (typeof m === "string" && m in modeNames ? pick(lang, modeNames[m as keyof typeof modeNames]) : String(m));
        return label + sep + arrow(name(c.before), name(c.after));
      }
      case "resultCertificateType": {
        const name = (t: unknown) => (typeof t === "string" ? certificateTypeName(t, lang) : lang === "en" ? "none" : "无");
        return label + sep + arrow(name(c.before), name(c.after));
      }
      case "materials": {
        const before = (c.before as Guide["materials"] | null) ?? [];
        const after = c.after as Guide["materials"];
        const added = after.filter((m) => !before.some((b) => b.key === m.key)).map((m) => m.name);
        const removed = before.filter((m) => !after.some((a) => a.key === m.key)).map((m) => m.name);
        const nowRequired = after.filter((m) => m.required && before.some((b) => b.key === m.key && !b.required)).map((m) => m.name);
        const parts = [
          ...(added.length ? [(lang === "en" ? "added " : "新增") + added.join(lang === "en" ? ", " : "、")] : []),
          ...(removed.length ? [(lang === "en" ? "no longer needed " : "不再需要") + removed.join(lang === "en" ? ", " : "、")] : []),
          ...(nowRequired.length ? [(lang === "en" ? "now required " : "改为必交") + nowRequired.join(lang === "en" ? ", " : "、")] : []),
        ];
        return label + sep + (parts.length ? parts.join(lang === "en" ? "; " : "；") : lang === "en" ? "descriptions changed" : "说明有调整");
      }
      case "assistingDepartmentIds":
      case "ccDepartmentIds":
      case "resultDepartmentIds": {
        const names = (v: unknown) => ((v as string[] | null) ?? []).map(departmentName).join(lang === "en" ? ", " : "、") || (lang === "en" ? "none" : "无");
        return label + sep + arrow(names(c.before), names(c.after));
      }
      default:
        return label + sep + (lang === "en" ? "changed" : "有调整");
    }
  });
}

/** The inbox message and the SMS text of a change notice. */
export function changeNoticeText(
  n: { itemName: string; number: number; effectiveDay: string; supervisionCode: string | null; draft: boolean; lines: string[] },
  lang: Lang,
): { title: string; text: string; sms: string } {
  if (lang === "en") {
    const which = n.supervisionCode ? ` (case ${n.supervisionCode})` : "";
    const rule = n.draft
      ? "Your application is not yet submitted: it now follows the new guide; check its materials before you submit it."
      : "Your case goes on under the guide it was submitted under; its time limit does not change.";
    return {
      title: `The guide of "${n.itemName}" changed`,
      text: `The guide of "${n.itemName}"${which} changed with version ${n.number}, in effect from ${n.effectiveDay}. ${rule}\n${n.lines.map((l) => `• ${l}`).join("\n")}`,
      sms: `The guide of "${n.itemName}"${which} changed from ${n.effectiveDay}: ${n.lines.length} change(s). ${rule} Details are in your inbox.`,
    };
  }
  const which = n.supervisionCode ? `（监管码 ${n.supervisionCode}）` : "";
  const rule = n.draft ? "您的申请尚未提交，已转为按新版本填写，请核对申请材料后再提交。" : "您的办件仍按提交时的版本办理，办理时限不变。";
  return {
    title: `“${n.itemName}”办事指南变更告知`,
    text: `您申请的“${n.itemName}”${which}办事指南已更新为第 ${n.number} 版，自 ${n.effectiveDay} 起施行。${rule}\n${n.lines.map((l) => `• ${l}`).join("\n")}`,
    sms: `【重庆市网上行政审批平台】您申请的“${n.itemName}”${which}办事指南自${n.effectiveDay}起变更（${n.lines.length}项）。${rule}详情请查看“我的消息”。`,
  };
}
