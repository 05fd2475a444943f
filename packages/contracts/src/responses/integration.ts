import { z } from "zod";
import { IntegrationEventTypeSchema } from "../integration.ts";
import { isoTime, JsonRecord } from "./common.ts";

/**
 * One event of a department's feed (`GET /api/events`) and of a webhook delivery's body: enough to
 * act on without a second call, and no personal data beyond what the client's scopes allow.
 */
export const IntegrationEvent = z.object({
  id: z.string(),
  type: IntegrationEventTypeSchema,
  caseId: z.string(),
  supervisionCode: z.string().optional(),
  departmentId: z.string(),
  at: isoTime,
  data: JsonRecord,
});
export type IntegrationEvent = z.infer<typeof IntegrationEvent>;

/** A page of the feed; `nextCursor` goes into the next call's `after` (null: nothing newer yet, keep the last one). */
export const IntegrationEventPage = z.object({ items: z.array(IntegrationEvent), nextCursor: z.string().nullable() });
export type IntegrationEventPage = z.infer<typeof IntegrationEventPage>;
