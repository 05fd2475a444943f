import {
  CreateCaseRequest, DeliveryChoiceRequest, MaterialJsonRequest, MyCasesQuery, NotAcceptRequest, UpdateCaseFormRequest, WorklistQuery,
} from "@cq/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import type { Deps } from "../platform/context.ts";
import { personalDataOf } from "../platform/personalData.ts";
import { runCommand } from "../audit/command.ts";
import { AppError } from "../platform/errors.ts";
import { metaOf, noStore } from "../platform/http.ts";
import { acceptQueueDepartments, allowWorklist, enforce, taskQueues } from "../policy/index.ts";
import { openTasksFor } from "./taskRepository.ts";
import { loadCase, loadCaseFor } from "../caseRecord/access.ts";
import { acceptCase } from "./commands/acceptCase.ts";
import { chooseDelivery } from "./commands/chooseDelivery.ts";
import { addMaterial, type MaterialInput } from "./commands/addMaterial.ts";
import { createCase } from "./commands/createCase.ts";
import { notAcceptCase } from "./commands/notAcceptCase.ts";
import { removeMaterial } from "./commands/removeMaterial.ts";
import { submitCase } from "./commands/submitCase.ts";
import { updateCaseForm } from "./commands/updateCaseForm.ts";
import { nextActionOf } from "./nextAction.ts";
import { presentCase } from "./presenter.ts";
import { acceptQueue, findUpload, listVisibleCases } from "./repository.ts";
import { requireStaff } from "../platform/actor.ts";

const CaseParams = z.object({ id: z.string().max(64) });

const encodeCursor = (at: Date, id: string) => Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");
function decodeCursor(cursor: string | undefined): { at: Date; id: string } | undefined {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const date = new Date(at ?? "");
  if (!id || Number.isNaN(date.getTime())) throw new AppError("VALIDATION_FAILED", { field: "cursor" });
  return { at: date, id };
}

/** Reads a material from multipart (fields materialId + file, any order) or from JSON. */
async function readMaterialInput(req: FastifyRequest): Promise<MaterialInput> {
  if (!req.isMultipart()) {
    const parsed = MaterialJsonRequest.safeParse(req.body);
    if (!parsed.success) throw new AppError("VALIDATION_FAILED", { issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) });
    const b = parsed.data;
    return "offline" in b ? { kind: "offline", materialId: b.materialId, note: b.note } : { kind: "certificate", materialId: b.materialId, certificateNo: b.certificateNo };
  }
  let materialId: string | undefined;
  let file: { name: string | undefined; bytes: Buffer } | undefined;
  for await (const part of req.parts()) {
    if (part.type === "file") {
      if (part.fieldname !== "file" || file) {
        await part.toBuffer();
        continue;
      }
      file = { name: part.filename, bytes: await part.toBuffer() };
    } else if (part.fieldname === "materialId" && typeof part.value === "string") {
      materialId = part.value.slice(0, 64);
    }
  }
  if (!materialId) throw new AppError("VALIDATION_FAILED", { field: "materialId" });
  if (!file) throw new AppError("FILE_MISSING", { field: "file" });
  return { kind: "file", materialId, fileName: file.name, bytes: file.bytes };
}

export function caseRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const requireLogin = (req: FastifyRequest) => {
      if (req.actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
    };

    app.post("/api/cases", { schema: { tags: ["cases"], body: CreateCaseRequest } }, async (req, reply) => {
      requireLogin(req);
      const out = await runCommand(deps, req.actor, metaOf(req), (ctx) => createCase(ctx, req.body));
      return reply.code(201).send(out);
    });

    app.get("/api/cases", { schema: { tags: ["cases"], querystring: MyCasesQuery } }, async (req, reply) => {
      requireLogin(req);
      const actor = req.actor;
      const rows = await listVisibleCases(deps.db, actor, {
        ...(req.query.mine && actor.kind === "applicant" ? { applicantId: actor.id } : {}),
        limit: req.query.limit,
        before: decodeCursor(req.query.cursor),
      });
      const page = rows.slice(0, req.query.limit);
      const last = page[page.length - 1];
      noStore(reply);
      return {
        items: page.map((r) => ({
          id: r.id,
          status: r.status,
          ...(r.result ? { result: r.result } : {}),
          ...(r.supervision_code ? { supervisionCode: r.supervision_code } : {}),
          ...(r.reference_no ? { referenceNo: r.reference_no } : {}),
          itemId: r.item_id,
          itemName: r.item_name,
          department: { id: r.department_id, name: r.department_name },
          createdAt: r.created_at.toISOString(),
          ...(r.submitted_at ? { submittedAt: r.submitted_at.toISOString() } : {}),
          ...(r.accepted_at ? { acceptedAt: r.accepted_at.toISOString() } : {}),
          ...(r.due_date && !["closed", "not_accepted", "withdrawn"].includes(r.status) ? { dueDate: r.due_date } : {}),
          ...(r.light ? { light: r.light } : {}),
          nextAction: actor.kind === "applicant" ? nextActionOf(r.status, Boolean(r.evaluated)) : null,
        })),
        nextCursor: rows.length > req.query.limit && last ? encodeCursor(last.created_at, last.id) : null,
      };
    });

    app.get("/api/cases/:id", { schema: { tags: ["cases"], params: CaseParams } }, async (req, reply) => {
      const { row, resource } = await loadCase(deps.db, req.actor, req.params.id, "read");
      noStore(reply);
      return presentCase(deps.db, personalDataOf(deps.config), req.actor, row, resource, req.lang, deps.clock.now());
    });

    app.post("/api/cases/:id/form", { schema: { tags: ["cases"], params: CaseParams, body: UpdateCaseFormRequest } }, async (req) => {
      await runCommand(deps, req.actor, metaOf(req), (ctx) => updateCaseForm(ctx, req.params.id, req.body.formData));
      return { status: "saved" };
    });

    app.post("/api/cases/:id/materials", { schema: { tags: ["cases"], params: CaseParams, consumes: ["multipart/form-data", "application/json"] } }, async (req, reply) => {
      requireLogin(req);
      // Visibility first, so a stranger learns nothing from how the upload is refused.
      await loadCaseFor(deps.db, req.actor, req.params.id, "edit");
      const input = await readMaterialInput(req);
      const out = await runCommand(deps, req.actor, metaOf(req), (ctx) => addMaterial(ctx, req.params.id, input));
      return reply.code(201).send(out);
    });

    app.delete(
      "/api/cases/:id/materials/:uploadId",
      { schema: { tags: ["cases"], params: z.object({ id: z.string().max(64), uploadId: z.string().max(64) }) } },
      async (req, reply) => {
        await runCommand(deps, req.actor, metaOf(req), (ctx) => removeMaterial(ctx, req.params.id, req.params.uploadId));
        return reply.code(204).send();
      },
    );

    app.get(
      "/api/cases/:id/materials/:uploadId/file",
      { schema: { tags: ["cases"], params: z.object({ id: z.string().max(64), uploadId: z.string().max(64) }) } },
      async (req, reply) => {
        const c = await loadCaseFor(deps.db, req.actor, req.params.id, "read");
        const upload = await findUpload(deps.db, c.id, req.params.uploadId);
        if (!upload || !upload.file_sha256) throw new AppError("NOT_FOUND");
        const bytes = await deps.files.get(upload.file_sha256);
        reply
          .type(upload.mime ?? "application/octet-stream")
          .header("cache-control", "private, no-store")
          .header("content-disposition", `inline; filename*=UTF-8''${encodeURIComponent(upload.file_name ?? "file")}`)
          .header("x-content-sha256", upload.file_sha256);
        return reply.send(bytes);
      },
    );

    app.post("/api/cases/:id/submit", { schema: { tags: ["cases"], params: CaseParams } }, async (req) =>
      runCommand(deps, req.actor, metaOf(req), (ctx) => submitCase(ctx, req.params.id)),
    );

    app.post("/api/cases/:id/accept", { schema: { tags: ["cases"], params: CaseParams } }, async (req) =>
      runCommand(deps, req.actor, metaOf(req), (ctx) => acceptCase(ctx, req.params.id)),
    );

    app.post("/api/cases/:id/not-accept", { schema: { tags: ["cases"], params: CaseParams, body: NotAcceptRequest } }, async (req) =>
      runCommand(deps, req.actor, metaOf(req), (ctx) => notAcceptCase(ctx, req.params.id, req.body.reasons)),
    );

    app.put("/api/cases/:id/delivery-choice", { schema: { tags: ["cases"], params: CaseParams, body: DeliveryChoiceRequest } }, async (req) =>
      runCommand(deps, req.actor, metaOf(req), (ctx) => chooseDelivery(ctx, req.params.id, req.body)),
    );

    app.get("/api/worklist", { schema: { tags: ["cases"], querystring: WorklistQuery } }, async (req, reply) => {
      requireLogin(req);
      enforce(req.actor, allowWorklist(req.actor));
      const wantAccept = !req.query.kind || req.query.kind === "accept";
      const rows = wantAccept ? await acceptQueue(deps.db, acceptQueueDepartments(req.actor), req.query.itemId) : [];
      const me = requireStaff(req.actor).id;
      const tasks = await openTasksFor(deps.db, taskQueues(req.actor), me, req.query);
      noStore(reply);
      const taskItems = tasks.map((t) => ({
        taskId: t.id,
        caseId: t.case_id,
        kind: t.kind,
        name: t.name,
        department: { id: t.department_id, name: t.department_name },
        status: t.status,
        caseStatus: t.case_status,
        claimedByMe: t.claimed_by === me,
        itemId: t.item_id,
        itemName: t.item_name,
        applicantName: t.applicant_name,
        openedAt: t.opened_at.toISOString(),
        ...(t.due_date ? { dueDate: t.due_date } : {}),
        ...(t.light ? { light: t.light } : {}),
        ...(t.supervision_code ? { supervisionCode: t.supervision_code } : {}),
        ...(t.reference_no ? { referenceNo: t.reference_no } : {}),
      }));
      const acceptItems = rows.map((r) => ({
        caseId: r.id,
        kind: "accept" as const,
        name: req.lang === "en" ? "Acceptance" : "受理",
        department: { id: r.department_id, name: r.department_name },
        status: r.status,
        itemId: r.item_id,
        itemName: r.item_name,
        applicantName: r.applicant_name,
        channel: r.channel,
        ...(r.submitted_at ? { submittedAt: r.submitted_at.toISOString() } : {}),
        ...(r.supervision_code ? { supervisionCode: r.supervision_code } : {}),
        ...(r.reference_no ? { referenceNo: r.reference_no } : {}),
      }));
      const items = [...acceptItems, ...taskItems];
      const count = (light: string) => items.filter((i) => "light" in i && i.light === light).length;
      return { items, counts: { total: items.length, yellow: count("yellow"), red: count("red") } };
    });
  };
}
