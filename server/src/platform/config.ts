import path from "node:path";

/**
 * How a 2xx body that does not match its route's schema in `@cq/contracts` (routes.ts) is treated:
 * - `strict` (tests): a missing field, a wrong type or a field the schema lacks fails the request
 *   with a 500, and a JSON answer on a status the route table does not declare fails too;
 * - `check` (development): a missing field or a wrong type fails; an undeclared field is logged and stripped;
 * - `lenient` (production): a mismatch is logged and the body sent as the handler made it; an
 *   undeclared field is logged and stripped. A harmless drift never becomes a 500 for a citizen.
 * Chosen by RESPONSE_CONTRACT, else by NODE_ENV; platform/responseContract.ts applies it.
 */
const CONTRACT_MODES = ["strict", "check", "lenient"] as const;
export type ContractMode = (typeof CONTRACT_MODES)[number];

export function contractModeFor(env: "production" | "development" | "test"): ContractMode {
  return env === "production" ? "lenient" : env === "test" ? "strict" : "check";
}

/** Runtime configuration, read once from the environment. */
export interface Config {
  env: "production" | "development" | "test";
  port: number;
  /** Server processes sharing the port (node:cluster); more than one needs PostgreSQL. */
  workers: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** Demo data and /api/dev/* endpoints; never in production. */
  demo: boolean;
  /** With the demo data, about forty cases in every state (DEMO_CASES=0 leaves them out, e.g. for load tests). */
  demoCases: boolean;
  publicBaseUrl: string;
  maxUploadBytes: number;
  sessionDays: number;
  lockout: { maxFailures: number; minutes: number };
  logLevel: string;
  /** Days the log of integration clients' calls is kept (INTEGRATION_CALL_DAYS); older calls are deleted once a day. */
  integrationCallDays: number;
  /**
   * How 2xx answers are held to their contract (RESPONSE_CONTRACT): `strict` in tests, `check` in
   * development (every answer parsed), `lenient` in production (one answer in 64 per route checked).
   */
  responseContract: ContractMode;
  /** Requests per minute and IP on the identity endpoints (login, register, SMS). */
  authRateLimit: number;
  /** Requests per minute and client address on the public queries (progress by code, certificate verification). */
  publicRateLimit: number;
  /** Working days a department has to answer an escalation (R36; REQUIREMENTS default 3). */
  escalationResponseDays: number;
  /** Working days a department has to reply to a complaint or a bad evaluation (R33, R37). */
  complaintReplyDays: number;
  /**
   * Proxies whose X-Forwarded-For is believed (addresses or CIDR ranges, from TRUST_PROXY, comma
   * separated); empty: the client address is the socket's, whatever the headers say.
   */
  trustProxy: string[];
  /**
   * Who reads /metrics: everyone outside production; in production only a scraper sending
   * `Authorization: Bearer <METRICS_TOKEN>`, or everyone when METRICS_PUBLIC=1; else it does not exist.
   */
  metrics: { token: string | null; public: boolean };
  /** The browsable API page /api/docs: outside production, or with API_DOCS=1. */
  apiDocs: boolean;
  /** Staff log in with a second factor (TOTP): `required` (the production default) or `optional` (STAFF_MFA). */
  staffMfa: "required" | "optional";
  /** Staff sessions end after this many minutes without a request (STAFF_IDLE_MINUTES, default 30). */
  staffIdleMinutes: number;
  /** The audit chain's key (AUDIT_KEY, 64 hex digits), kept outside the database; required in production. */
  auditKey: string | undefined;
  /** Keys of earlier entries after a rotation (AUDIT_PREVIOUS_KEYS, comma separated): they verify, never sign. */
  auditPreviousKeys: string[];
  /** The key sealing ID numbers, phone numbers and second-factor secrets (PERSONAL_DATA_KEY, 64 hex digits); required in production. */
  personalDataKey: string | undefined;
  /** Keys of values sealed before a rotation (PERSONAL_DATA_PREVIOUS_KEYS, comma separated): they open, never seal. */
  personalDataPreviousKeys: string[];
  /** Working days within which applicants with open cases are told that an item's guide changed (R11). */
  changeNoticeDays: number;
  /** Mail: the SMTP server (SMTP_URL, e.g. smtps://user:pass@mail.example.gov.cn:465) and the sender (MAIL_FROM); null: no mail is sent. */
  smtp: { url: string; from: string } | null;
  /**
   * SMS through an HTTP gateway (SMS_GATEWAY_URL): the account's key id and secret that sign each
   * request, the registered signature (签名), a gateway template id per message kind (SMS_TEMPLATE_IDS,
   * JSON) and the one for any other kind (SMS_DEFAULT_TEMPLATE_ID, with the text as `content`).
   * Null: messages stay in the outbox (the demo records them there).
   */
  sms: { url: string; keyId: string; secret: string; signName: string; templateIds: Record<string, string>; defaultTemplateId: string } | null;
  /** How often the outbox is looked at for messages to send (OUTBOX_POLL_MS), besides every scheduler tick. */
  outboxPollMs: number;
  /**
   * Where uploaded files and rendered documents are kept (FILE_STORE): `local`, the directory
   * $DATA_DIR/files (the default), or `s3`, a bucket of an S3-compatible store that every server
   * process, on any machine, reaches alike.
   */
  fileStore: { kind: "local" } | S3Config;
}

/** An S3-compatible bucket (AWS S3, MinIO, Ceph, OSS, COS…) for the stored files. */
export interface S3Config {
  kind: "s3";
  /** The service's base URL (S3_ENDPOINT), e.g. https://s3.cn-north-1.amazonaws.com.cn or http://minio:9000. */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Put before every object's key (S3_PREFIX), e.g. "approval/". */
  prefix: string;
  /** Bucket in the path (the default, as MinIO and Ceph expect) rather than in the host name (S3_PATH_STYLE=0). */
  pathStyle: boolean;
  /** One request's limit (S3_TIMEOUT_MS). */
  timeoutMs: number;
}

function fileStoreOf(env: NodeJS.ProcessEnv): Config["fileStore"] {
  const kind = env.FILE_STORE || "local";
  if (kind === "local") return { kind };
  if (kind !== "s3") throw new Error(`FILE_STORE must be "local" or "s3", not "${kind}"`);
  const missing = ["S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"].filter((k) => !env[k]);
  if (!env.S3_ENDPOINT && !env.S3_REGION) missing.unshift("S3_ENDPOINT (or S3_REGION for AWS)");
  if (missing.length) throw new Error(`FILE_STORE=s3 needs ${missing.join(", ")}`);
  const region = env.S3_REGION || "us-east-1";
  const endpoint = (env.S3_ENDPOINT || `https://s3.${region}.amazonaws.com`).replace(/\/+$/, "");
  if (!/^https?:\/\/[^/]+/.test(endpoint)) throw new Error("S3_ENDPOINT must be an http(s) URL, e.g. https://s3.example.com or http://minio:9000");
  return {
    kind,
    endpoint,
    region,
    bucket: env.S3_BUCKET!,
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
    prefix: env.S3_PREFIX ?? "",
    pathStyle: env.S3_PATH_STYLE !== "0" && env.S3_PATH_STYLE !== "false",
    timeoutMs: Number(env.S3_TIMEOUT_MS ?? 30_000),
  };
}

function templateIds(raw: string | undefined): Record<string, string> {
  if (!raw) return {};
  const parsed: unknown = JSON.parse(raw);
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== "string")) {
    throw new Error("SMS_TEMPLATE_IDS must be a JSON object of message kinds to template ids");
  }
  return parsed as Record<string, string>;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV === "production" ? "production" : env.NODE_ENV === "test" ? "test" : "development";
  const port = Number(env.PORT ?? 3000);
  const workers = Math.max(1, Math.floor(Number(env.WORKERS ?? 1)) || 1);
  const demoRequested = env.DEMO !== undefined ? env.DEMO === "1" || env.DEMO === "true" : nodeEnv !== "production";
  return {
    env: nodeEnv,
    port,
    workers,
    host: env.HOST ?? "0.0.0.0",
    dataDir: path.resolve(env.DATA_DIR ?? "data"),
    databaseUrl: env.DATABASE_URL || undefined,
    demo: demoRequested,
    demoCases: env.DEMO_CASES !== "0",
    publicBaseUrl: env.PUBLIC_BASE_URL ?? `http://localhost:${port}`,
    maxUploadBytes: Number(env.MAX_UPLOAD_BYTES ?? 20 * 1024 * 1024),
    sessionDays: Number(env.SESSION_DAYS ?? 7),
    lockout: { maxFailures: Number(env.LOCKOUT_FAILURES ?? 5), minutes: Number(env.LOCKOUT_MINUTES ?? 15) },
    logLevel: env.LOG_LEVEL ?? (nodeEnv === "test" ? "silent" : "info"),
    integrationCallDays: Math.max(1, Math.floor(Number(env.INTEGRATION_CALL_DAYS ?? 180)) || 180),
    responseContract: CONTRACT_MODES.find((m) => m === env.RESPONSE_CONTRACT) ?? contractModeFor(nodeEnv),
    authRateLimit: Number(env.AUTH_RATE_LIMIT ?? 20),
    publicRateLimit: Number(env.PUBLIC_RATE_LIMIT ?? 60),
    escalationResponseDays: Number(env.ESCALATION_RESPONSE_DAYS ?? 3),
    complaintReplyDays: Number(env.COMPLAINT_REPLY_DAYS ?? 5),
    changeNoticeDays: Number(env.CHANGE_NOTICE_DAYS ?? 1),
    trustProxy: (env.TRUST_PROXY ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    metrics: { token: env.METRICS_TOKEN || null, public: nodeEnv !== "production" || env.METRICS_PUBLIC === "1" },
    apiDocs: nodeEnv !== "production" || env.API_DOCS === "1",
    staffMfa: env.STAFF_MFA === "required" || env.STAFF_MFA === "optional" ? env.STAFF_MFA : nodeEnv === "production" ? "required" : "optional",
    staffIdleMinutes: Number(env.STAFF_IDLE_MINUTES ?? 30),
    // Tests share one fixed key, so that every test database copied from the seeded template verifies.
    auditKey: env.AUDIT_KEY || (nodeEnv === "test" ? "7e57".repeat(16) : undefined),
    auditPreviousKeys: (env.AUDIT_PREVIOUS_KEYS ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    personalDataKey: env.PERSONAL_DATA_KEY || (nodeEnv === "test" ? "5eed".repeat(16) : undefined),
    personalDataPreviousKeys: (env.PERSONAL_DATA_PREVIOUS_KEYS ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    smtp: env.SMTP_URL ? { url: env.SMTP_URL, from: env.MAIL_FROM || "重庆市网上行政审批平台 <noreply@localhost>" } : null,
    sms: env.SMS_GATEWAY_URL
      ? {
          url: env.SMS_GATEWAY_URL,
          keyId: env.SMS_GATEWAY_KEY_ID ?? "",
          secret: env.SMS_GATEWAY_SECRET ?? "",
          signName: env.SMS_SIGN_NAME || "重庆市网上行政审批平台",
          templateIds: templateIds(env.SMS_TEMPLATE_IDS),
          defaultTemplateId: env.SMS_DEFAULT_TEMPLATE_ID ?? "",
        }
      : null,
    outboxPollMs: Number(env.OUTBOX_POLL_MS ?? 2000),
    fileStore: fileStoreOf(env),
  };
}
