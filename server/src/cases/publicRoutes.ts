import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../platform/context.ts";
import { AppError } from "../platform/errors.ts";
import { presentPublicProgress } from "./presenter.ts";
import { parseSupervisionCode } from "../caseRecord/supervisionCode.ts";
import { looksLikeReferenceNo, parseReferenceNo } from "../caseRecord/referenceNo.ts";
import type { Executor } from "../platform/db.ts";
import { progressByCode } from "./progressRepository.ts";
import { calendarAtVersion } from "../clock/calendarCache.ts";

/** The progress row of the case a supervision code or (before acceptance) a reference number (申请编号) names. */
async function progressOf(db: Executor, code: string) {
  if (looksLikeReferenceNo(code)) {
    const parsed = parseReferenceNo(code);
    if (!parsed.ok) throw new AppError("INVALID_REFERENCE_NO", { reason: parsed.reason });
    return progressByCode(db, "reference_no", parsed.display);
  }
  const parsed = parseSupervisionCode(code);
  if (!parsed.ok) throw new AppError("INVALID_SUPERVISION_CODE", { reason: parsed.reason });
  return progressByCode(db, "supervision_code", parsed.display);
}

export function publicRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    // Public by design (R34): anyone holding the code (or the reference number) sees progress, never personal data.
    app.get(
      "/api/public/progress/:code",
      { config: { rateLimit: { max: deps.config.publicRateLimit, timeWindow: "1 minute" } }, schema: { tags: ["public"], params: z.object({ code: z.string().max(64) }) } },
      async (req, reply) => {
        const row = await progressOf(deps.db, req.params.code);
        if (!row) throw new AppError("CASE_NOT_FOUND");
        reply.header("cache-control", "no-store");
        return presentPublicProgress(row, await calendarAtVersion(deps.db, row.calendar_version), deps.clock.now());
      },
    );
  };
}
