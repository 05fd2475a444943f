import { z } from "zod";

/**
 * Integration of department systems (R5, R27, R32): what a token may do, and the events its
 * department's feed and webhooks carry. API.md, "Integration: department systems", fixes both lists.
 */
export const integrationScopes = ["events:read", "cases:read", "results:write", "certificates:read"] as const;
export type IntegrationScope = (typeof integrationScopes)[number];
export const IntegrationScopeSchema = z.enum(integrationScopes);

export const integrationEventTypes = [
  "case.submitted",
  "case.supplement_requested",
  "case.accepted",
  "case.not_accepted",
  "task.opened",
  "task.completed",
  "case.suspended",
  "case.resumed",
  "case.extended",
  "case.decided",
  "case.closed",
  "certificate.issued",
  "certificate.revoked",
] as const;
export type IntegrationEventType = (typeof integrationEventTypes)[number];
export const IntegrationEventTypeSchema = z.enum(integrationEventTypes);

/** The prefix of every integration token, so that a leaked one is recognised by secret scanners. */
export const INTEGRATION_TOKEN_PREFIX = "cqi_";
