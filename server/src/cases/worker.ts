import type { Actor, IntegrationActor, StaffActor } from "../platform/actor.ts";
import { requireStaff } from "../platform/actor.ts";

/**
 * Who works on a case's tasks and records: staff, or a department system pushing its department's
 * results back (R5). The policy decides what each may do; this only refuses anyone else.
 */
export function requireWorker(actor: Actor): StaffActor | IntegrationActor {
  return actor.kind === "integration" ? actor : requireStaff(actor);
}

/** What the timeline and the audit say of a department system's work: "由 X 系统办理". */
export const systemMark = (actor: Actor): { system?: string } => (actor.kind === "integration" ? { system: actor.name } : {});
