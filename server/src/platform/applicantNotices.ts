import type { Executor } from "./db.ts";
import type { Deps } from "./context.ts";
import { notifyUser, queueMessage } from "./notify.ts";
import { personalDataOf } from "./personalData.ts";

/**
 * What the platform tells an applicant, one template per event in both languages: the title and
 * text of the in-app message, which the SMS repeats (and a mail, where one is configured). Each
 * template names its parameters `{item}`; the same parameters go to SMS gateways that send
 * registered templates (`SMS_TEMPLATE_IDS`, docs/notifications.md).
 */
type Words = { zh: string; en: string };
interface NoticeTemplate {
  title: Words;
  text: Words;
}

export const applicantNotices = {
  "case.submitted": {
    title: { zh: "申请已提交", en: "Application submitted" },
    text: {
      zh: "您申请的“{item}”已提交，申请编号 {ref}。{department}将在 5 个工作日内审查材料，受理后告知统一服务监管码。",
      en: 'Your application for "{item}" was submitted; reference number {ref}. {department} reviews it within 5 working days and gives you a supervision code when it is accepted.',
    },
  },
  "case.supplement-requested": {
    title: { zh: "请补齐补正材料", en: "Please supplement your application" },
    text: {
      zh: "您申请的“{item}”（申请编号 {ref}）需补齐补正 {count} 项：{list}。详见一次性告知书，请登录平台补正。",
      en: 'Your application for "{item}" (reference {ref}) needs {count} item(s) supplemented: {list}. See the one-time notice and hand them in on the platform.',
    },
  },
  "case.accepted": {
    title: { zh: "申请已受理", en: "Application accepted" },
    text: {
      zh: "您申请的“{item}”已受理，统一服务监管码 {code}，承诺于 {due} 前办结。可凭监管码查询进度。",
      en: 'Your application for "{item}" was accepted. Supervision code {code}; it will be decided by {due}. Follow it with the code.',
    },
  },
  "case.not-accepted": {
    title: { zh: "申请未予受理", en: "Application not accepted" },
    text: {
      zh: "您申请的“{item}”（申请编号 {ref}）未予受理，理由：{reasons}。详见不予受理决定书。",
      en: 'Your application for "{item}" (reference {ref}) was not accepted: {reasons}. See the decision for your rights.',
    },
  },
  "case.suspended": {
    title: { zh: "办理期限中止", en: "Time limit suspended" },
    text: {
      zh: "您申请的“{item}”（监管码 {code}）因{kind}中止计时：{reason}，预计 {length}。恢复后将另行告知。",
      en: 'The time limit of "{item}" ({code}) is suspended for {kind}: {reason}; expected {length}. You will be told when it resumes.',
    },
  },
  "case.step-done": {
    title: { zh: "办理进度：{next}", en: "Progress: {next}" },
    text: {
      zh: "您申请的“{item}”（监管码 {code}）已完成“{done}”环节，进入“{next}”环节。",
      en: 'Your application for "{item}" ({code}) has passed the step "{done}" and is now at "{next}".',
    },
  },
  "case.resumed": {
    title: { zh: "办理恢复计时", en: "Time limit resumed" },
    text: {
      zh: "您申请的“{item}”（监管码 {code}）已恢复计时，应于 {due} 前办结。",
      en: 'The time limit of "{item}" ({code}) runs again; it will be decided by {due}.',
    },
  },
  "case.extended": {
    title: { zh: "办理期限延长", en: "Time limit extended" },
    text: {
      zh: "您申请的“{item}”（监管码 {code}）办理期限延长至 {due}，理由：{reason}。",
      en: 'The time limit of "{item}" ({code}) is extended to {due}: {reason}.',
    },
  },
  "case.approved": {
    title: { zh: "准予许可", en: "Approved" },
    text: {
      zh: "您申请的“{item}”（监管码 {code}）已准予许可。{delivery}",
      en: 'Your application for "{item}" ({code}) was approved. {delivery}',
    },
  },
  "case.denied": {
    title: { zh: "不予许可", en: "Not approved" },
    text: {
      zh: "您申请的“{item}”（监管码 {code}）未予许可，理由及救济途径见不予行政许可决定书。{delivery}",
      en: 'Your application for "{item}" ({code}) was not approved; the decision states the reasons and your rights. {delivery}',
    },
  },
  "case.ready-for-pickup": {
    title: { zh: "结果可以领取", en: "Ready for pick-up" },
    text: {
      zh: "您申请的“{item}”（监管码 {code}）的结果已可领取。请本人携带身份证件到{place}领取；委托他人代领的，代领人须携带委托书和本人身份证件。",
      en: 'The result of "{item}" ({code}) is ready. Collect it at {place}; bring your ID document (someone collecting for you brings your written authorisation and their own ID).',
    },
  },
  "case.collected": {
    title: { zh: "已领取", en: "Collected" },
    text: {
      zh: "您申请的“{item}”（监管码 {code}）已办结，结果已当面领取。欢迎对本次服务作出评价。",
      en: 'Your application for "{item}" ({code}) is closed and its result was collected. Tell us how we did.',
    },
  },
  "case.mailed": {
    title: { zh: "已邮寄", en: "Mailed" },
    text: {
      zh: "您申请的“{item}”（监管码 {code}）的结果已邮寄，运单号 {trackingNo}。",
      en: 'The result of "{item}" ({code}) was mailed; tracking number {trackingNo}.',
    },
  },
  "case.delivered-electronically": {
    title: { zh: "已电子送达", en: "Delivered electronically" },
    text: {
      zh: "您申请的“{item}”（监管码 {code}）的结果已电子送达，请登录平台下载。",
      en: 'The result of "{item}" ({code}) was delivered electronically; download it on the platform.',
    },
  },
  "certificate.revoked": {
    title: { zh: "证照注销通知：{name}", en: "Certificate revoked: {name}" },
    text: {
      zh: "您的《{name}》（证照编号 {no}）已于 {day} 被发证机关{issuer}注销。注销原因：{reason}。依据：{legalBasis}。该证照自注销之日起核验结果为“已注销”。如有异议，可依法申请行政复议或者提起行政诉讼。",
      en: "Your certificate {name} (No. {no}) was revoked by its issuing department, {issuer}, on {day}. Reason: {reason}. Legal basis: {legalBasis}. It no longer verifies as valid. You may ask for an administrative reconsideration or bring an administrative lawsuit as the law provides.",
    },
  },
  "certificate.expiring": {
    title: { zh: "证照到期提醒：{name}", en: "Certificate expires soon: {name}" },
    text: {
      zh: "您的《{name}》（证照编号 {no}）有效期至 {validUntil}，即将到期。如需继续使用，请及时申请延续。",
      en: "Your certificate {name} (No. {no}) is valid until {validUntil}. If you need it after that day, apply for its renewal in time.",
    },
  },
  "consultation.answered": {
    title: { zh: "您的咨询建议已答复", en: "Your question was answered" },
    text: {
      zh: "您向{department}提出的{kind}“{subject}”已由{answerer}答复，请登录平台在“我的咨询”查看。",
      en: 'Your {kind} "{subject}" to {department} was answered by {answerer}; read the answer under My questions on the platform.',
    },
  },
} as const satisfies Record<string, NoticeTemplate>;
export type ApplicantNoticeKind = keyof typeof applicantNotices;

const SMS_SIGNATURE = { zh: "【重庆市网上行政审批平台】", en: "[Chongqing Online Approval] " };
const MAIL_SUBJECT = { zh: "重庆市网上行政审批平台：", en: "Chongqing Online Approval: " };
const MAIL_FOOTER = {
  zh: "本邮件由系统自动发送，请勿回复。登录平台“我的消息”可查看全部通知；不再接收邮件可在“通知设置”中删除邮箱。",
  en: "This mail was sent automatically; please do not reply. All notices are in My messages on the platform; remove your address in Notifications to stop these mails.",
};
const PARAM = /\{(\w+)\}/g;

/** The names a template's texts use. */
export function noticeParams(kind: ApplicantNoticeKind): string[] {
  const t = applicantNotices[kind];
  return [...new Set([t.title.zh, t.title.en, t.text.zh, t.text.en].flatMap((s) => [...s.matchAll(PARAM)].map((m) => m[1]!)))].sort();
}

/** A parameter's value: the same in both languages (a code, a date), or one per language (a kind of suspension). */
export type NoticeParam = string | Words;
export type NoticeParams = Record<string, NoticeParam>;

/** The parameters in one language. */
export function paramsIn(params: NoticeParams, lang: "zh-CN" | "en"): Record<string, string> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? v : lang === "en" ? v.en : v.zh]));
}

/** A notice in one language; every parameter its text names must be given (a missing one is a mistake in the caller). */
export function renderNotice(kind: ApplicantNoticeKind, lang: "zh-CN" | "en", params: NoticeParams): { title: string; text: string } {
  const t = applicantNotices[kind];
  const key = lang === "en" ? "en" : "zh";
  const values = paramsIn(params, lang);
  const fill = (s: string) =>
    s.replace(PARAM, (_m, name: string) => {
      const v = values[name];
      if (v === undefined) throw new Error(`notice ${kind}: parameter ${name} missing`);
      return v;
    });
  return { title: fill(t.title[key]), text: fill(t.text[key]) };
}

/**
 * Tells an applicant of an event, in their language, inside the caller's transaction: a message in
 * their inbox, an SMS to their phone and a mail where they gave an address (the outbox sends both
 * after the commit).
 */
export async function tellApplicant(
  ctx: { trx: Executor; now: Date; deps: Pick<Deps, "config"> },
  applicant: { id: string; phone: string | null; email?: string | null; lang?: "zh-CN" | "en" | null } | null | undefined,
  kind: ApplicantNoticeKind,
  params: NoticeParams,
  caseId?: string,
  inboxDetail?: Words,
): Promise<void> {
  if (!applicant) return;
  const lang = applicant.lang === "en" ? "en" : "zh-CN";
  const { title, text } = renderNotice(kind, lang, params);
  // What is too long for an SMS (an answer's full text) goes to the inbox and the mail only.
  const detail = inboxDetail ? `\n${lang === "en" ? inboxDetail.en : inboxDetail.zh}` : "";
  await notifyUser(ctx, applicant.id, { title, text: text + detail, ...(caseId ? { caseId } : {}) });
  if (applicant.phone) {
    const phone = personalDataOf(ctx.deps.config).open(applicant.phone);
    await queueMessage(ctx, { to: phone, channel: "sms", at: ctx.now, text: `${SMS_SIGNATURE[lang === "en" ? "en" : "zh"]}${text}`, kind, params: paramsIn(params, lang) });
  }
  if (applicant.email) {
    const email = personalDataOf(ctx.deps.config).open(applicant.email);
    await queueMessage(ctx, { to: email, channel: "email", at: ctx.now, subject: `${MAIL_SUBJECT[lang === "en" ? "en" : "zh"]}${title}`, text: `${text}${detail}\n\n${MAIL_FOOTER[lang === "en" ? "en" : "zh"]}`, kind });
  }
}
