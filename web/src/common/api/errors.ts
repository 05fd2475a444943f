/** Errors from the HTTP API, parsed from `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Builds an ApiError from a status and a parsed (or unparseable) body. `fallbackMessage` is used
 * when the body is not the platform's error shape (a proxy's HTML page, an empty body).
 */
export function errorFromBody(status: number, body: unknown, fallbackMessage: string): ApiError {
  if (isRecord(body) && isRecord(body.error)) {
    const { code, message, details } = body.error;
    return new ApiError(
      status,
      typeof code === "string" && code ? code : `HTTP_${status}`,
      typeof message === "string" && message ? message : fallbackMessage,
      isRecord(details) ? details : undefined,
    );
  }
  return new ApiError(status, `HTTP_${status}`, fallbackMessage);
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The materials the server says are missing on a 422 MATERIALS_MISSING. */
export function missingMaterialsOf(error: unknown): { materialId: string; name: string }[] {
  if (!isApiError(error) || error.code !== "MATERIALS_MISSING") return [];
  const missing = error.details?.missing;
  if (!Array.isArray(missing)) return [];
  return missing.flatMap((m: unknown) =>
    isRecord(m) && typeof m.materialId === "string"
      ? [{ materialId: m.materialId, name: typeof m.name === "string" ? m.name : m.materialId }]
      : [],
  );
}

/** The form field keys the server says are empty on a 422 FORM_INCOMPLETE. */
export function incompleteFieldsOf(error: unknown): string[] {
  if (!isApiError(error) || error.code !== "FORM_INCOMPLETE") return [];
  const fields = error.details?.fields;
  return Array.isArray(fields) ? fields.filter((f): f is string => typeof f === "string") : [];
}
