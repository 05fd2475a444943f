import { z } from "zod";
import { messageChannels, roles, applicantTypes } from "../enums.ts";
import { isoTime, list, page } from "./common.ts";

export const Health = z.object({ status: z.literal("ok") });
export type Health = z.infer<typeof Health>;

export const Readiness = z.object({ status: z.literal("ready"), database: z.enum(["pglite", "postgres"]) });
export type Readiness = z.infer<typeof Readiness>;

// Demo and test affordances (absent in production).
export const OutboxMessage = z.object({ to: z.string(), channel: z.enum(messageChannels), text: z.string(), createdAt: isoTime });
export type OutboxMessage = z.infer<typeof OutboxMessage>;
export const Outbox = list(OutboxMessage);
export type Outbox = z.infer<typeof Outbox>;

export const DevClock = z.object({ now: isoTime, offsetMs: z.number() });
export type DevClock = z.infer<typeof DevClock>;
export const DevClockSet = z.object({ now: isoTime, jobsRun: z.number().int() });
export type DevClockSet = z.infer<typeof DevClockSet>;

export const DemoAccount = z.object({
  username: z.string(),
  password: z.string(),
  name: z.string(),
  roles: z.array(z.enum(roles)),
  department: z.string().nullable(),
});
export type DemoAccount = z.infer<typeof DemoAccount>;
export const DemoApplicant = z.object({ login: z.string(), password: z.string(), name: z.string(), type: z.enum(applicantTypes) });
export type DemoApplicant = z.infer<typeof DemoApplicant>;
export const DemoAccounts = z.object({ items: z.array(DemoAccount), applicants: z.array(DemoApplicant) });
export type DemoAccounts = z.infer<typeof DemoAccounts>;

// The audit trail.
export const AuditEntry = z.object({
  id: z.string(),
  seq: z.number().int(),
  at: isoTime,
  actorId: z.string().nullable(),
  actorKind: z.string(),
  actorName: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  caseId: z.string().nullable(),
  /** The case's supervision code (or, before acceptance, its reference number). */
  caseCode: z.string().optional(),
  oldValues: z.unknown(),
  newValues: z.unknown(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditPage = page(AuditEntry);
export type AuditPage = z.infer<typeof AuditPage>;

/** Staff to choose from in the audit search (GET /api/audit/staff). */
export const AuditStaffList = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), department: z.object({ id: z.string(), name: z.string() }).nullable() })),
});
export type AuditStaffList = z.infer<typeof AuditStaffList>;

export const AuditVerification = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  firstBadEntry: z.string().optional(),
  /** What broke: an altered entry, an unknown key, missing newest entries (or an emptied table), a checkpoint that does not match or is forged. */
  problem: z.enum(["entry-altered", "unknown-key", "entries-missing", "checkpoint-mismatch", "checkpoint-forged"]).optional(),
  /** The newest signed checkpoint of the chain's head held against it. */
  checkpoint: z.object({ entries: z.number().int(), at: isoTime }).optional(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;
