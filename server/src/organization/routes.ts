import {
  DepartmentCreateRequest, DepartmentListQuery, DepartmentUpdateRequest, HallCreateRequest, HallListQuery, HallUpdateRequest, RegionCreateRequest,
} from "@cq/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { runCommand } from "../audit/command.ts";
import type { Actor } from "../platform/actor.ts";
import type { Deps } from "../platform/context.ts";
import type { Executor } from "../platform/db.ts";
import { AppError } from "../platform/errors.ts";
import { metaOf, noStore } from "../platform/http.ts";
import { allowCreateCity, mayOpenOrganization, organizationScope } from "../policy/index.ts";
import { changeDepartment, createDepartment } from "./commands/departments.ts";
import { changeHall, createHall } from "./commands/halls.ts";
import { createRegion } from "./commands/createRegion.ts";
import { pathIn, presentDepartment, presentHall, presentRegion } from "./presenter.ts";
import { findDepartment, findHall, findRegion, listDepartments, listHalls, listRegions, regionParents } from "./repository.ts";

const IdParams = z.object({ id: z.string().max(64) });
const tags = ["organization administration"];

/** Regions, departments and service halls, each administrator within its scope (R14). */
export function organizationRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const gate = (actor: Actor) => {
      if (actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
      if (!mayOpenOrganization(actor)) throw new AppError("FORBIDDEN");
    };
    /** A region filter of a list must name a region the caller sees; any other reads as absent. */
    const visibleRegion = async (actor: Actor, code: string | undefined) => {
      if (code && !(await listRegions(deps.db, organizationScope(actor), code)).length) throw new AppError("REGION_NOT_FOUND");
    };

    app.get("/api/admin/regions", { schema: { tags } }, async (req, reply) => {
      gate(req.actor);
      const [rows, parents] = await Promise.all([listRegions(deps.db, organizationScope(req.actor)), regionParents(deps.db)]);
      noStore(reply);
      return { items: rows.map((r) => presentRegion(req.actor, r, pathIn(parents, r.code))), createCity: allowCreateCity(req.actor) };
    });

    app.post("/api/admin/regions", { schema: { tags, body: RegionCreateRequest } }, async (req, reply) => {
      gate(req.actor);
      const { code } = await runCommand(deps, req.actor, metaOf(req), (ctx) => createRegion(ctx, req.body));
      const [row, parents] = await Promise.all([findRegion(deps.db, code), regionParents(deps.db)]);
      return reply.code(201).send(presentRegion(req.actor, row!, pathIn(parents, code)));
    });

    app.get("/api/admin/departments", { schema: { tags, querystring: DepartmentListQuery } }, async (req, reply) => {
      gate(req.actor);
      await visibleRegion(req.actor, req.query.regionCode);
      const [rows, parents] = await Promise.all([listDepartments(deps.db, organizationScope(req.actor), req.query.regionCode), regionParents(deps.db)]);
      noStore(reply);
      return { items: rows.map((d) => presentDepartment(req.actor, d, pathIn(parents, d.region_code))) };
    });

    app.post("/api/admin/departments", { schema: { tags, body: DepartmentCreateRequest } }, async (req, reply) => {
      gate(req.actor);
      const out = await runCommand(deps, req.actor, metaOf(req), (ctx) => createDepartment(ctx, req.body));
      return reply.code(201).send(out);
    });

    app.patch("/api/admin/departments/:id", { schema: { tags, params: IdParams, body: DepartmentUpdateRequest } }, async (req) => {
      gate(req.actor);
      await runCommand(deps, req.actor, metaOf(req), (ctx) => changeDepartment(ctx, req.params.id, req.body));
      return departmentOut(deps.db, req.actor, req.params.id);
    });

    app.get("/api/admin/halls", { schema: { tags, querystring: HallListQuery } }, async (req, reply) => {
      gate(req.actor);
      await visibleRegion(req.actor, req.query.regionCode);
      const [rows, parents] = await Promise.all([listHalls(deps.db, organizationScope(req.actor), req.query.regionCode), regionParents(deps.db)]);
      noStore(reply);
      return { items: rows.map((h) => presentHall(req.actor, h, pathIn(parents, h.region_code))) };
    });

    app.post("/api/admin/halls", { schema: { tags, body: HallCreateRequest } }, async (req, reply) => {
      gate(req.actor);
      const out = await runCommand(deps, req.actor, metaOf(req), (ctx) => createHall(ctx, req.body));
      return reply.code(201).send(out);
    });

    app.patch("/api/admin/halls/:id", { schema: { tags, params: IdParams, body: HallUpdateRequest } }, async (req) => {
      gate(req.actor);
      await runCommand(deps, req.actor, metaOf(req), (ctx) => changeHall(ctx, req.params.id, req.body));
      const [h, parents] = await Promise.all([findHall(deps.db, req.params.id), regionParents(deps.db)]);
      return presentHall(req.actor, h!, pathIn(parents, h!.region_code));
    });
  };
}

async function departmentOut(db: Executor, actor: Actor, id: string) {
  const [d, parents] = await Promise.all([findDepartment(db, id), regionParents(db)]);
  return presentDepartment(actor, d!, pathIn(parents, d!.region_code));
}
