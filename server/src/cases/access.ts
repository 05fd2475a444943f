import type { Actor } from "../platform/actor.ts";
import type { Executor } from "../platform/db.ts";
import { AppError } from "../platform/errors.ts";
import type { CaseRow } from "../platform/schema.ts";
import { allowCase, type CaseAction, type CaseResource, enforce } from "../policy/index.ts";
import { unsafeFindCase, unsafeFindCaseForUpdate } from "./repository.ts";

export const caseResource = (c: CaseRow): CaseResource => ({
  applicantId: c.applicant_id,
  registeredBy: c.registered_by,
  channel: c.channel,
  leadDepartmentId: c.lead_department_id,
  regionCode: c.region_code,
});

/**
 * Loads a case the actor may see and act on. Invisible → 404 (as if absent), visible but not
 * allowed → 403. With `lock`, the row stays locked until the transaction ends.
 */
export async function loadCaseFor(db: Executor, actor: Actor, id: string, action: CaseAction, lock = false): Promise<CaseRow> {
  const c = await (lock ? unsafeFindCaseForUpdate(db, id) : unsafeFindCase(db, id));
  if (!c) {
    if (actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
    throw new AppError("CASE_NOT_FOUND");
  }
  const resource = caseResource(c);
  const visible = allowCase(actor, "read", resource);
  enforce(actor, visible, { visible: false, notFound: "CASE_NOT_FOUND" });
  if (action !== "read") enforce(actor, allowCase(actor, action, resource));
  return c;
}
