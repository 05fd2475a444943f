import { isIP } from "node:net";
import { WEBHOOK_URL_MAX } from "@cq/contracts";
import type { Config } from "../platform/config.ts";
import { AppError } from "../platform/errors.ts";

/**
 * Where a webhook may point: an http(s) URL of someone else's server. Not the platform itself (its
 * public base URL's host and port: a delivery must not call the platform's own API), and — except in
 * the demo and in tests, where a receiver runs on the same machine — not a loopback, link-local or
 * private address (the platform must not be a way into its own network). Names are not resolved
 * here; an operator who needs more puts deliveries behind an egress proxy.
 */
export type WebhookUrlProblem = "malformed" | "scheme" | "credentials" | "too-long" | "platform" | "private";

function privateHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (h === "localhost" || h.endsWith(".localhost") || h === "0.0.0.0" || h === "::" || h === "::1") return true;
  if (isIP(h) === 4) {
    const [a, b] = h.split(".").map(Number) as [number, number];
    return a === 127 || a === 10 || a === 0 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  if (isIP(h) === 6) return /^(fc|fd|fe8|fe9|fea|feb)/.test(h) || h.startsWith("::ffff:");
  return false;
}

const defaultPort = (u: URL): string => u.port || (u.protocol === "https:" ? "443" : "80");

export function webhookUrlProblem(raw: string, config: Pick<Config, "publicBaseUrl" | "port" | "demo" | "env">): WebhookUrlProblem | null {
  if (raw.length > WEBHOOK_URL_MAX) return "too-long";
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return "malformed";
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return "scheme";
  if (u.username || u.password) return "credentials";
  const self = new URL(config.publicBaseUrl);
  const host = u.hostname.toLowerCase();
  if (host === self.hostname.toLowerCase() && defaultPort(u) === defaultPort(self)) return "platform";
  // The platform's own port on this machine is the platform too, whatever name reaches it.
  if (privateHost(host) && defaultPort(u) === String(config.port)) return "platform";
  if (privateHost(host) && !(config.demo || config.env === "test")) return "private";
  return null;
}

export function assertWebhookUrl(raw: string, config: Pick<Config, "publicBaseUrl" | "port" | "demo" | "env">): string {
  const problem = webhookUrlProblem(raw, config);
  if (problem) throw new AppError("WEBHOOK_URL_INVALID", { reason: problem });
  return new URL(raw).toString();
}
