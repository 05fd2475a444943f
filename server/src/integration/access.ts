import type { Actor } from "../platform/actor.ts";
import { AppError } from "../platform/errors.ts";
import { allowAdministerIntegrations, integrationAdminScope } from "../policy/index.ts";

/** Who may open the administration of department systems at all: 401 anonymous, 403 anyone without a scope for it. */
export function requireIntegrationAdmin(actor: Actor): { all: boolean; departments: string[] } {
  if (actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
  const scope = integrationAdminScope(actor);
  if (!scope) throw new AppError("FORBIDDEN");
  return scope;
}

/** A client the actor administers, locked when asked; another department's client reads as absent (404). */
export async function loadAdministeredClient<T extends { department_id: string }>(actor: Actor, find: () => Promise<T | undefined>): Promise<T> {
  requireIntegrationAdmin(actor);
  const row = await find();
  if (!row || !allowAdministerIntegrations(actor, row.department_id)) throw new AppError("INTEGRATION_CLIENT_NOT_FOUND");
  return row;
}

