import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { runCommand } from "../audit/command.ts";
import { suspensionKinds } from "@cq/contracts";
import type { Deps } from "../platform/context.ts";
import { metaOf } from "../platform/http.ts";
import { explainCase } from "./commands/explainCase.ts";
import { extendCase } from "./commands/extendCase.ts";
import { endSuspension, suspendCase } from "./commands/suspendCase.ts";

const CaseParams = z.object({ id: z.string().max(64) });

/** The case's clock under the department's hand: suspensions (Art. 45), extensions (Art. 42), explanations of delay. */
export function caseClockRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const cmd = <T>(req: Parameters<typeof metaOf>[0], fn: Parameters<typeof runCommand<T>>[3]) => runCommand<T>(deps, req.actor, metaOf(req), fn);

    app.post(
      "/api/cases/:id/suspensions",
      { schema: { tags: ["supervision"], params: CaseParams, body: z.object({ kind: z.enum(suspensionKinds), reason: z.string().trim().min(1).max(1000), expectedWorkingDays: z.number().int().min(1).max(250) }) } },
      async (req, reply) => reply.code(201).send(await cmd(req, (ctx) => suspendCase(ctx, req.params.id, req.body))),
    );
    app.post("/api/cases/:id/suspensions/:sid/end", { schema: { tags: ["supervision"], params: z.object({ id: z.string().max(64), sid: z.string().max(64) }) } }, async (req) =>
      cmd(req, (ctx) => endSuspension(ctx, req.params.id, req.params.sid)),
    );
    app.post(
      "/api/cases/:id/extensions",
      { schema: { tags: ["supervision"], params: CaseParams, body: z.object({ workingDays: z.number().int().min(1).max(60), reason: z.string().trim().min(1).max(1000) }) } },
      async (req, reply) => reply.code(201).send(await cmd(req, (ctx) => extendCase(ctx, req.params.id, req.body))),
    );
    app.post("/api/cases/:id/explanations", { schema: { tags: ["supervision"], params: CaseParams, body: z.object({ text: z.string().trim().min(1).max(5000) }) } }, async (req, reply) =>
      reply.code(201).send(await cmd(req, (ctx) => explainCase(ctx, req.params.id, req.body.text))),
    );
  };
}
