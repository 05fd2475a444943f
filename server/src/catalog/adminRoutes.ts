import {
  AdminItemQuery, FlowchartPreviewRequest, ItemCreateRequest, ItemUpdateRequest, VersionAgreementRequest, VersionRejectRequest, VersionSaveRequest,
} from "@cq/contracts";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { runCommand } from "../audit/command.ts";
import { requireStaff } from "../platform/actor.ts";
import type { Deps } from "../platform/context.ts";
import { AppError } from "../platform/errors.ts";
import { cleanFileName, sniffMime } from "../platform/fileTypes.ts";
import { metaOf, noStore } from "../platform/http.ts";
import {
  allowAgreeForDepartment, allowApproveVersion, allowManageItem, allowReadItemAdmin, catalogScope, enforce, isVersionAuthor, mayOpenCatalogAdmin,
} from "../policy/index.ts";
import { placeResolver, presentAdminItem, presentVersionDetail, presentVersions } from "./adminPresenter.ts";
import { changeItem, createItem, uploadItemFile } from "./commands/items.ts";
import { answerAgreement, approveVersion, createVersion, rejectVersion, saveDraft, submitVersion } from "./commands/versions.ts";
import { renderFlowchartSvg, type FlowStep } from "./flowchart.ts";
import { flowStepsOf, presentGuide } from "./presenter.ts";
import { departmentsByIds, findItemWithGivenVersion } from "./repository.ts";
import {
  agreementsAwaiting, agreementsOf, departmentsInScope, findItemFile, findItemRow, findVersionRow, type ItemRow, listAdminItems, pendingVersionsInScope,
} from "./versionRepository.ts";

const IdParams = z.object({ id: z.string().max(64) });
const tags = ["configuration"];


export function catalogAdminRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const staffOnly = (req: FastifyRequest) => {
      requireStaff(req.actor);
      enforce(req.actor, mayOpenCatalogAdmin(req.actor));
    };

    /** An item the caller may read in the administration; otherwise it does not exist. */
    const readableItem = async (req: FastifyRequest, id: string) => {
      requireStaff(req.actor);
      const item = await findItemRow(deps.db, id);
      if (!item) throw new AppError("ITEM_NOT_FOUND");
      const place = (await placeResolver(deps.db))(item.department_id, item.department_region_code);
      if (!allowReadItemAdmin(req.actor, place)) throw new AppError("ITEM_NOT_FOUND");
      return { item, place };
    };

    /** A version the caller may read: the item's administrators and approvers, and the departments asked to agree. */
    const readableVersion = async (req: FastifyRequest, id: string) => {
      requireStaff(req.actor);
      const v = await findVersionRow(deps.db, id);
      if (!v) throw new AppError("VERSION_NOT_FOUND");
      const item = (await findItemRow(deps.db, v.item_id)) as ItemRow;
      const place = (await placeResolver(deps.db))(item.department_id, item.department_region_code);
      const asked = (await agreementsOf(deps.db, v.id)).some((a) => allowAgreeForDepartment(req.actor, a.department_id));
      if (!allowReadItemAdmin(req.actor, place) && !asked) throw new AppError("VERSION_NOT_FOUND");
      return { v, item, place };
    };

    app.get("/api/admin/items", { schema: { tags, querystring: AdminItemQuery } }, async (req, reply) => {
      staffOnly(req);
      const scope = catalogScope(req.actor);
      const [rows, depts, place] = await Promise.all([listAdminItems(deps.db, scope, req.query), departmentsInScope(deps.db, scope), placeResolver(deps.db)]);
      noStore(reply);
      return {
        items: rows.map((r) => presentAdminItem(r, req.actor, place(r.department_id, r.department_region_code))),
        creatableDepartments: depts.filter((d) => allowManageItem(req.actor, place(d.id, d.region_code))).map((d) => ({ id: d.id, name: d.name, regionCode: d.region_code, regionName: d.region_name, level: d.level })),
      };
    });

    app.post("/api/admin/items", { schema: { tags, body: ItemCreateRequest } }, async (req, reply) => {
      const out = await runCommand(deps, req.actor, metaOf(req), (ctx) => createItem(ctx, req.body));
      return reply.code(201).send(out);
    });

    app.patch("/api/admin/items/:id", { schema: { tags, params: IdParams, body: ItemUpdateRequest } }, async (req) => {
      await runCommand(deps, req.actor, metaOf(req), (ctx) => changeItem(ctx, req.params.id, req.body));
      const [row] = await listAdminItems(deps.db, { all: true }, { itemId: req.params.id });
      if (!row) throw new AppError("ITEM_NOT_FOUND");
      return presentAdminItem(row, req.actor, (await placeResolver(deps.db))(row.department_id, row.department_region_code));
    });

    // Blank forms and samples of an item's materials: PDF files kept with the item.
    app.post("/api/admin/items/:id/files", { schema: { tags, params: IdParams, consumes: ["multipart/form-data"] } }, async (req, reply) => {
      const { item, place } = await readableItem(req, req.params.id);
      enforce(req.actor, allowManageItem(req.actor, place));
      if (!req.isMultipart()) throw new AppError("FILE_MISSING");
      let file: { name: string | undefined; bytes: Buffer } | undefined;
      for await (const part of req.parts()) {
        if (part.type === "file") {
          const bytes = await part.toBuffer();
          if (part.fieldname === "file" && !file) file = { name: part.filename, bytes };
        }
      }
      if (!file || file.bytes.length === 0) throw new AppError("FILE_MISSING", { field: "file" });
      if (sniffMime(file.bytes) !== "application/pdf") throw new AppError("SAMPLE_NOT_PDF", { accepted: ["application/pdf"] });
      const upload = { bytes: file.bytes, fileName: cleanFileName(file.name) };
      const out = await runCommand(deps, req.actor, metaOf(req), (ctx) => uploadItemFile(ctx, item.id, upload));
      return reply.code(201).send(out);
    });

    app.get(
      "/api/admin/items/:id/files/:file",
      { schema: { tags, params: z.object({ id: z.string().max(64), file: z.string().regex(/^[0-9a-f]{64}$/) }) } },
      async (req, reply) => {
        const { item } = await readableItem(req, req.params.id);
        const row = await findItemFile(deps.db, item.id, req.params.file);
        if (!row) throw new AppError("FILE_NOT_FOUND");
        noStore(reply);
        reply.type("application/pdf").header("content-disposition", `inline; filename*=UTF-8''${encodeURIComponent(row.file_name)}`);
        return reply.send(await deps.files.get(row.sha256));
      },
    );

    app.get("/api/admin/items/:id/versions", { schema: { tags, params: IdParams } }, async (req, reply) => {
      const { item } = await readableItem(req, req.params.id);
      noStore(reply);
      return { items: await presentVersions(deps.db, item.id) };
    });

    app.post("/api/admin/items/:id/versions", { schema: { tags, params: IdParams, body: VersionSaveRequest } }, async (req, reply) => {
      const out = await runCommand(deps, req.actor, metaOf(req), (ctx) => createVersion(ctx, req.params.id, req.body));
      return reply.code(201).send(out);
    });

    app.get("/api/admin/item-versions/:id", { schema: { tags, params: IdParams } }, async (req, reply) => {
      const { v, item, place } = await readableVersion(req, req.params.id);
      noStore(reply);
      return presentVersionDetail(deps.db, v, item, place, req.actor);
    });

    app.put("/api/admin/item-versions/:id", { schema: { tags, params: IdParams, body: VersionSaveRequest } }, async (req) =>
      runCommand(deps, req.actor, metaOf(req), (ctx) => saveDraft(ctx, req.params.id, req.body)),
    );

    app.get("/api/admin/item-versions/:id/preview", { schema: { tags, params: IdParams } }, async (req, reply) => {
      await readableVersion(req, req.params.id);
      const row = await findItemWithGivenVersion(deps.db, req.params.id);
      if (!row) throw new AppError("VERSION_NOT_FOUND");
      noStore(reply);
      return { ...(await presentGuide(deps.db, row, req.lang)), version: row.version };
    });

    app.get(
      "/api/admin/item-versions/:id/flowchart.svg",
      { schema: { tags, params: IdParams, querystring: z.object({ lang: z.enum(["zh-CN", "en"]).optional() }) } },
      async (req, reply) => {
        await readableVersion(req, req.params.id);
        const row = await findItemWithGivenVersion(deps.db, req.params.id);
        if (!row) throw new AppError("VERSION_NOT_FOUND");
        const guide = await presentGuide(deps.db, row, req.lang);
        noStore(reply);
        reply.type("image/svg+xml");
        return renderFlowchartSvg(flowStepsOf(guide), { title: guide.name, lang: req.query.lang ?? req.lang });
      },
    );

    app.post("/api/admin/item-versions/:id/submit", { schema: { tags, params: IdParams } }, async (req) =>
      runCommand(deps, req.actor, metaOf(req), (ctx) => submitVersion(ctx, req.params.id)),
    );
    app.post("/api/admin/item-versions/:id/approve", { schema: { tags, params: IdParams } }, async (req) =>
      runCommand(deps, req.actor, metaOf(req), (ctx) => approveVersion(ctx, req.params.id)),
    );
    app.post("/api/admin/item-versions/:id/reject", { schema: { tags, params: IdParams, body: VersionRejectRequest } }, async (req) =>
      runCommand(deps, req.actor, metaOf(req), (ctx) => rejectVersion(ctx, req.params.id, req.body.reason)),
    );
    app.post("/api/admin/item-versions/:id/agreements", { schema: { tags, params: IdParams, body: VersionAgreementRequest } }, async (req) =>
      runCommand(deps, req.actor, metaOf(req), (ctx) => answerAgreement(ctx, req.params.id, req.body)),
    );

    app.get("/api/admin/version-inbox", { schema: { tags } }, async (req, reply) => {
      const staff = requireStaff(req.actor);
      const place = await placeResolver(deps.db);
      const [pending, asked] = await Promise.all([
        pendingVersionsInScope(deps.db, catalogScope(req.actor)),
        agreementsAwaiting(deps.db, [...new Set(staff.roles.map((r) => r.departmentId).filter((d): d is string => !!d))].filter((d) => allowAgreeForDepartment(req.actor, d))),
      ]);
      const toApprove = pending.filter((p) => allowApproveVersion(req.actor, place(p.department_id, p.department_region_code)) && !isVersionAuthor(req.actor, p));
      noStore(reply);
      return {
        items: [
          ...asked.map((a) => ({
            versionId: a.id, awaiting: "agreement" as const, department: { id: a.department_id, name: a.asked_name },
            item: { id: a.item_id, code: a.code, name: a.name, department: { id: a.item_department_id, name: a.department_name } },
            number: a.version, effectiveFrom: a.effective_on, changes: a.changes as never, submittedAt: a.submitted_at?.toISOString() ?? null,
            submittedBy: a.submitted_by_name,
          })),
          ...toApprove.map((p) => ({
            versionId: p.id, awaiting: "approval" as const, department: null,
            item: { id: p.item_id, code: p.code, name: p.name, department: { id: p.department_id, name: p.department_name } },
            number: p.version, effectiveFrom: p.effective_on, changes: p.changes as never,
            submittedAt: p.submitted_at?.toISOString() ?? null, submittedBy: p.submitted_by_name,
          })),
        ],
      };
    });

    // The live flowchart of the guide editor: the same drawing the public guide shows.
    app.post(
      "/api/admin/flowchart-preview",
      { schema: { tags, body: FlowchartPreviewRequest } },
      async (req, reply) => {
        staffOnly(req);
        const ids = [...new Set([...req.body.steps.map((s) => s.departmentId).filter((d): d is string => !!d), ...req.body.assistingDepartmentIds])];
        const names = new Map((await departmentsByIds(deps.db, ids)).map((d) => [d.id, d.name]));
        const steps: FlowStep[] = req.body.steps.map((s) => ({
          id: s.id, name: s.name, kind: s.kind, department: s.departmentId ? (names.get(s.departmentId) ?? "") : "本部门", role: s.role, workingDays: s.workingDays,
          ...(s.kind === "co-handle" ? { assisting: req.body.assistingDepartmentIds.map((d) => names.get(d) ?? d) } : {}),
        }));
        reply.type("image/svg+xml");
        return renderFlowchartSvg(steps, { lang: req.lang });
      },
    );
  };
}
