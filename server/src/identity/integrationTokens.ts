import { createHash, randomBytes } from "node:crypto";
import { INTEGRATION_TOKEN_PREFIX, type IntegrationScope, integrationScopes } from "@cq/contracts";
import type { IntegrationActor } from "../platform/actor.ts";
import { systemClock } from "../platform/clock.ts";
import type { Executor } from "../platform/db.ts";

/**
 * Bearer tokens of department systems (R5). A token is `cqi_` and 43 base64url characters (256 random
 * bits); only its SHA-256 hash is stored, with a short hint (its last four characters) to tell tokens
 * apart on screen. After a rotation the previous token keeps working until its grace period ends;
 * revocation ends both at once. Like sessions, tokens live in real time, not in business time.
 */

export const integrationTokenHash = (token: string): string => createHash("sha256").update(token).digest("hex");

export function mintIntegrationToken(): { token: string; hash: string; hint: string } {
  const token = INTEGRATION_TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, hash: integrationTokenHash(token), hint: token.slice(-4) };
}

const looksLikeToken = (token: string) => token.startsWith(INTEGRATION_TOKEN_PREFIX) && token.length <= 100 && /^[A-Za-z0-9_-]+$/.test(token);

const knownScopes = (scopes: unknown): IntegrationScope[] =>
  Array.isArray(scopes) ? scopes.filter((s): s is IntegrationScope => (integrationScopes as readonly string[]).includes(s)) : [];

/** The bearer of `Authorization: Bearer <token>`, or undefined when the header carries another scheme. */
export function bearerTokenOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m ? m[1] : undefined;
}

/** The client a token belongs to, or undefined for an unknown, revoked or expired one. */
export async function actorFromIntegrationToken(db: Executor, token: string): Promise<IntegrationActor | undefined> {
  if (!looksLikeToken(token)) return undefined;
  const hash = integrationTokenHash(token);
  const now = systemClock.now();
  const row = await db
    .selectFrom("integration_clients")
    .select(["id", "name", "department_id", "scopes", "token_hash", "previous_valid_until", "revoked_at"])
    .where((eb) => eb.or([eb("token_hash", "=", hash), eb("previous_token_hash", "=", hash)]))
    .executeTakeFirst();
  if (!row || row.revoked_at) return undefined;
  if (row.token_hash !== hash && !(row.previous_valid_until && row.previous_valid_until > now)) return undefined;
  return { kind: "integration", id: row.id, name: row.name, departmentId: row.department_id, scopes: knownScopes(row.scopes) };
}
