import { ConsultationAssignRequest, ConsultationReplyRequest, ConsultationRequest, ConsultationsQuery } from "@cq/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { replyLight } from "../clock/replyDeadline.ts";
import { type Actor, requireApplicant } from "../platform/actor.ts";
import { shanghaiDay } from "../platform/clock.ts";
import type { Deps } from "../platform/context.ts";
import type { Executor } from "../platform/db.ts";
import { runCommand } from "../audit/command.ts";
import { AppError } from "../platform/errors.ts";
import { metaOf, noStore } from "../platform/http.ts";
import { allowAnswerConsultation, allowAsk, allowAssignConsultation, allowSeeConsultation, consultationScope, enforce } from "../policy/index.ts";
import { answerConsultation } from "./commands/answerConsultation.ts";
import { askConsultation } from "./commands/askConsultation.ts";
import { reassignConsultation } from "./commands/reassignConsultation.ts";
import { type ConsultationRow, departmentStaff, findConsultation, listConsultations, openConsultationFigures, sumConsultationFigures } from "./consultationRepository.ts";

const IdParams = z.object({ id: z.string().max(64) });

/** A question as the caller sees it: the assignee and the answerer are named (R33); the light from the injected clock. */
function presentConsultation(actor: Actor, c: ConsultationRow, today: string) {
  const open = c.status === "open";
  return {
    id: c.id,
    kind: c.kind,
    subject: c.subject,
    text: c.text,
    ...(c.item_id && c.item_name ? { item: { id: c.item_id, name: c.item_name } } : {}),
    ...(c.case_id ? { caseId: c.case_id, supervisionCode: c.supervision_code } : {}),
    department: { id: c.department_id, name: c.department_name },
    applicant: { name: c.applicant_name },
    assignee: { id: c.assignee_id, name: c.assignee_name },
    createdAt: c.created_at.toISOString(),
    replyDueDate: c.reply_due_date,
    status: c.status,
    light: replyLight({ status: c.status, dueDate: c.reply_due_date, yellowFrom: c.yellow_from }, today),
    overdue: open ? today > c.reply_due_date : !!c.replied_at && shanghaiDay(c.replied_at) > c.reply_due_date,
    ...(c.reply_text && c.replied_at ? { reply: { text: c.reply_text, by: c.replier_name ?? "", at: c.replied_at.toISOString() } } : {}),
    abilities: {
      reply: open && allowAnswerConsultation(actor, { departmentId: c.department_id, assigneeId: c.assignee_id }),
      assign: open && allowAssignConsultation(actor, c.department_id),
    },
  };
}

/** The detail adds, for who may reassign, the department's staff to choose from. */
async function presentDetail(db: Executor, actor: Actor, c: ConsultationRow, today: string) {
  const out = presentConsultation(actor, c, today);
  if (!out.abilities.assign) return out;
  return { ...out, assignees: await departmentStaff(db, c.department_id) };
}

export function consultationRoutes(deps: Deps): FastifyPluginAsyncZod {
  const today = () => shanghaiDay(deps.clock.now());
  const visible = async (actor: Actor, id: string) => {
    if (actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
    const c = await findConsultation(deps.db, id);
    if (!c || !allowSeeConsultation(actor, { applicantId: c.applicant_id, departmentId: c.department_id })) throw new AppError("CONSULTATION_NOT_FOUND");
    return c;
  };

  return async (app) => {
    app.post("/api/consultations", { schema: { tags: ["engagement"], body: ConsultationRequest } }, async (req, reply) => {
      const out = await runCommand(deps, req.actor, metaOf(req), (ctx) => askConsultation(ctx, req.body));
      return reply.code(201).send(out);
    });

    app.get("/api/my/consultations", { schema: { tags: ["engagement"] } }, async (req, reply) => {
      if (req.actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
      enforce(req.actor, allowAsk(req.actor));
      const rows = await listConsultations(deps.db, { applicantId: requireApplicant(req.actor).id }, {}, today());
      noStore(reply);
      return { items: rows.map((c) => presentConsultation(req.actor, c, today())) };
    });

    app.get("/api/consultations", { schema: { tags: ["engagement"], querystring: ConsultationsQuery } }, async (req, reply) => {
      if (req.actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
      const scope = consultationScope(req.actor);
      if (!scope) throw new AppError("FORBIDDEN");
      const assigneeId = req.query.mine === "true" && req.actor.kind === "staff" ? req.actor.id : undefined;
      const rows = await listConsultations(deps.db, scope, { ...req.query, assigneeId }, today());
      const figures = await openConsultationFigures(deps.db, today(), scope, assigneeId);
      const counts = sumConsultationFigures(figures, (f) => !req.query.departmentId || f.department_id === req.query.departmentId);
      noStore(reply);
      return { items: rows.map((c) => presentConsultation(req.actor, c, today())), counts };
    });

    app.get("/api/consultations/:id", { schema: { tags: ["engagement"], params: IdParams } }, async (req, reply) => {
      const c = await visible(req.actor, req.params.id);
      noStore(reply);
      return presentDetail(deps.db, req.actor, c, today());
    });

    app.post("/api/consultations/:id/reply", { schema: { tags: ["engagement"], params: IdParams, body: ConsultationReplyRequest } }, async (req) => {
      await runCommand(deps, req.actor, metaOf(req), (ctx) => answerConsultation(ctx, req.params.id, req.body.text));
      return presentDetail(deps.db, req.actor, await visible(req.actor, req.params.id), today());
    });

    app.post("/api/consultations/:id/assign", { schema: { tags: ["engagement"], params: IdParams, body: ConsultationAssignRequest } }, async (req) => {
      await runCommand(deps, req.actor, metaOf(req), (ctx) => reassignConsultation(ctx, req.params.id, req.body.assigneeId));
      return presentDetail(deps.db, req.actor, await visible(req.actor, req.params.id), today());
    });
  };
}
