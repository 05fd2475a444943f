import type { IntegrationCall, IntegrationClient, IntegrationClientDetail, IntegrationScope } from "@cq/contracts";
import { integrationScopes } from "@cq/contracts";
import type { ClientRow } from "./repository.ts";

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const scopesOf = (raw: unknown): IntegrationScope[] =>
  Array.isArray(raw) ? integrationScopes.filter((s) => (raw as unknown[]).includes(s)) : [];

/** A client as its administrators see it: never the token, its last four characters only. */
export function presentClient(r: ClientRow, now: Date): IntegrationClient {
  return {
    id: r.id,
    name: r.name,
    department: { id: r.department_id, name: r.department_name },
    scopes: scopesOf(r.scopes),
    tokenHint: r.token_hint,
    rateLimitPerMinute: r.rate_limit_per_minute,
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by_name ?? null,
    lastUsedAt: iso(r.last_used_at),
    rotatedAt: iso(r.rotated_at),
    // A grace that has ended is no longer worth showing.
    previousValidUntil: r.previous_valid_until && r.previous_valid_until > now ? r.previous_valid_until.toISOString() : null,
    revokedAt: iso(r.revoked_at),
    status: r.revoked_at ? "revoked" : "active",
  };
}

export function presentClientDetail(r: ClientRow, calls: { method: string; route: string; status: number; at: Date }[], now: Date): IntegrationClientDetail {
  const recentCalls: IntegrationCall[] = calls.map((c) => ({ method: c.method, route: c.route, status: c.status, at: c.at.toISOString() }));
  return { ...presentClient(r, now), recentCalls };
}
