import type { IntegrationCreateRequest } from "@cq/contracts";
import type { Ctx } from "../../audit/command.ts";
import { mintIntegrationToken } from "../../identity/integrationTokens.ts";
import { findDepartment } from "../../organization/repository.ts";
import { actorId } from "../../platform/actor.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { allowAdministerIntegrations, enforce } from "../../policy/index.ts";
import { requireIntegrationAdmin } from "../access.ts";
import { insertClient } from "../repository.ts";

/**
 * Creates a department system's client (R5): one department, its scopes, a new token returned this
 * once; only the token's hash is kept. Neither the token nor its hash enters the audit.
 */
export async function createIntegrationClient(ctx: Ctx, input: IntegrationCreateRequest): Promise<{ id: string; token: string; tokenHint: string }> {
  requireIntegrationAdmin(ctx.actor);
  const department = await findDepartment(ctx.trx, input.departmentId);
  if (!department) throw new AppError("DEPARTMENT_NOT_FOUND");
  enforce(ctx.actor, allowAdministerIntegrations(ctx.actor, department.id));
  const { token, hash, hint } = mintIntegrationToken();
  const id = newId();
  await insertClient(ctx.trx, {
    id, name: input.name, department_id: department.id, scopes: JSON.stringify(input.scopes), token_hash: hash, token_hint: hint,
    previous_token_hash: null, previous_valid_until: null, created_by: actorId(ctx.actor), created_at: ctx.now,
    rotated_at: null, revoked_at: null, revoked_by: null, last_used_at: null,
  });
  await ctx.audit({ action: "integration.created", objectType: "integration-client", objectId: id, newValues: { name: input.name, departmentId: department.id, scopes: input.scopes } });
  return { id, token, tokenHint: hint };
}
