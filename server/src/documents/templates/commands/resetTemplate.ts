import type { TemplateKind, TemplateSaved } from "@cq/contracts";
import type { Ctx } from "../../../audit/command.ts";
import { actorId } from "../../../platform/actor.ts";
import { newId } from "../../../platform/ids.ts";
import { insertTemplateVersion, scopeOf } from "../repository.ts";
import { templateScope } from "../scope.ts";
import { nextVersion } from "./saveTemplate.ts";

/**
 * Sends a department back to the platform default (or the platform back to the built-in words),
 * recorded as a new version without words so that the history keeps what was used before.
 */
export async function resetTemplate(ctx: Ctx, kind: TemplateKind, departmentId: string | undefined): Promise<TemplateSaved> {
  const { department } = await templateScope(ctx.trx, ctx.actor, departmentId);
  const dept = department?.id ?? null;
  const version = await nextVersion(ctx, scopeOf(dept), kind);
  const id = newId();
  await insertTemplateVersion(ctx.trx, {
    id, scope: scopeOf(dept), department_id: dept, kind, version, body: null, note: null, created_by: actorId(ctx.actor), created_at: ctx.now,
  });
  await ctx.audit({ action: "template.reset", objectType: "document-template", objectId: id, newValues: { kind, departmentId: dept, version } });
  return { kind, departmentId: dept, version };
}
