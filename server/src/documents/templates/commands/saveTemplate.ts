import { type TemplateKind, type TemplateSaved, type TemplateSaveRequest, unknownPlaceholders } from "@cq/contracts";
import type { Ctx } from "../../../audit/command.ts";
import { actorId } from "../../../platform/actor.ts";
import { AppError } from "../../../platform/errors.ts";
import { newId } from "../../../platform/ids.ts";
import { insertTemplateVersion, latestTemplateVersion, lockTemplate, scopeOf } from "../repository.ts";
import { templateScope } from "../scope.ts";

/** Refuses words naming a placeholder the kind does not know (422, naming the first such placeholder). */
export function assertKnownPlaceholders(kind: TemplateKind, body: TemplateSaveRequest["body"]): void {
  const unknown = unknownPlaceholders(kind, body);
  if (unknown.length) throw new AppError("TEMPLATE_PLACEHOLDER_UNKNOWN", { placeholder: unknown[0], placeholders: unknown });
}

/**
 * Saves a new version of a template (文书模板, R12): a department's own words, or without a
 * department the platform default. Documents issued from now on use it.
 */
export async function saveTemplate(ctx: Ctx, kind: TemplateKind, input: TemplateSaveRequest): Promise<TemplateSaved> {
  const { department } = await templateScope(ctx.trx, ctx.actor, input.departmentId);
  assertKnownPlaceholders(kind, input.body);
  const departmentId = department?.id ?? null;
  const version = await nextVersion(ctx, scopeOf(departmentId), kind);
  const id = newId();
  await insertTemplateVersion(ctx.trx, {
    id, scope: scopeOf(departmentId), department_id: departmentId, kind, version, body: JSON.stringify(input.body), note: input.note ?? null,
    created_by: actorId(ctx.actor), created_at: ctx.now,
  });
  await ctx.audit({
    action: "template.saved", objectType: "document-template", objectId: id,
    newValues: { kind, departmentId, version, note: input.note ?? null, body: input.body },
  });
  return { kind, departmentId, version };
}

/** The number of the next version of a template of a scope, holding its writers off until commit. */
export async function nextVersion(ctx: Ctx, scope: string, kind: TemplateKind): Promise<number> {
  await lockTemplate(ctx.trx, scope, kind);
  return ((await latestTemplateVersion(ctx.trx, scope, kind))?.version ?? 0) + 1;
}
