import { ComplaintReplyRequest, ComplaintRequest, ComplaintsQuery, EvaluationRequest } from "@cq/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Actor } from "../platform/actor.ts";
import { shanghaiDay } from "../platform/clock.ts";
import type { Deps } from "../platform/context.ts";
import { runCommand } from "../audit/command.ts";
import { AppError } from "../platform/errors.ts";
import { metaOf, noStore } from "../platform/http.ts";
import { allowReplyComplaint, allowSeeComplaint, complaintScope } from "../policy/index.ts";
import { fileComplaint, replyComplaint } from "./commands/complaints.ts";
import { evaluateCase } from "./commands/evaluateCase.ts";
import { audienceOf, markInboxRead } from "./commands/markInboxRead.ts";
import { type ComplaintRow, findComplaint, listComplaints } from "./complaintRepository.ts";
import { inboxFor } from "./repository.ts";
import { handlersOfCases } from "../caseRecord/handlers.ts";
import type { Executor } from "../platform/db.ts";

type Handler = { name: string; step: string; department: string };

/**
 * Who handled the cases of these bad-evaluation work orders (差评), for staff callers only: applicants
 * see a department's answer, not the names of the people behind the case (R3).
 */
async function handlersFor(db: Executor, actor: Actor, complaints: ComplaintRow[]): Promise<Map<string, Handler[]>> {
  const byCase = new Map<string, Handler[]>();
  if (actor.kind !== "staff") return byCase;
  const caseIds = [...new Set(complaints.filter((c) => c.kind === "evaluation" && c.case_id).map((c) => c.case_id!))];
  for (const h of await handlersOfCases(db, caseIds)) {
    const list = byCase.get(h.case_id) ?? [];
    list.push({ name: h.staff_name, step: h.step, department: h.department_name });
    byCase.set(h.case_id, list);
  }
  return byCase;
}

const IdParams = z.object({ id: z.string().max(64) });

/** A complaint as the caller sees it; the replier is named (R33). */
function presentComplaint(actor: Actor, c: ComplaintRow, today: string, handlers: Map<string, Handler[]>) {
  const handledBy = c.kind === "evaluation" && c.case_id ? handlers.get(c.case_id) : undefined;
  return {
    id: c.id,
    kind: c.kind,
    subject: c.subject,
    text: c.text,
    ...(c.case_id ? { caseId: c.case_id, supervisionCode: c.supervision_code } : {}),
    department: { id: c.department_id, name: c.department_name },
    applicant: { name: c.applicant_name },
    createdAt: c.created_at.toISOString(),
    replyDueDate: c.reply_due_date,
    status: c.status,
    overdue: c.status === "open" ? today > c.reply_due_date : !!c.replied_at && shanghaiDay(c.replied_at) > c.reply_due_date,
    ...(c.reply_text ? { reply: { text: c.reply_text, by: c.replier_name, at: c.replied_at?.toISOString() } } : {}),
    canReply: c.status === "open" && allowReplyComplaint(actor, c.department_id),
    ...(actor.kind === "staff" && c.kind === "evaluation" ? { handledBy: handledBy ?? [] } : {}),
  };
}

export function engagementRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get("/api/inbox", { schema: { tags: ["messages"], querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) } }, async (req, reply) => {
      const rows = await inboxFor(deps.db, audienceOf(req.actor), req.query.limit);
      noStore(reply);
      return {
        items: rows.map((m) => ({ id: m.id, title: m.title, text: m.text, ...(m.case_id ? { caseId: m.case_id } : {}), createdAt: m.created_at.toISOString(), ...(m.read_at ? { readAt: m.read_at.toISOString() } : {}) })),
      };
    });

    // Read marks are the caller's own: reading a message to a department's role does not read it for colleagues.
    app.post("/api/inbox/:id/read", { schema: { tags: ["messages"], params: z.object({ id: z.string().max(64) }) } }, async (req) =>
      runCommand(deps, req.actor, metaOf(req), (ctx) => markInboxRead(ctx, req.params.id)),
    );

    app.post("/api/cases/:id/evaluation", { schema: { tags: ["engagement"], params: IdParams, body: EvaluationRequest } }, async (req, reply) => {
      const out = await runCommand(deps, req.actor, metaOf(req), (ctx) => evaluateCase(ctx, req.params.id, req.body));
      return reply.code(201).send(out);
    });

    app.post("/api/complaints", { schema: { tags: ["engagement"], body: ComplaintRequest } }, async (req, reply) => {
      const out = await runCommand(deps, req.actor, metaOf(req), (ctx) => fileComplaint(ctx, req.body));
      return reply.code(201).send(out);
    });

    app.get("/api/complaints", { schema: { tags: ["engagement"], querystring: ComplaintsQuery } }, async (req, reply) => {
      if (req.actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
      const scope = complaintScope(req.actor);
      if (!scope) throw new AppError("FORBIDDEN");
      const rows = await listComplaints(deps.db, scope, req.query);
      const today = shanghaiDay(deps.clock.now());
      const handlers = await handlersFor(deps.db, req.actor, rows);
      noStore(reply);
      return { items: rows.map((c) => presentComplaint(req.actor, c, today, handlers)) };
    });

    app.get("/api/complaints/:id", { schema: { tags: ["engagement"], params: IdParams } }, async (req, reply) => {
      if (req.actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
      const c = await findComplaint(deps.db, req.params.id);
      if (!c || !allowSeeComplaint(req.actor, { applicantId: c.applicant_id, departmentId: c.department_id })) throw new AppError("COMPLAINT_NOT_FOUND");
      noStore(reply);
      return presentComplaint(req.actor, c, shanghaiDay(deps.clock.now()), await handlersFor(deps.db, req.actor, [c]));
    });

    app.post("/api/complaints/:id/reply", { schema: { tags: ["engagement"], params: IdParams, body: ComplaintReplyRequest } }, async (req) => {
      await runCommand(deps, req.actor, metaOf(req), (ctx) => replyComplaint(ctx, req.params.id, req.body.text));
      const c = (await findComplaint(deps.db, req.params.id)) as ComplaintRow;
      return presentComplaint(req.actor, c, shanghaiDay(deps.clock.now()), await handlersFor(deps.db, req.actor, [c]));
    });

    app.post("/api/inbox/read-all", { schema: { tags: ["messages"] } }, async (req) => runCommand(deps, req.actor, metaOf(req), (ctx) => markInboxRead(ctx, null)));
  };
}
