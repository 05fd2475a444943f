import {
  StaffChangeDecision, StaffChangeRejection, StaffChangeRequest, StaffChangesQuery, StaffListQuery, TrainingRecordRequest,
} from "@cq/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Actor } from "../platform/actor.ts";
import type { Deps } from "../platform/context.ts";
import { runCommand } from "../audit/command.ts";
import type { Executor } from "../platform/db.ts";
import { AppError } from "../platform/errors.ts";
import { metaOf, noStore } from "../platform/http.ts";
import { administers, allowReadStaff, mayOpenStaffAdmin, staffListScope } from "../policy/index.ts";
import { approveStaffChange, rejectStaffChange, withdrawStaffChange } from "./commands/decideStaffChange.ts";
import { recordTraining } from "./commands/recordTraining.ts";
import { requestStaffChange } from "./commands/requestStaffChange.ts";
import { changeVisibleTo, presentStaff, presentStaffChange, presentTraining } from "./presenter.ts";
import {
  departmentsInScope, findStaff, findStaffChange, listStaff, listStaffChanges, pendingByStaff, regionGrantsOf, roleAssignmentsOf, trainingRecordsOf,
  type StaffChangeRow,
} from "./repository.ts";
import { placeOf } from "./rules.ts";
import { type PersonalData, personalDataOf } from "../platform/personalData.ts";

const IdParams = z.object({ id: z.string().max(64) });
const tags = ["staff administration"];

/** Staff, roles and training records, changed only through two-person change requests (R14, R16, R17). */
export function staffRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const gate = (actor: Actor) => {
      if (actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
      if (!mayOpenStaffAdmin(actor)) throw new AppError("FORBIDDEN");
    };

    app.get("/api/admin/staff", { schema: { tags, querystring: StaffListQuery } }, async (req, reply) => {
      gate(req.actor);
      const scope = staffListScope(req.actor);
      const [rows, departments] = await Promise.all([listStaff(deps.db, personalDataOf(deps.config), scope, req.query), departmentsInScope(deps.db, scope)]);
      const ids = rows.map((r) => r.id);
      const [roles, regions, pending] = await Promise.all([roleAssignmentsOf(deps.db, ids), regionGrantsOf(deps.db, ids), pendingByStaff(deps.db, ids)]);
      noStore(reply);
      return {
        items: rows.map((r) => presentStaff(r, roles.filter((x) => x.user_id === r.id), regions.get(r.id), pending.get(r.id) ?? null)),
        departments: departments.map((d) => ({ id: d.id, name: d.name, regionCode: d.region_code })),
        canRequest: departments.some((d) => administers(req.actor, { departmentId: d.id, regionCode: d.region_code })),
      };
    });

    app.get("/api/admin/staff/:id", { schema: { tags, params: IdParams } }, async (req, reply) => {
      gate(req.actor);
      const staff = await findStaff(deps.db, personalDataOf(deps.config), req.params.id);
      const region = staff ? (await regionGrantsOf(deps.db, [staff.id])).get(staff.id) : undefined;
      if (!staff || !allowReadStaff(req.actor, placeOf(staff, region))) throw new AppError("STAFF_NOT_FOUND");
      const [roles, trainings, changes, pending] = await Promise.all([
        roleAssignmentsOf(deps.db, [staff.id]), trainingRecordsOf(deps.db, staff.id), listStaffChanges(deps.db, personalDataOf(deps.config), { staffId: staff.id }), pendingByStaff(deps.db, [staff.id]),
      ]);
      noStore(reply);
      return {
        ...presentStaff(staff, roles, region, pending.get(staff.id) ?? null),
        trainings: trainings.map(presentTraining),
        changes: changes.map((c) => presentStaffChange(req.actor, c, region)),
      };
    });

    app.post("/api/admin/staff/:id/training", { schema: { tags, params: IdParams, body: TrainingRecordRequest } }, async (req, reply) => {
      gate(req.actor);
      const out = await runCommand(deps, req.actor, metaOf(req), (ctx) => recordTraining(ctx, req.params.id, req.body));
      return reply.code(201).send(out);
    });

    app.get("/api/admin/staff-changes", { schema: { tags, querystring: StaffChangesQuery } }, async (req, reply) => {
      gate(req.actor);
      const rows = await listStaffChanges(deps.db, personalDataOf(deps.config), req.query);
      const regions = await regionGrantsOf(deps.db, rows.map((r) => r.staff_id).filter((s): s is string => !!s));
      noStore(reply);
      return {
        items: rows
          .filter((c) => changeVisibleTo(req.actor, c, c.staff_id ? regions.get(c.staff_id) : undefined))
          .map((c) => presentStaffChange(req.actor, c, c.staff_id ? regions.get(c.staff_id) : undefined)),
      };
    });

    app.post("/api/admin/staff-changes", { schema: { tags, body: StaffChangeRequest } }, async (req, reply) => {
      gate(req.actor);
      const { id } = await runCommand(deps, req.actor, metaOf(req), (ctx) => requestStaffChange(ctx, req.body));
      return reply.code(201).send(await changeOut(deps.db, personalDataOf(deps.config), req.actor, id));
    });

    app.post("/api/admin/staff-changes/:id/approve", { schema: { tags, params: IdParams, body: StaffChangeDecision.optional() } }, async (req) => {
      gate(req.actor);
      await runCommand(deps, req.actor, metaOf(req), (ctx) => approveStaffChange(ctx, req.params.id, req.body?.note));
      return changeOut(deps.db, personalDataOf(deps.config), req.actor, req.params.id);
    });

    app.post("/api/admin/staff-changes/:id/reject", { schema: { tags, params: IdParams, body: StaffChangeRejection } }, async (req) => {
      gate(req.actor);
      await runCommand(deps, req.actor, metaOf(req), (ctx) => rejectStaffChange(ctx, req.params.id, req.body.reason));
      return changeOut(deps.db, personalDataOf(deps.config), req.actor, req.params.id);
    });

    app.post("/api/admin/staff-changes/:id/withdraw", { schema: { tags, params: IdParams } }, async (req) => {
      gate(req.actor);
      await runCommand(deps, req.actor, metaOf(req), (ctx) => withdrawStaffChange(ctx, req.params.id));
      return changeOut(deps.db, personalDataOf(deps.config), req.actor, req.params.id);
    });
  };
}

async function changeOut(db: Executor, pd: PersonalData, actor: Actor, id: string) {
  const row = (await findStaffChange(db, pd, id)) as StaffChangeRow;
  const region = row.staff_id ? (await regionGrantsOf(db, [row.staff_id])).get(row.staff_id) : undefined;
  return presentStaffChange(actor, row, region);
}
