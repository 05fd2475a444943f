import {
  placeholdersOfKind, type TemplateDetail, templateKindNames, templateKinds, type TemplateList, templatePlaceholders, TemplatePreviewRequest,
  TemplateSaveRequest, TemplateScopeQuery, type TemplateVersion,
} from "@cq/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { runCommand } from "../../audit/command.ts";
import type { Deps } from "../../platform/context.ts";
import { metaOf, noStore } from "../../platform/http.ts";
import { builtinTemplates } from "./builtin.ts";
import { resetTemplate } from "./commands/resetTemplate.ts";
import { assertKnownPlaceholders, saveTemplate } from "./commands/saveTemplate.ts";
import { templateInForce, templatesInForce } from "./inForce.ts";
import { renderTemplatePreview } from "./preview.ts";
import { scopeOf, templateVersions } from "./repository.ts";
import { templateScope } from "./scope.ts";

const tags = ["document templates"];
const KindParams = z.object({ kind: z.enum(templateKinds) });
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Document templates (文书模板, R12): the platform's defaults and each department's own words. */
export function templateRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/api/admin/templates", { schema: { tags, querystring: TemplateScopeQuery } }, async (req, reply): Promise<TemplateList> => {
      const { department } = await templateScope(deps.db, req.actor, req.query.departmentId);
      const inForce = await templatesInForce(deps.db, department?.id ?? null);
      noStore(reply);
      return {
        department: department ? { id: department.id, name: department.name } : null,
        items: inForce.map((t) => ({
          kind: t.kind, name: templateKindNames[t.kind][req.lang === "en" ? "en" : "zh"], inForce: t.source, version: t.version,
          updatedAt: iso(t.updatedAt), updatedBy: t.updatedBy,
        })),
        abilities: { edit: true },
      };
    });

    app.get("/api/admin/templates/:kind", { schema: { tags, params: KindParams, querystring: TemplateScopeQuery } }, async (req, reply): Promise<TemplateDetail> => {
      const { kind } = req.params;
      const { department } = await templateScope(deps.db, req.actor, req.query.departmentId);
      const departmentId = department?.id ?? null;
      const [t, versions] = await Promise.all([templateInForce(deps.db, departmentId, kind), templateVersions(deps.db, scopeOf(departmentId), kind)]);
      const lang = req.lang === "en" ? "en" : "zh";
      const history: TemplateVersion[] = [
        ...versions.map((v) => ({
          version: v.version, source: departmentId ? ("department" as const) : ("platform" as const), body: (v.body as TemplateVersion["body"]) ?? null,
          note: v.note, createdAt: v.created_at.toISOString(), createdBy: v.created_by_name,
        })),
        { version: 0, source: "builtin", body: builtinTemplates[kind], note: null, createdAt: null, createdBy: null },
      ];
      noStore(reply);
      return {
        kind, name: templateKindNames[kind][lang], department: department ? { id: department.id, name: department.name } : null,
        inForce: t.source, body: t.body, platformDefault: t.platformDefault,
        placeholders: placeholdersOfKind[kind].map((p) => ({ name: p, label: templatePlaceholders[p][lang] })),
        history, abilities: { edit: true },
      };
    });

    app.put("/api/admin/templates/:kind", { schema: { tags, params: KindParams, body: TemplateSaveRequest } }, async (req) =>
      runCommand(deps, req.actor, metaOf(req), (ctx) => saveTemplate(ctx, req.params.kind, req.body)),
    );

    app.delete("/api/admin/templates/:kind", { schema: { tags, params: KindParams, querystring: TemplateScopeQuery } }, async (req) =>
      runCommand(deps, req.actor, metaOf(req), (ctx) => resetTemplate(ctx, req.params.kind, req.query.departmentId)),
    );

    app.post("/api/admin/templates/:kind/preview", { schema: { tags, params: KindParams, body: TemplatePreviewRequest } }, async (req, reply) => {
      const { department } = await templateScope(deps.db, req.actor, req.body.departmentId);
      assertKnownPlaceholders(req.params.kind, req.body.body);
      const pdf = await renderTemplatePreview(deps, req.params.kind, req.body.body, department);
      noStore(reply);
      reply.type("application/pdf").header("content-disposition", `inline; filename*=UTF-8''${encodeURIComponent(`${templateKindNames[req.params.kind].zh}-样张.pdf`)}`);
      return reply.send(pdf);
    });
  };
}
