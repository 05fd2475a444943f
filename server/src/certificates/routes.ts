import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { maskHolderCode, maskName } from "../identity/checkCharacters.ts";
import { shanghaiDay } from "../platform/clock.ts";
import type { Deps } from "../platform/context.ts";
import { runCommand } from "../audit/command.ts";
import { AppError } from "../platform/errors.ts";
import { metaOf, noStore } from "../platform/http.ts";
import { publicKeys, verifyPayload } from "./keys.ts";
import { certificatesOfHolder, findCertificate } from "./repository.ts";
import { revokeCertificate } from "./commands/revokeCertificate.ts";
import { registerCertificate } from "./commands/registerCertificate.ts";
import { certificateTypeName } from "../catalog/certificateTypes.ts";
import { personalDataOf } from "../platform/personalData.ts";
import { certificateNoKey } from "./certificateNumber.ts";
import { maskParticular, type StoredParticular } from "./particulars.ts";

/**
 * The particulars as anyone may see them: in the licence's order with the labels it was printed
 * with, the values of the signed payload (so what is shown is what the signature covers), personal
 * ones masked (R3).
 */
function shownParticulars(c: { particulars: StoredParticular[]; payload: unknown }, lang: "zh-CN" | "en") {
  const signed = ((c.payload as Record<string, unknown>).particulars ?? {}) as Record<string, string>;
  return c.particulars
    .filter((p) => typeof signed[p.key] === "string")
    .map((p) => ({ key: p.key, label: lang === "en" ? p.label.en : p.label.zh, value: p.personal ? maskParticular(signed[p.key]!) : signed[p.key]! }));
}

export function certificateRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    // Anyone may verify a certificate (R31); the holder is masked (R3). A wrong check symbol is a
    // 400, a well-formed number not in the library a 404; serials are random, so not enumerable.
    app.get(
      "/api/public/certificates/:no",
      { config: { rateLimit: { max: 60, timeWindow: "1 minute" } }, schema: { tags: ["public"], params: z.object({ no: z.string().max(40) }) } },
      async (req, reply) => {
        const c = await findCertificate(deps.db, personalDataOf(deps.config), certificateNoKey(req.params.no));
        if (!c) throw new AppError("CERTIFICATE_NOT_FOUND");
        const key = (await publicKeys(deps.db)).find((k) => k.keyId === c.key_id);
        const signatureValid = !!key && verifyPayload(c.payload as unknown as Record<string, unknown>, c.signature, key.publicKeyPem);
        const today = shanghaiDay(deps.clock.now());
        const status = c.status === "revoked" ? "revoked" : c.valid_until && c.valid_until < today ? "expired" : "valid";
        reply.header("cache-control", "no-store");
        return {
          certificateNo: c.certificate_no,
          type: c.type,
          name: c.name,
          holder: maskName(c.holder_name),
          holderCode: maskHolderCode(c.holder_code),
          issuer: c.issuer_name,
          issuedAt: c.issued_at.toISOString(),
          ...(c.valid_until ? { validUntil: c.valid_until } : {}),
          status,
          ...(c.revoke_reason ? { revokedReason: c.revoke_reason } : {}),
          supervisionCode: c.supervision_code,
          keyId: c.key_id,
          signatureValid,
          particulars: shownParticulars(c, req.lang),
        };
      },
    );

    app.get("/.well-known/certificate-keys.json", { schema: { tags: ["public"] } }, async () => ({
      keys: (await publicKeys(deps.db)).map((k) => ({ kid: k.keyId, alg: "Ed25519", publicKeyPem: k.publicKeyPem, validFrom: k.createdAt })),
    }));

    app.get(
      "/api/certificates",
      { schema: { tags: ["certificates"], querystring: z.object({ holder: z.literal("me").optional(), holderId: z.string().max(64).optional() }) } },
      async (req, reply) => {
        const actor = req.actor;
        if (actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
        let holderId: string;
        if (actor.kind === "applicant") holderId = actor.id;
        else if (actor.kind === "staff" && req.query.holderId) holderId = req.query.holderId; // R27: staff look up what another department issued
        else throw new AppError("VALIDATION_FAILED", { field: "holderId" });
        const rows = await certificatesOfHolder(deps.db, personalDataOf(deps.config), holderId);
        noStore(reply);
        return {
          items: rows.map((c) => ({
            certificateNo: c.certificate_no, type: c.type, typeName: certificateTypeName(c.type, req.lang), name: c.name, holder: c.holder_name, issuer: c.issuer_name,
            issuedAt: c.issued_at.toISOString(), validUntil: c.valid_until, status: c.status, supervisionCode: c.supervision_code,
            ...(c.document_id ? { documentId: c.document_id } : {}),
          })),
        };
      },
    );

    app.post(
      "/api/certificates",
      {
        schema: {
          tags: ["certificates"],
          body: z.object({
            departmentId: z.string().max(64),
            type: z.string().trim().min(1).max(100),
            name: z.string().trim().min(1).max(100),
            holderId: z.string().max(64),
            supervisionCode: z.string().max(40).optional(),
            validUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
          }),
        },
      },
      async (req, reply) => {
        if (req.actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
        const out = await runCommand(deps, req.actor, metaOf(req), (ctx) => registerCertificate(ctx, req.body));
        return reply.code(201).send(out);
      },
    );

    app.post(
      "/api/certificates/:no/revoke",
      { schema: { tags: ["certificates"], params: z.object({ no: z.string().max(40) }), body: z.object({ reason: z.string().trim().min(1).max(1000) }) } },
      async (req) => runCommand(deps, req.actor, metaOf(req), (ctx) => revokeCertificate(ctx, req.params.no, req.body.reason)),
    );
  };
}
