import { sql } from "kysely";
import type { Executor } from "../platform/db.ts";
import { eventItem, type IntegrationEventItem } from "../platform/integrationEvents.ts";

/**
 * A department's events after `after` (a seq), in seq order — which is commit order
 * (platform/integrationEvents.ts). `nextCursor` is the last seq served, or `after` itself when nothing
 * new came, so a client simply polls again with what it was given.
 */
export async function eventsAfter(db: Executor, departmentId: string, after: string, limit: number): Promise<{ items: IntegrationEventItem[]; nextCursor: string }> {
  const rows = await db
    .selectFrom("integration_events")
    .select(["id", "type", "case_id", "supervision_code", "department_id", "at", "data", sql<string>`seq::text`.as("cursor")])
    .where("department_id", "=", departmentId)
    .where("seq", ">", sql<string>`${after}::bigint`)
    .orderBy("seq")
    .limit(limit)
    .execute();
  return { items: rows.map(eventItem), nextCursor: rows.at(-1)?.cursor ?? after };
}
