import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { stepKinds, stepRoles } from "@cq/contracts";
import type { Deps } from "../platform/context.ts";
import { runCommand } from "../audit/command.ts";
import { AppError } from "../platform/errors.ts";
import { metaOf, noStore } from "../platform/http.ts";
import type { ProcessStep } from "../platform/schema.ts";
import { administeredDepartments, allowManageItem, enforce, grantsOf } from "../policy/index.ts";
import { decideProcessAgreement } from "./commands/decideProcessAgreement.ts";
import { publishProcessDraft } from "./commands/publishProcessDraft.ts";
import { saveProcessDraft } from "./commands/saveProcessDraft.ts";
import { submitProcessDraft } from "./commands/submitProcessDraft.ts";
import { renderFlowchartSvg, type FlowStep } from "./flowchart.ts";
import { agreementsOfDraft, draftsOfItem, itemsOfDepartments, pendingAgreementsFor } from "./processRepository.ts";
import { departmentsByIds, findItemWithVersion } from "./repository.ts";

const StepSchema = z.object({
  id: z.string().trim().min(1).max(40).regex(/^[a-z0-9-]+$/),
  name: z.string().trim().min(1).max(60),
  kind: z.enum(stepKinds),
  departmentId: z.string().max(64).nullable(),
  role: z.enum(stepRoles),
  workingDays: z.number().int().min(0).max(120),
  staffId: z.string().max(64).nullable().optional(),
  clockStops: z.boolean().optional(),
});
const DraftBody = z.object({ steps: z.array(StepSchema).min(1).max(30), assistingDepartmentIds: z.array(z.string().max(64)).max(20) });

export function catalogAdminRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const mine = (req: { actor: Parameters<typeof administeredDepartments>[0] }) => {
      if (req.actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
      return administeredDepartments(req.actor);
    };

    app.get("/api/admin/items", { schema: { tags: ["configuration"] } }, async (req, reply) => {
      const depts = mine(req);
      enforce(req.actor, depts.length > 0);
      const rows = await itemsOfDepartments(deps.db, depts);
      noStore(reply);
      return { items: rows.map((r) => ({ id: r.id, code: r.code, name: r.name, departmentId: r.department_id, version: r.version, promisedDays: r.promised_days, versionCreatedAt: r.created_at.toISOString() })) };
    });

    app.get("/api/admin/items/:id/process", { schema: { tags: ["configuration"], params: z.object({ id: z.string().max(64) }) } }, async (req, reply) => {
      mine(req);
      const item = await findItemWithVersion(deps.db, req.params.id);
      if (!item || !allowManageItem(req.actor, item.department_id)) throw new AppError("ITEM_NOT_FOUND");
      const drafts = await draftsOfItem(deps.db, item.item_id);
      const withAgreements = await Promise.all(drafts.map(async (d) => ({ ...d, agreements: await agreementsOfDraft(deps.db, d.id) })));
      noStore(reply);
      return {
        item: { id: item.item_id, code: item.code, name: item.name, version: item.version, departmentId: item.department_id, promisedDays: item.promised_days },
        current: { steps: (item.process as unknown as { steps: ProcessStep[] }).steps, assistingDepartmentIds: item.assisting_department_ids },
        drafts: withAgreements.map((d) => ({
          id: d.id, status: d.status, steps: d.steps, assistingDepartmentIds: d.assisting_department_ids, updatedAt: d.updated_at.toISOString(),
          agreements: d.agreements.map((a) => ({ departmentId: a.department_id, departmentName: a.department_name, status: a.status, note: a.note })),
        })),
      };
    });

    app.post("/api/admin/items/:id/process-drafts", { schema: { tags: ["configuration"], params: z.object({ id: z.string().max(64) }), body: DraftBody } }, async (req, reply) => {
      const out = await runCommand(deps, req.actor, metaOf(req), (ctx) => saveProcessDraft(ctx, req.params.id, null, req.body));
      return reply.code(201).send(out);
    });

    app.post(
      "/api/admin/items/:id/process-drafts/:draftId",
      { schema: { tags: ["configuration"], params: z.object({ id: z.string().max(64), draftId: z.string().max(64) }), body: DraftBody } },
      async (req) => runCommand(deps, req.actor, metaOf(req), (ctx) => saveProcessDraft(ctx, req.params.id, req.params.draftId, req.body)),
    );

    app.post("/api/admin/process-drafts/:id/submit", { schema: { tags: ["configuration"], params: z.object({ id: z.string().max(64) }) } }, async (req) =>
      runCommand(deps, req.actor, metaOf(req), (ctx) => submitProcessDraft(ctx, req.params.id)),
    );

    app.post("/api/admin/process-drafts/:id/publish", { schema: { tags: ["configuration"], params: z.object({ id: z.string().max(64) }) } }, async (req) =>
      runCommand(deps, req.actor, metaOf(req), (ctx) => publishProcessDraft(ctx, req.params.id)),
    );

    app.post(
      "/api/admin/process-drafts/:id/agreements",
      {
        schema: {
          tags: ["configuration"],
          params: z.object({ id: z.string().max(64) }),
          body: z.object({ departmentId: z.string().max(64), decision: z.enum(["agreed", "rejected"]), note: z.string().trim().max(1000).optional() }),
        },
      },
      async (req) => runCommand(deps, req.actor, metaOf(req), (ctx) => decideProcessAgreement(ctx, req.params.id, req.body)),
    );

    app.get("/api/admin/process-agreements", { schema: { tags: ["configuration"] } }, async (req, reply) => {
      if (req.actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
      const depts = [...grantsOf(req.actor, "department-admin"), ...grantsOf(req.actor, "department-head")].map((g) => g.departmentId).filter((d): d is string => !!d);
      const rows = await pendingAgreementsFor(deps.db, depts);
      noStore(reply);
      return { items: rows.map((r) => ({ draftId: r.draft_id, departmentId: r.department_id, itemId: r.item_id, itemName: r.item_name, leadDepartment: r.lead_name, steps: r.steps, assistingDepartmentIds: r.assisting_department_ids })) };
    });

    // The live flowchart of the process editor: the same drawing the guide shows.
    app.post("/api/admin/flowchart-preview", { schema: { tags: ["configuration"], body: z.object({ steps: z.array(StepSchema).max(30), assistingDepartmentIds: z.array(z.string().max(64)).max(20) }) } }, async (req, reply) => {
      enforce(req.actor, mine(req).length > 0);
      const ids = [...new Set([...req.body.steps.map((s) => s.departmentId).filter((d): d is string => !!d), ...req.body.assistingDepartmentIds])];
      const names = new Map((await departmentsByIds(deps.db, ids)).map((d) => [d.id, d.name]));
      const steps: FlowStep[] = req.body.steps.map((s) => ({
        id: s.id, name: s.name, kind: s.kind, department: s.departmentId ? (names.get(s.departmentId) ?? "") : "本部门", role: s.role, workingDays: s.workingDays,
        ...(s.kind === "co-handle" ? { assisting: req.body.assistingDepartmentIds.map((d) => names.get(d) ?? d) } : {}),
      }));
      reply.type("image/svg+xml");
      return renderFlowchartSvg(steps, { lang: req.lang });
    });
  };
}
