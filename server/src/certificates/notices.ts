// What the holder is told about a certificate's life after issue (revocation 注销, expiry 到期提醒),
// in the inbox and by SMS, in the holder's language.

type Lang = "zh-CN" | "en";

export function revocationNotice(c: { certificateNo: string; name: string; reason: string; legalBasis: string | null; day: string }, lang: Lang) {
  if (lang === "en") {
    const basis = c.legalBasis ? ` Legal basis: ${c.legalBasis}.` : "";
    return {
      title: `Certificate revoked: ${c.name}`,
      text: `Your certificate ${c.name} (No. ${c.certificateNo}) was revoked by its issuing department on ${c.day}. Reason: ${c.reason}.${basis} It no longer verifies as valid. You may ask the issuing department for an administrative reconsideration or bring an administrative lawsuit as the law provides.`,
      sms: `[Chongqing approval platform] Your certificate ${c.certificateNo} was revoked on ${c.day}. See your inbox on the platform for the reason and legal basis.`,
    };
  }
  const basis = c.legalBasis ? `依据：${c.legalBasis}。` : "";
  return {
    title: `证照注销通知：${c.name}`,
    text: `您的《${c.name}》（证照编号 ${c.certificateNo}）已于 ${c.day} 被发证机关注销。注销原因：${c.reason}。${basis}该证照自注销之日起核验结果为“已注销”。如有异议，可依法申请行政复议或者提起行政诉讼。`,
    sms: `【重庆市网上行政审批平台】您的证照（编号 ${c.certificateNo}）已于 ${c.day} 被注销，注销原因及依据请登录平台查看消息。`,
  };
}

export function expiryReminder(c: { certificateNo: string; name: string; validUntil: string }, lang: Lang) {
  if (lang === "en") {
    return {
      title: `Certificate expires soon: ${c.name}`,
      text: `Your certificate ${c.name} (No. ${c.certificateNo}) is valid until ${c.validUntil}. If you need it after that day, apply for its renewal in time.`,
      sms: `[Chongqing approval platform] Your certificate ${c.certificateNo} expires on ${c.validUntil}. Apply for renewal in time if you still need it.`,
    };
  }
  return {
    title: `证照到期提醒：${c.name}`,
    text: `您的《${c.name}》（证照编号 ${c.certificateNo}）有效期至 ${c.validUntil}。如需继续使用，请及时申请延续。`,
    sms: `【重庆市网上行政审批平台】您的证照（编号 ${c.certificateNo}）将于 ${c.validUntil} 到期，如需继续使用请及时申请延续。`,
  };
}
