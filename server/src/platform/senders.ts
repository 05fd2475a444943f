import { createHash, createHmac, randomBytes } from "node:crypto";
import nodemailer from "nodemailer";
import { systemClock } from "./clock.ts";
import type { Config } from "./config.ts";

/**
 * What leaves the platform: mail through an SMTP server, SMS through an HTTP gateway. A sender gets a
 * message of the outbox with its id, which it hands on as an idempotency key (the mail's Message-ID,
 * the gateway's `outId`), so that a message retried after a crash between sending and recording is
 * recognised by the receiving side rather than sent twice.
 */
export interface Delivery {
  id: string;
  to: string;
  text: string;
  kind: string | null;
  params: Record<string, string> | null;
  subject: string | null;
}

export interface Sender {
  send(message: Delivery): Promise<void>;
  close(): void;
}

/** A failure the sender knows will not go away by retrying (a refused address, a template the gateway does not know). */
export class PermanentSendError extends Error {}

const SEND_TIMEOUT_MS = 15_000;

/** Mail through SMTP (nodemailer), configured by SMTP_URL and MAIL_FROM. */
export function smtpSender(smtp: { url: string; from: string }): Sender {
  const transport = nodemailer.createTransport({ url: smtp.url, connectionTimeout: SEND_TIMEOUT_MS, greetingTimeout: SEND_TIMEOUT_MS, socketTimeout: SEND_TIMEOUT_MS });
  const host = /@([^>]+)>?$/.exec(smtp.from)?.[1] ?? "localhost";
  return {
    async send(m) {
      try {
        await transport.sendMail({
          from: smtp.from,
          to: m.to,
          subject: m.subject ?? firstLine(m.text),
          text: m.text,
          messageId: `<${m.id}@${host}>`,
          headers: { "X-Outbox-Id": m.id },
        });
      } catch (err) {
        const code = (err as { responseCode?: number }).responseCode;
        // 5xx: the server refuses this message for good (no such mailbox, policy); 4xx and network errors pass.
        if (code && code >= 500) throw new PermanentSendError(`SMTP ${code}`);
        throw new Error(`SMTP: ${(err as Error).message.slice(0, 200)}`, { cause: err });
      }
    },
    close: () => transport.close(),
  };
}

const firstLine = (text: string) => text.replace(/^【[^】]*】/, "").split(/[。\n]/)[0]!.slice(0, 60) || "重庆市网上行政审批平台";

export type SmsConfig = NonNullable<Config["sms"]>;

/** The request an SMS gateway receives: the phone, the registered signature, a template id with its parameters, and the outbox id. */
export interface SmsRequest {
  phoneNumbers: string;
  signName: string;
  templateCode: string;
  templateParam: string;
  outId: string;
}

/**
 * The signature of a gateway request (the scheme of the common Chinese SMS gateways, simplified):
 * HMAC-SHA256 under the account secret of `POST\n<path>\n<timestamp>\n<nonce>\n<sha256 of the body>`,
 * base64. Exported so that a gateway (and the tests' stub) can check it.
 */
export function smsRequestSignature(secret: string, p: { path: string; timestamp: string; nonce: string; body: string }): string {
  const digest = createHash("sha256").update(p.body).digest("hex");
  return createHmac("sha256", secret).update(`POST\n${p.path}\n${p.timestamp}\n${p.nonce}\n${digest}`).digest("base64");
}

/** What is sent for a message: its kind's registered template with its parameters, else the default template with the text as `content`. */
export function smsRequestOf(sms: SmsConfig, m: Delivery): SmsRequest {
  const templateCode = (m.kind && sms.templateIds[m.kind]) || sms.defaultTemplateId;
  const params = m.kind && sms.templateIds[m.kind] && m.params ? m.params : { content: m.text.replace(/^【[^】]*】/, "") };
  return { phoneNumbers: m.to, signName: sms.signName, templateCode, templateParam: JSON.stringify(params), outId: m.id };
}

/**
 * SMS through an HTTP gateway: POST JSON, signed with the account's key; the gateway answers
 * `{ code: "OK", bizId }` when it took the message. 4xx answers (other than 429) and a refusal
 * code other than a rate limit are permanent; anything else is retried.
 */
export function httpSmsSender(sms: SmsConfig): Sender {
  const url = new URL(sms.url);
  return {
    async send(m) {
      const body = JSON.stringify(smsRequestOf(sms, m));
      // Wall time, not the platform's: the gateway checks the request's freshness against its own clock.
      const timestamp = String(Math.floor(systemClock.now().getTime() / 1000));
      const nonce = randomBytes(12).toString("hex");
      let res: Response;
      try {
        res = await fetch(url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-sms-key-id": sms.keyId,
            "x-sms-timestamp": timestamp,
            "x-sms-nonce": nonce,
            "x-sms-signature": smsRequestSignature(sms.secret, { path: url.pathname, timestamp, nonce, body }),
            "idempotency-key": m.id,
          },
          body,
          signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        });
      } catch (err) {
        throw new Error(`SMS gateway unreachable: ${(err as Error).message.slice(0, 200)}`, { cause: err });
      }
      const answer = (await res.json().catch(() => null)) as { code?: string; message?: string } | null;
      if (res.ok && answer?.code === "OK") return;
      const what = `SMS gateway ${res.status} ${answer?.code ?? ""} ${answer?.message ?? ""}`.trim().slice(0, 300);
      if ((res.status >= 400 && res.status < 500 && res.status !== 429) || (res.ok && answer?.code && !/LIMIT|THROTTL|BUSY/i.test(answer.code))) {
        throw new PermanentSendError(what);
      }
      throw new Error(what);
    },
    close: () => undefined,
  };
}

export interface Senders {
  sms: Sender | null;
  email: Sender | null;
}

const built = new WeakMap<Config, Senders>();

/** The senders the configuration names, built once per configuration. */
export function sendersOf(config: Config): Senders {
  let s = built.get(config);
  if (!s) {
    s = { sms: config.sms ? httpSmsSender(config.sms) : null, email: config.smtp ? smtpSender(config.smtp) : null };
    built.set(config, s);
  }
  return s;
}

/** Closes the senders of a configuration (the SMTP connection pool) when the platform stops. */
export function closeSenders(config: Config): void {
  const s = built.get(config);
  s?.sms?.close();
  s?.email?.close();
  built.delete(config);
}
