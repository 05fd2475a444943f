import { AppError } from "./errors.ts";

// Strings PostgreSQL cannot store, and that no person types: NUL, and UTF-16 halves without their
// other half (lone surrogates). They are refused at the door with a 400, wherever they hide.

const NUL = "\u0000";
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first unstorable string in a parsed value, or null. Depth and breadth are bounded. */
export function unstorableStringAt(value: unknown, path = "", depth = 0): string | null {
  if (typeof value === "string") return value.includes(NUL) || LONE_SURROGATE.test(value) ? path || "/" : null;
  if (depth > 32 || value === null || typeof value !== "object") return null;
  if (Buffer.isBuffer(value)) return null;
  for (const [k, v] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
    const keyPath = `${path}/${String(k)}`;
    if (typeof k === "string" && (k.includes(NUL) || LONE_SURROGATE.test(k))) return keyPath;
    const found = unstorableStringAt(v, keyPath, depth + 1);
    if (found) return found;
  }
  return null;
}

/** Refuses a request whose path parameters, query or JSON body hold an unstorable string. */
export function refuseUnstorableInput(req: { params?: unknown; query?: unknown; body?: unknown }): void {
  for (const [where, value] of [["params", req.params], ["querystring", req.query], ["body", req.body]] as const) {
    const at = unstorableStringAt(value);
    if (at) throw new AppError("VALIDATION_FAILED", { context: where, path: at, problem: "unstorable-character" });
  }
}
