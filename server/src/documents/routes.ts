import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { loadCaseFor } from "../caseRecord/access.ts";
import type { Deps } from "../platform/context.ts";
import { AppError } from "../platform/errors.ts";
import { findDocument } from "./repository.ts";
import { ensureDocumentRendered } from "./rendering.ts";

export function documentRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/api/documents/:id", { schema: { tags: ["documents"], params: z.object({ id: z.string().max(64) }) } }, async (req, reply) => {
      const doc = await findDocument(deps.db, req.params.id);
      if (!doc) throw new AppError(req.actor.kind === "anonymous" ? "NOT_LOGGED_IN" : "DOCUMENT_NOT_FOUND");
      // A document is as visible as its case; invisible reads as absent.
      if (doc.case_id) {
        try {
          await loadCaseFor(deps.db, req.actor, doc.case_id, "read");
        } catch (e) {
          if (e instanceof AppError && e.code === "CASE_NOT_FOUND") throw new AppError("DOCUMENT_NOT_FOUND");
          throw e;
        }
      }
      // Not rendered yet (the job has not run): rendered now, and kept.
      const sha256 = (await ensureDocumentRendered(deps, doc.id))!;
      const bytes = await deps.files.get(sha256);
      reply
        .type("application/pdf")
        .header("cache-control", "private, no-store")
        .header("content-disposition", `inline; filename*=UTF-8''${encodeURIComponent(`${doc.title}-${doc.document_no}.pdf`)}`)
        .header("x-content-sha256", sha256);
      return reply.send(bytes);
    });
  };
}
