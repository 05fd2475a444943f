import { z } from "zod";
import { IntegrationScopeSchema, integrationScopes } from "./integration.ts";
import { isoTime, list, Ref } from "./responses/common.ts";

/**
 * Administration of department systems' clients (R5): who calls with a token, for which department,
 * with which scopes. A token is shown once, when it is minted (creation, rotation); afterwards only
 * its last four characters (`tokenHint`).
 */

const scopeList = z
  .array(IntegrationScopeSchema)
  .min(1)
  .max(integrationScopes.length)
  .refine((s) => new Set(s).size === s.length, { message: "scopes must be unique" });

export const IntegrationCreateRequest = z.object({
  name: z.string().trim().min(1).max(60),
  departmentId: z.string().max(64),
  scopes: scopeList,
});
export type IntegrationCreateRequest = z.infer<typeof IntegrationCreateRequest>;

export const IntegrationRotateRequest = z.object({
  /** How long the previous token keeps working, in hours (0 ends it at once). */
  graceHours: z.number().int().min(0).max(168).default(24),
});
export type IntegrationRotateRequest = z.infer<typeof IntegrationRotateRequest>;

export const IntegrationRateLimitRequest = z.object({ rateLimitPerMinute: z.number().int().min(1).max(100000) });
export type IntegrationRateLimitRequest = z.infer<typeof IntegrationRateLimitRequest>;

/** The answer of a creation: the token, shown this once. */
export const IntegrationCreated = z.object({ id: z.string(), token: z.string(), tokenHint: z.string() });
export type IntegrationCreated = z.infer<typeof IntegrationCreated>;

/** The answer of a rotation: the new token, shown this once, and until when the previous one works. */
export const IntegrationRotated = z.object({ id: z.string(), token: z.string(), tokenHint: z.string(), previousValidUntil: isoTime.nullable() });
export type IntegrationRotated = z.infer<typeof IntegrationRotated>;

export const IntegrationClient = z.object({
  id: z.string(),
  name: z.string(),
  department: Ref,
  scopes: z.array(IntegrationScopeSchema),
  tokenHint: z.string(),
  rateLimitPerMinute: z.number().int(),
  createdAt: isoTime,
  /** Who created it (a person's name), absent for the demo data. */
  createdBy: z.string().nullable(),
  lastUsedAt: isoTime.nullable(),
  rotatedAt: isoTime.nullable(),
  previousValidUntil: isoTime.nullable(),
  revokedAt: isoTime.nullable(),
  status: z.enum(["active", "revoked"]),
});
export type IntegrationClient = z.infer<typeof IntegrationClient>;

export const IntegrationClientList = list(IntegrationClient);
export type IntegrationClientList = z.infer<typeof IntegrationClientList>;

/** One call a client made with its token (never the token itself). */
export const IntegrationCall = z.object({ method: z.string(), route: z.string(), status: z.number().int(), at: isoTime });
export type IntegrationCall = z.infer<typeof IntegrationCall>;

export const IntegrationClientDetail = IntegrationClient.extend({ recentCalls: z.array(IntegrationCall) });
export type IntegrationClientDetail = z.infer<typeof IntegrationClientDetail>;

export const IntegrationRevoked = z.object({ id: z.string(), revokedAt: isoTime });
export type IntegrationRevoked = z.infer<typeof IntegrationRevoked>;
