import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../platform/context.ts";
import { AppError } from "../platform/errors.ts";
import { presentPublicProgress } from "./presenter.ts";
import { parseSupervisionCode } from "../caseRecord/supervisionCode.ts";
import { unsafeFindCaseByCode } from "../caseRecord/repository.ts";

export function publicRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    // Public by design (R34): anyone holding the code sees progress, never personal data.
    app.get(
      "/api/public/progress/:code",
      { config: { rateLimit: { max: 60, timeWindow: "1 minute" } }, schema: { tags: ["public"], params: z.object({ code: z.string().max(64) }) } },
      async (req, reply) => {
        const parsed = parseSupervisionCode(req.params.code);
        if (!parsed.ok) throw new AppError("INVALID_SUPERVISION_CODE", { reason: parsed.reason });
        const c = await unsafeFindCaseByCode(deps.db, parsed.display);
        if (!c) throw new AppError("CASE_NOT_FOUND");
        reply.header("cache-control", "no-store");
        return presentPublicProgress(deps.db, c, deps.clock.now());
      },
    );
  };
}
