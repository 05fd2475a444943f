// Verifies a webhook delivery of the platform (docs/integration.md, "Verifying a delivery"):
// X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the secret's UTF-8 bytes>.
import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * @param {string | undefined} header the X-Signature header
 * @param {string | Buffer} rawBody the request body exactly as received (before any JSON parsing)
 * @param {string} secret the subscription's secret, shown once when it was created
 * @param {{ toleranceSeconds?: number, nowSeconds?: number }} [options] refuse a `t` older or newer than this (replays)
 * @returns {boolean}
 */
export function verifySignature(header, rawBody, secret, { toleranceSeconds = 300, nowSeconds = Date.now() / 1000 } = {}) {
  const fields = String(header ?? "").split(",").map((part) => part.trim().split("="));
  const t = fields.find(([key]) => key === "t")?.[1] ?? "";
  const signatures = fields.filter(([key, value]) => key === "v1" && /^[0-9a-f]{64}$/.test(value ?? "")).map(([, value]) => value ?? "");
  if (!/^\d+$/.test(t) || signatures.length === 0) return false;
  if (Math.abs(nowSeconds - Number(t)) > toleranceSeconds) return false;
  const expected = createHmac("sha256", Buffer.from(secret, "utf8")).update(`${t}.`).update(rawBody).digest();
  return signatures.some((hex) => timingSafeEqual(Buffer.from(hex, "hex"), expected));
}

// In an HTTP handler: read the raw body, verify, then act once per X-Event-Id (a retry repeats it):
//   if (!verifySignature(req.headers["x-signature"], rawBody, process.env.CQ_WEBHOOK_SECRET)) return res.writeHead(401).end();
//   if (await alreadyHandled(req.headers["x-event-id"])) return res.writeHead(200).end();
