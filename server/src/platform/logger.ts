import pino, { type Logger } from "pino";

/** JSON logs; personal data (cookies, tokens, bodies) never reaches them. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: ["req.headers.cookie", "req.headers.authorization", 'res.headers["set-cookie"]', "*.password", "*.idNumber", "*.phone", "*.smsCode"],
      censor: "[redacted]",
    },
  });
}
