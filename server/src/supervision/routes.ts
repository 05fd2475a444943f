import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../platform/context.ts";
import { shanghaiDay } from "../platform/clock.ts";
import { runCommand } from "../audit/command.ts";
import { AppError } from "../platform/errors.ts";
import { metaOf, noStore } from "../platform/http.ts";
import { evaluationFigures } from "../engagement/complaintRepository.ts";
import { openConsultationFigures, sumConsultationFigures } from "../engagement/consultationRepository.ts";
import { presentEvaluationFigures } from "../engagement/figures.ts";
import { allowAnswerEscalation, allowAudit, allowEscalate, enforce, inSupervisionScope, isStaffOf, supervisionScope } from "../policy/index.ts";
import { findDepartment } from "../catalog/repository.ts";
import { staffStatsOf } from "./staffStats.ts";
import { escalateCase, respondToEscalation } from "./commands/escalate.ts";
import { listEscalations, listFlags } from "./repository.ts";
import { casesByLight, departmentStats, monthlyTrend, offPlatformCertificateCounts } from "./statsRepository.ts";
import { monthlyReport } from "./report.ts";
import { supervisionPeriod } from "./counts.ts";

const dateTime = z.string().datetime({ offset: true });
const PeriodQuery = z.object({ from: dateTime.optional(), to: dateTime.optional() });

/** The period asked for, else the default whole-day year (`supervisionPeriod`); an empty or reversed one is refused. */
function periodOf(q: z.infer<typeof PeriodQuery>, now: Date): { from: Date; to: Date } {
  const { from, to } = supervisionPeriod(now, { ...(q.from ? { from: new Date(q.from) } : {}), ...(q.to ? { to: new Date(q.to) } : {}) });
  if (from >= to) throw new AppError("VALIDATION_FAILED", { field: "from" });
  return { from, to };
}

export function supervisionRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const cmd = <T>(req: Parameters<typeof metaOf>[0], fn: Parameters<typeof runCommand<T>>[3]) => runCommand<T>(deps, req.actor, metaOf(req), fn);
    const scopeOf = (req: { actor: Parameters<typeof supervisionScope>[0] }) => {
      if (req.actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
      const scope = supervisionScope(req.actor);
      enforce(req.actor, scope !== null);
      return scope!;
    };

    app.get(
      "/api/supervision/escalations",
      { schema: { tags: ["supervision"], querystring: z.object({ caseId: z.string().max(64).optional(), status: z.enum(["open", "answered"]).optional() }) } },
      async (req, reply) => {
        const scope = scopeOf(req);
        const rows = await listEscalations(deps.db, { ...req.query, ...(scope.all ? {} : { departmentIds: scope.departmentIds }) });
        noStore(reply);
        return {
          items: rows.map((e) => ({
            id: e.id, caseId: e.case_id, supervisionCode: e.supervision_code, itemName: e.item_name, department: { id: e.department_id, name: e.department_name },
            automatic: e.automatic, note: e.note, createdAt: e.created_at.toISOString(), responseDueDate: e.response_due_date, light: e.light, caseLight: e.case_light, status: e.status,
            ...(e.response_text ? { response: e.response_text, respondedAt: e.responded_at?.toISOString() } : {}),
            canAnswer: e.status === "open" && allowAnswerEscalation(req.actor, e.department_id),
          })),
        };
      },
    );
    app.post("/api/supervision/escalations", { schema: { tags: ["supervision"], body: z.object({ caseId: z.string().max(64), note: z.string().trim().min(1).max(2000) }) } }, async (req, reply) => {
      if (req.actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
      enforce(req.actor, allowEscalate(req.actor));
      const out = await cmd(req, (ctx) => escalateCase(ctx, req.body.caseId, { note: req.body.note, automatic: false }));
      return reply.code(201).send(out);
    });
    app.post("/api/supervision/escalations/:id/response", { schema: { tags: ["supervision"], params: z.object({ id: z.string().max(64) }), body: z.object({ text: z.string().trim().min(1).max(5000) }) } }, async (req) =>
      cmd(req, (ctx) => respondToEscalation(ctx, req.params.id, req.body.text)),
    );

    app.get(
      "/api/supervision/cases",
      { schema: { tags: ["supervision"], querystring: z.object({ light: z.enum(["yellow", "red"]), departmentId: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(500).default(200) }) } },
      async (req, reply) => {
        const scope = scopeOf(req);
        const rows = await casesByLight(deps.db, scope, req.query.light, req.query.departmentId, req.query.limit);
        noStore(reply);
        return {
          items: rows.map((r) => ({
            caseId: r.id, supervisionCode: r.supervision_code, status: r.status, dueDate: r.due_date, light: r.light, itemName: r.item_name,
            department: { id: r.department_id, name: r.department_name }, extended: r.extension_days > 0, escalated: !!r.escalated, explained: !!r.explained,
          })),
          nextCursor: null,
        };
      },
    );

    app.get(
      "/api/supervision/stats",
      { schema: { tags: ["supervision"], querystring: PeriodQuery.extend({ departmentId: z.string().max(64).optional() }) } },
      async (req, reply) => {
        const scope = scopeOf(req);
        const now = deps.clock.now();
        const { from, to } = periodOf(req.query, now);
        const [rows, trend, evaluationRows, offPlatformRows] = await Promise.all([
          departmentStats(deps.db, scope, from, to, req.query.departmentId, now),
          monthlyTrend(deps.db, scope, from, to, req.query.departmentId, now),
          evaluationFigures(deps.db, from, to),
          offPlatformCertificateCounts(deps.db, scope, from, to, req.query.departmentId),
        ]);
        const offPlatform = new Map(offPlatformRows.map((r) => [r.department_id, r]));
        const evaluations = new Map(evaluationRows.map((e) => [e.department_id, e]));
        noStore(reply);
        const n = (v: unknown) => Number(v ?? 0);
        const items = rows.map((r) => ({
          department: { id: r.department_id, name: r.department_name },
          regionCode: r.region_code,
          regionName: r.region_name,
          received: n(r.received),
          accepted: n(r.accepted),
          closed: n(r.closed),
          onTimeRate: n(r.closed) ? n(r.closed_on_time) / n(r.closed) : null,
          averageWorkingDays: r.avg_working_days === null ? null : Math.round(Number(r.avg_working_days) * 10) / 10,
          overdue: n(r.overdue),
          yellow: n(r.yellow),
          suspended: n(r.suspended),
          extended: n(r.extended),
          deemedAccepted: n(r.deemed_accepted),
          escalationsOpen: n(r.escalations_open),
          offPlatformCertificates: n(offPlatform.get(r.department_id)?.n),
          evaluations: presentEvaluationFigures(evaluations.get(r.department_id)),
        }));
        // A department that only registered certificates off the platform still has its row (R37).
        const zero = { received: 0, accepted: 0, closed: 0, onTimeRate: null, averageWorkingDays: null, overdue: 0, yellow: 0, suspended: 0, extended: 0, deemedAccepted: 0, escalationsOpen: 0 };
        for (const o of offPlatformRows.filter((o) => !rows.some((r) => r.department_id === o.department_id))) {
          items.push({
            department: { id: o.department_id, name: o.department_name }, regionCode: o.region_code, regionName: o.region_name, ...zero,
            offPlatformCertificates: n(o.n), evaluations: presentEvaluationFigures(evaluations.get(o.department_id)),
          });
        }
        // Questions and suggestions waiting for an answer, near their date and past it (R33).
        const consultations = sumConsultationFigures(
          await openConsultationFigures(deps.db, shanghaiDay(deps.clock.now()), { all: true }),
          (f) => inSupervisionScope(scope, { id: f.department_id, region_code: f.region_code }) && (!req.query.departmentId || f.department_id === req.query.departmentId),
        );
        const months = [...new Set([...trend.received.map((x) => x.month), ...trend.closed.map((x) => x.month)])].sort();
        return {
          from: from.toISOString(),
          to: to.toISOString(),
          items,
          consultations,
          trend: months.map((m) => {
            const c = trend.closed.find((x) => x.month === m);
            return { month: m, received: n(trend.received.find((x) => x.month === m)?.n), closed: n(c?.n), onTime: n(c?.on_time) };
          }),
        };
      },
    );

    app.get("/api/supervision/flags", { schema: { tags: ["supervision"], querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(200) }) } }, async (req, reply) => {
      if (req.actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
      enforce(req.actor, allowAudit(req.actor, "read"));
      const rows = await listFlags(deps.db, req.query.limit);
      noStore(reply);
      return {
        items: rows.map((f) => ({
          id: f.id, kind: f.kind, caseId: f.case_id, certificateNo: f.certificate_no, supervisionCode: f.supervision_code, itemName: f.item_name,
          department: f.department_id ? { id: f.department_id, name: f.department_name } : null, evidence: f.evidence, createdAt: f.created_at.toISOString(),
        })),
      };
    });

    app.get(
      "/api/supervision/reports/monthly",
      { schema: { tags: ["supervision"], querystring: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), format: z.enum(["pdf", "csv"]).default("pdf") }) } },
      async (req, reply) => {
        const scope = scopeOf(req);
        const out = await monthlyReport(deps, scope, req.query.month, req.query.format);
        reply.type(out.contentType).header("content-disposition", `attachment; filename="supervision-${req.query.month}.${req.query.format}"`).header("cache-control", "no-store");
        return reply.send(out.body);
      },
    );

    // Per staff member who handled the department's cases (R37(2)): the department must be in the caller's scope.
    app.get(
      "/api/supervision/departments/:id/staff-stats",
      { schema: { tags: ["supervision"], params: z.object({ id: z.string().max(64) }), querystring: PeriodQuery } },
      async (req, reply) => {
        const scope = scopeOf(req);
        const department = await findDepartment(deps.db, req.params.id);
        if (!department || !inSupervisionScope(scope, department)) throw new AppError("DEPARTMENT_NOT_FOUND");
        const { from, to } = periodOf(req.query, deps.clock.now());
        noStore(reply);
        return { department: { id: department.id, name: department.name }, from: from.toISOString(), to: to.toISOString(), items: await staffStatsOf(deps.db, department.id, from, to) };
      },
    );

    // The departments of the caller that an escalation concerns: used by the workbench to show "answer".
    app.get("/api/supervision/my-escalations", { schema: { tags: ["supervision"] } }, async (req, reply) => {
      if (req.actor.kind !== "staff") throw new AppError(req.actor.kind === "anonymous" ? "NOT_LOGGED_IN" : "FORBIDDEN");
      const depts = [...new Set(req.actor.roles.map((r) => r.departmentId).filter((d): d is string => !!d && isStaffOf(req.actor, d)))];
      const rows = await listEscalations(deps.db, { status: "open", departmentIds: depts });
      noStore(reply);
      return {
        items: rows.map((e) => ({
          id: e.id, caseId: e.case_id, supervisionCode: e.supervision_code, itemName: e.item_name, note: e.note, automatic: e.automatic,
          responseDueDate: e.response_due_date, light: e.light, caseLight: e.case_light, canAnswer: allowAnswerEscalation(req.actor, e.department_id),
        })),
      };
    });
  };
}
