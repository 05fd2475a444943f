import type { Actor } from "../platform/actor.ts";
import type { Executor } from "../platform/db.ts";
import { AppError } from "../platform/errors.ts";
import type { CaseRow } from "../platform/schema.ts";
import { allowCase, type CaseAction, type CaseResource, enforce } from "../policy/index.ts";
import { unsafeFindCase, unsafeFindCaseForUpdate, involvedDepartments } from "./repository.ts";

export const caseResource = (c: CaseRow, involvedDepartmentIds: string[]): CaseResource => ({
  applicantId: c.applicant_id,
  registeredBy: c.registered_by,
  channel: c.channel,
  leadDepartmentId: c.lead_department_id,
  regionCode: c.region_code,
  status: c.status,
  involvedDepartmentIds,
});

export interface LoadedCase {
  row: CaseRow;
  resource: CaseResource;
}

/**
 * Loads a case the actor may see and act on. Invisible → 404 (as if absent), visible but not
 * allowed → 403. With `lock`, the row stays locked until the transaction ends, so two commands on
 * one case run one after the other.
 */
export async function loadCase(db: Executor, actor: Actor, id: string, action: CaseAction, lock = false): Promise<LoadedCase> {
  const c = await (lock ? unsafeFindCaseForUpdate(db, id) : unsafeFindCase(db, id));
  if (!c) {
    if (actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
    throw new AppError("CASE_NOT_FOUND");
  }
  const resource = caseResource(c, await involvedDepartments(db, c.id));
  enforce(actor, allowCase(actor, "read", resource), { visible: false, notFound: "CASE_NOT_FOUND" });
  if (action !== "read") enforce(actor, allowCase(actor, action, resource));
  return { row: c, resource };
}

/** The case row only, for commands that need nothing else. */
export async function loadCaseFor(db: Executor, actor: Actor, id: string, action: CaseAction, lock = false): Promise<CaseRow> {
  return (await loadCase(db, actor, id, action, lock)).row;
}
