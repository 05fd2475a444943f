/** Stable error codes with their messages in both UI languages. */
export const errorMessages = {
  VALIDATION_FAILED: { status: 400, zh: "请求内容不符合要求，请检查后重试。", en: "The request is invalid; check the fields and try again." },
  INVALID_ID_NUMBER: { status: 400, zh: "身份证号码无效，请核对后重新输入。", en: "The ID card number is not valid; check it and try again." },
  INVALID_CREDIT_CODE: { status: 400, zh: "统一社会信用代码无效，请核对后重新输入。", en: "The unified social credit code is not valid; check it and try again." },
  INVALID_PHONE: { status: 400, zh: "手机号码格式不正确。", en: "The mobile number is not valid." },
  WEAK_PASSWORD: { status: 400, zh: "密码至少 8 位，且须同时包含字母和数字。", en: "The password needs at least 8 characters with letters and digits." },
  INVALID_SMS_CODE: { status: 400, zh: "短信验证码错误或已过期，请重新获取。", en: "The SMS code is wrong or expired; request a new one." },
  INVALID_SUPERVISION_CODE: { status: 400, zh: "统一服务监管码校验位不正确，请核对后重新输入。", en: "The supervision code fails its check character; check it and try again." },
  INVALID_CLOCK: { status: 400, zh: "时间格式不正确。", en: "The time is not valid." },
  CSRF_HEADER_MISSING: { status: 403, zh: "请求缺少安全标头，请刷新页面后重试。", en: "The request lacks the CSRF header; reload the page and try again." },
  NOT_LOGGED_IN: { status: 401, zh: "请先登录。", en: "Please log in first." },
  INVALID_CREDENTIALS: { status: 401, zh: "账号或密码错误。", en: "The login or password is wrong." },
  ACCOUNT_LOCKED: { status: 423, zh: "登录失败次数过多，账号已暂时锁定，请稍后再试。", en: "Too many failed logins; the account is locked for a while." },
  FORBIDDEN: { status: 403, zh: "您没有执行此操作的权限。", en: "You are not allowed to do this." },
  NOT_FOUND: { status: 404, zh: "请求的内容不存在。", en: "Not found." },
  ITEM_NOT_FOUND: { status: 404, zh: "事项不存在或已取消。", en: "The item does not exist or was cancelled." },
  CASE_NOT_FOUND: { status: 404, zh: "办件不存在。", en: "The case does not exist." },
  DOCUMENT_NOT_FOUND: { status: 404, zh: "文书不存在。", en: "The document does not exist." },
  MATERIAL_NOT_FOUND: { status: 404, zh: "该事项没有这项申请材料。", en: "The item has no such material." },
  CERTIFICATE_NOT_FOUND: { status: 404, zh: "证照库中没有找到该证照。", en: "No such certificate in the certificate library." },
  APPLICANT_NOT_FOUND: { status: 404, zh: "申请人不存在。", en: "The applicant does not exist." },
  PHONE_TAKEN: { status: 409, zh: "该手机号已注册，请直接登录。", en: "This mobile number is already registered; log in instead." },
  ID_NUMBER_TAKEN: { status: 409, zh: "该证件号码已注册，请直接登录。", en: "This ID number is already registered; log in instead." },
  CASE_STATE_CONFLICT: { status: 409, zh: "办件当前状态不允许此操作，请刷新后查看最新状态。", en: "The case's current state does not allow this; reload to see its state." },
  FILE_TOO_LARGE: { status: 413, zh: "文件过大，请压缩后重新上传。", en: "The file is too large; compress it and upload again." },
  FILE_TYPE_REFUSED: { status: 415, zh: "不支持该文件类型，请上传 PDF、JPG 或 PNG 文件。", en: "This file type is not accepted; upload PDF, JPG or PNG." },
  FILE_MISSING: { status: 400, zh: "没有收到文件。", en: "No file was received." },
  MATERIALS_MISSING: { status: 422, zh: "还有必需的申请材料未提交。", en: "Required materials are missing." },
  FORM_INCOMPLETE: { status: 422, zh: "申请表还有必填项未填写。", en: "Required fields of the application form are empty." },
  ITEM_OFFLINE_ONLY: { status: 422, zh: "该事项涉及国家秘密或公共安全，只能到窗口现场办理。", en: "This item is handled only in person at a service hall." },
  APPLICANT_TYPE_NOT_ALLOWED: { status: 422, zh: "该事项不受理此类申请人。", en: "This item does not accept this kind of applicant." },
  RATE_LIMITED: { status: 429, zh: "请求过于频繁，请稍后再试。", en: "Too many requests; try again later." },
  PRODUCTION_SETUP: { status: 422, zh: "生产环境不能使用演示数据。", en: "Demo data cannot be used in production." },
  INTERNAL: { status: 500, zh: "系统内部错误，请稍后重试；如持续出现请拨打 12345 反映。", en: "Internal error; try again later." },
  NOT_READY: { status: 503, zh: "服务暂不可用。", en: "The service is not ready." },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof errorMessages;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Record<string, unknown> };
}
