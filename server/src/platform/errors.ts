import { type ErrorBody, type ErrorCode, errorMessages } from "@cq/contracts";

/** A refusal with a stable code; the HTTP layer turns it into the error body in the caller's language. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
    status?: number,
  ) {
    super(code);
    this.status = status ?? errorMessages[code].status;
  }
}

export function errorBody(code: ErrorCode, lang: "zh-CN" | "en", details?: Record<string, unknown>): ErrorBody {
  const entry = errorMessages[code];
  return { error: { code, message: lang === "en" ? entry.en : entry.zh, ...(details ? { details } : {}) } };
}

/** Picks the response language from Accept-Language: English only when asked for before Chinese. */
export function pickLanguage(acceptLanguage: string | undefined): "zh-CN" | "en" {
  if (!acceptLanguage) return "zh-CN";
  const first = acceptLanguage.split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("en") ? "en" : "zh-CN";
}
