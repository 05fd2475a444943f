import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../platform/context.ts";
import { AppError } from "../platform/errors.ts";
import { presentPublicProgress } from "./presenter.ts";
import { parseSupervisionCode } from "../caseRecord/supervisionCode.ts";
import { unsafeFindCaseByCode, unsafeFindCaseByReference } from "../caseRecord/repository.ts";
import { looksLikeReferenceNo, parseReferenceNo } from "../caseRecord/referenceNo.ts";
import type { Executor } from "../platform/db.ts";

/** The case a supervision code or (before acceptance) a reference number (申请编号) names. */
async function caseByCode(db: Executor, code: string) {
  if (looksLikeReferenceNo(code)) {
    const parsed = parseReferenceNo(code);
    if (!parsed.ok) throw new AppError("INVALID_REFERENCE_NO", { reason: parsed.reason });
    return unsafeFindCaseByReference(db, parsed.display);
  }
  const parsed = parseSupervisionCode(code);
  if (!parsed.ok) throw new AppError("INVALID_SUPERVISION_CODE", { reason: parsed.reason });
  return unsafeFindCaseByCode(db, parsed.display);
}

export function publicRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    // Public by design (R34): anyone holding the code (or the reference number) sees progress, never personal data.
    app.get(
      "/api/public/progress/:code",
      { config: { rateLimit: { max: deps.config.publicRateLimit, timeWindow: "1 minute" } }, schema: { tags: ["public"], params: z.object({ code: z.string().max(64) }) } },
      async (req, reply) => {
        const c = await caseByCode(deps.db, req.params.code);
        if (!c) throw new AppError("CASE_NOT_FOUND");
        reply.header("cache-control", "no-store");
        return presentPublicProgress(deps.db, c, deps.clock.now());
      },
    );
  };
}
