import { templateKindNames, templateKinds, TemplatePreviewRequest, TemplateSaveRequest, TemplateScopeQuery } from "@cq/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { runCommand } from "../../audit/command.ts";
import type { Deps } from "../../platform/context.ts";
import { metaOf, noStore } from "../../platform/http.ts";
import { resetTemplate } from "./commands/resetTemplate.ts";
import { assertKnownPlaceholders, saveTemplate } from "./commands/saveTemplate.ts";
import { templateInForce, templatesInForce } from "./inForce.ts";
import { presentTemplateDetail, presentTemplateList } from "./presenter.ts";
import { renderTemplatePreview } from "./preview.ts";
import { scopeOf, templateVersions } from "./repository.ts";
import { templateScope } from "./scope.ts";

const tags = ["document templates"];
const KindParams = z.object({ kind: z.enum(templateKinds) });

/** Document templates (文书模板, R12): the platform's defaults and each department's own words. */
export function templateRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/api/admin/templates", { schema: { tags, querystring: TemplateScopeQuery } }, async (req, reply) => {
      const scope = await templateScope(deps.db, req.actor, req.query.departmentId);
      const inForce = await templatesInForce(deps.db, scope.department?.id ?? null);
      noStore(reply);
      return presentTemplateList(scope, inForce, req.lang);
    });

    app.get("/api/admin/templates/:kind", { schema: { tags, params: KindParams, querystring: TemplateScopeQuery } }, async (req, reply) => {
      const { kind } = req.params;
      const scope = await templateScope(deps.db, req.actor, req.query.departmentId);
      const departmentId = scope.department?.id ?? null;
      const [t, versions] = await Promise.all([templateInForce(deps.db, departmentId, kind), templateVersions(deps.db, scopeOf(departmentId), kind)]);
      noStore(reply);
      return presentTemplateDetail(scope, kind, t, versions, req.lang);
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
