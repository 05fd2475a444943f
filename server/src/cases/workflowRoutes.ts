import {
  ApplicantLookupQuery, CompleteTaskRequest, DecisionRequest, DeliverRequest, HallApplicantRequest, HandoverRequest,
  ResultRequest, SupplementNoticeRequest, ThirdPartyRequest, VerificationRequest,
} from "@cq/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { registerApplicantAtHall } from "../identity/commands/registerAtHall.ts";
import { findApplicantForClerk } from "../identity/repository.ts";
import { maskPhone } from "../identity/checkCharacters.ts";
import type { Deps } from "../platform/context.ts";
import { personalDataOf } from "../platform/personalData.ts";
import { runCommand } from "../audit/command.ts";
import { AppError } from "../platform/errors.ts";
import { metaOf, noStore } from "../platform/http.ts";
import { allowApplicantLookup, enforce } from "../policy/index.ts";
import { loadCase } from "../caseRecord/access.ts";
import { readTaskAttachment } from "./taskAccess.ts";
import { claimTask } from "./commands/claimTask.ts";
import { completeTask } from "./commands/completeTask.ts";
import { decideCase } from "./commands/decideCase.ts";
import { deliverCase } from "./commands/deliverCase.ts";
import { receiveHandover, registerHandover } from "./commands/handovers.ts";
import { issueSupplementNotice } from "./commands/issueSupplementNotice.ts";
import { recordResult } from "./commands/recordResult.ts";
import { recordThirdPartyResult } from "./commands/recordThirdPartyResult.ts";
import { recordVerification } from "./commands/recordVerification.ts";
import { submitSupplement } from "./commands/submitSupplement.ts";
import { withdrawCase } from "./commands/withdrawCase.ts";
import { addTaskAttachment } from "./commands/addTaskAttachment.ts";
import { presentTasks } from "./workflowPresenter.ts";
import { certificateDraft, presentDraft } from "./certificateDraft.ts";
import { requireStaff } from "../platform/actor.ts";

const CaseParams = z.object({ id: z.string().max(64) });
const TaskParams = z.object({ id: z.string().max(64) });

export function workflowRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const cmd = <T>(req: Parameters<typeof metaOf>[0], fn: Parameters<typeof runCommand<T>>[3]) => runCommand<T>(deps, req.actor, metaOf(req), fn);

    app.get("/api/cases/:id/tasks", { schema: { tags: ["workflow"], params: CaseParams } }, async (req, reply) => {
      const { row } = await loadCase(deps.db, req.actor, req.params.id, "read");
      noStore(reply);
      return { items: await presentTasks(deps.db, req.actor, row, req.lang) };
    });

    app.post("/api/tasks/:id/claim", { schema: { tags: ["workflow"], params: TaskParams } }, async (req) => cmd(req, (ctx) => claimTask(ctx, req.params.id)));

    app.post("/api/tasks/:id/complete", { schema: { tags: ["workflow"], params: TaskParams, body: CompleteTaskRequest } }, async (req) =>
      cmd(req, (ctx) => completeTask(ctx, req.params.id, req.body)),
    );

    app.post("/api/tasks/:id/attachments", { schema: { tags: ["workflow"], params: TaskParams, consumes: ["multipart/form-data"] } }, async (req, reply) => {
      if (req.actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
      if (!req.isMultipart()) throw new AppError("VALIDATION_FAILED", { field: "file" });
      const file = await req.file();
      if (!file) throw new AppError("FILE_MISSING");
      const bytes = await file.toBuffer();
      const out = await cmd(req, (ctx) => addTaskAttachment(ctx, req.params.id, { fileName: file.filename, bytes }));
      return reply.code(201).send(out);
    });

    app.get(
      "/api/tasks/:id/attachments/:attachmentId/file",
      { schema: { tags: ["workflow"], params: z.object({ id: z.string().max(64), attachmentId: z.string().max(64) }) } },
      async (req, reply) => {
        const { task } = await readTaskAttachment(deps.db, req.actor, req.params.id);
        const a = ((task.attachments as unknown as { id: string; fileName: string; sha256: string; mime: string }[]) ?? []).find((x) => x.id === req.params.attachmentId);
        if (!a) throw new AppError("NOT_FOUND");
        const bytes = await deps.files.get(a.sha256);
        reply
          .type(a.mime)
          .header("cache-control", "private, no-store")
          .header("content-disposition", `inline; filename*=UTF-8''${encodeURIComponent(a.fileName)}`)
          .header("x-content-sha256", a.sha256);
        return reply.send(bytes);
      },
    );

    // The certificate an approval would issue, its particulars pre-filled from the case, for the decider's dialog.
    app.get("/api/cases/:id/certificate-draft", { schema: { tags: ["workflow"], params: CaseParams } }, async (req, reply) => {
      const { row } = await loadCase(deps.db, req.actor, req.params.id, "decide");
      const draft = await certificateDraft(deps.db, personalDataOf(deps.config), row, requireStaff(req.actor).name, deps.clock.now());
      noStore(reply);
      return presentDraft(draft, req.lang);
    });

    app.post("/api/cases/:id/decision", { schema: { tags: ["workflow"], params: CaseParams, body: DecisionRequest } }, async (req) =>
      cmd(req, (ctx) => decideCase(ctx, req.params.id, req.body)),
    );

    app.post("/api/cases/:id/results", { schema: { tags: ["workflow"], params: CaseParams, body: ResultRequest } }, async (req, reply) => {
      const out = await cmd(req, (ctx) => recordResult(ctx, req.params.id, req.body));
      return reply.code(201).send(out);
    });

    app.post("/api/cases/:id/deliver", { schema: { tags: ["workflow"], params: CaseParams, body: DeliverRequest } }, async (req) =>
      cmd(req, (ctx) => deliverCase(ctx, req.params.id, req.body)),
    );

    app.post("/api/cases/:id/supplement-notice", { schema: { tags: ["workflow"], params: CaseParams, body: SupplementNoticeRequest } }, async (req) =>
      cmd(req, (ctx) => issueSupplementNotice(ctx, req.params.id, req.body.items)),
    );

    app.post("/api/cases/:id/supplements", { schema: { tags: ["workflow"], params: CaseParams } }, async (req) =>
      cmd(req, (ctx) => submitSupplement(ctx, req.params.id)),
    );

    app.post("/api/cases/:id/withdraw", { schema: { tags: ["workflow"], params: CaseParams } }, async (req) => cmd(req, (ctx) => withdrawCase(ctx, req.params.id)));

    app.post("/api/cases/:id/verifications", { schema: { tags: ["workflow"], params: CaseParams, body: VerificationRequest } }, async (req, reply) => {
      const out = await cmd(req, (ctx) => recordVerification(ctx, req.params.id, req.body));
      return reply.code(201).send(out);
    });

    app.post("/api/cases/:id/third-party-results", { schema: { tags: ["workflow"], params: CaseParams, body: ThirdPartyRequest } }, async (req, reply) => {
      const out = await cmd(req, (ctx) => recordThirdPartyResult(ctx, req.params.id, req.body));
      return reply.code(201).send(out);
    });

    app.post("/api/cases/:id/handovers", { schema: { tags: ["workflow"], params: CaseParams, body: HandoverRequest } }, async (req, reply) => {
      const out = await cmd(req, (ctx) => registerHandover(ctx, req.params.id, req.body));
      return reply.code(201).send(out);
    });

    app.post("/api/handovers/:id/receive", { schema: { tags: ["workflow"], params: z.object({ id: z.string().max(64) }) } }, async (req) =>
      cmd(req, (ctx) => receiveHandover(ctx, req.params.id)),
    );

    // The hall desk (窗口): find or record the applicant who is standing at the window.
    app.get("/api/hall/applicants", { schema: { tags: ["hall"], querystring: ApplicantLookupQuery } }, async (req, reply) => {
      enforce(req.actor, allowApplicantLookup(req.actor));
      const { idNumber, creditCode, phone } = req.query;
      if (!idNumber && !creditCode && !phone) throw new AppError("VALIDATION_FAILED", { field: "idNumber" });
      const found = await findApplicantForClerk(deps.db, personalDataOf(deps.config), { idNumber: idNumber?.toUpperCase(), creditCode: creditCode?.toUpperCase(), phone });
      noStore(reply);
      return { items: found.map((u) => ({ id: u.id, type: u.applicant_type, name: u.name, phone: u.phone ? maskPhone(u.phone) : null })) };
    });

    app.post("/api/hall/applicants", { schema: { tags: ["hall"], body: HallApplicantRequest } }, async (req, reply) => {
      const out = await cmd(req, (ctx) => registerApplicantAtHall(ctx, req.body));
      return reply.code(201).send(out);
    });
  };
}
