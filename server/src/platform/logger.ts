import pino, { type Logger } from "pino";

const SENSITIVE_QUERY = /([?&](?:idNumber|creditCode|phone|to|login|holderId)=)[^&]*/gi;

/** A URL fit for a log line: identity numbers and phones in the query string are masked. */
export function maskUrl(url: string): string {
  return url.replace(SENSITIVE_QUERY, "$1***");
}

/** JSON logs; personal data (cookies, tokens, bodies, identity numbers in URLs) never reaches them. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]', "*.password", "*.idNumber", "*.phone", "*.smsCode"],
      censor: "[redacted]",
    },
    serializers: {
      req: (req: { method?: string; url?: string; id?: unknown; ip?: string }) => ({ id: req.id, method: req.method, url: maskUrl(req.url ?? ""), ip: req.ip }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      err: pino.stdSerializers.err,
    },
  });
}
