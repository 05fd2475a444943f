import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { maskHolderCode, maskName } from "../identity/checkCharacters.ts";
import { shanghaiDay } from "../platform/clock.ts";
import type { Deps } from "../platform/context.ts";
import { runCommand } from "../audit/command.ts";
import { AppError } from "../platform/errors.ts";
import { metaOf, noStore } from "../platform/http.ts";
import { publicKeys, verifyPayload } from "./keys.ts";
import { certificatesByNumber, certificatesOfHolder, findCertificate } from "./repository.ts";
import { revokeCertificate } from "./commands/revokeCertificate.ts";
import { registerCertificate } from "./commands/registerCertificate.ts";
import { certificateTypeName } from "../catalog/certificateTypes.ts";
import { personalDataOf } from "../platform/personalData.ts";
import { certificateNoKey } from "./certificateNumber.ts";
import { signedFileOf } from "./signedFile.ts";
import { maskParticular, type StoredParticular } from "./particulars.ts";
import { CertificateListQuery, CertificateRegisterRequest, CertificateRevokeRequest } from "@cq/contracts";
import { allowCertificateLookup, allowIssueFor, allowSignedFile, enforce } from "../policy/index.ts";
import { findApplicantForClerk } from "../identity/repository.ts";
import type { Actor } from "../platform/actor.ts";

/** The status verification states today: revoked, past its last valid day (Asia/Shanghai), or valid. */
export function verdictOf(c: { status: string; valid_until: string | null }, today: string): "valid" | "revoked" | "expired" {
  return c.status === "revoked" ? "revoked" : c.valid_until && c.valid_until < today ? "expired" : "valid";
}

/** The revocation as shown: when, why and on what basis (absent while the certificate is in force). */
const revocationOf = (c: { revoked_at: Date | null; revoke_reason: string | null; revoke_legal_basis: string | null }) => ({
  ...(c.revoked_at ? { revokedAt: c.revoked_at.toISOString() } : {}),
  ...(c.revoke_reason ? { revokedReason: c.revoke_reason } : {}),
  ...(c.revoke_legal_basis ? { revokedLegalBasis: c.revoke_legal_basis } : {}),
});

/** Whose certificates a library request asks for; staff look up any holder's (R27), applicants only their own. */
async function holderOfQuery(deps: Deps, actor: Actor, q: CertificateListQuery): Promise<{ holderId?: string; certificateNo?: string }> {
  if (actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
  if (actor.kind === "applicant") return { holderId: actor.id };
  enforce(actor, allowCertificateLookup(actor));
  if (q.certificateNo) return { certificateNo: certificateNoKey(q.certificateNo) };
  if (q.holderId) return { holderId: q.holderId };
  if (q.idNumber || q.creditCode) {
    const found = await findApplicantForClerk(deps.db, personalDataOf(deps.config), { idNumber: q.idNumber?.toUpperCase(), creditCode: q.creditCode?.toUpperCase() });
    return { holderId: found[0]?.id ?? "" };
  }
  throw new AppError("VALIDATION_FAILED", { field: "holderId" });
}

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

/**
 * A certificate as verification shows it (R31), to anyone and to department systems (R27): the
 * particulars, the holder masked (R3), whether its signature holds.
 */
export async function verifiedCertificate(deps: Deps, no: string, lang: "zh-CN" | "en") {
  const c = await findCertificate(deps.db, personalDataOf(deps.config), certificateNoKey(no));
  if (!c) throw new AppError("CERTIFICATE_NOT_FOUND");
  const key = (await publicKeys(deps.db)).find((k) => k.keyId === c.key_id);
  const signatureValid = !!key && verifyPayload(c.payload as unknown as Record<string, unknown>, c.signature, key.publicKeyPem);
  const status = verdictOf(c, shanghaiDay(deps.clock.now()));
  return {
    certificateNo: c.certificate_no,
    type: c.type,
    typeName: certificateTypeName(c.type, lang),
    name: c.name,
    holder: maskName(c.holder_name),
    holderCode: maskHolderCode(c.holder_code),
    issuer: c.issuer_name,
    issuedAt: c.issued_at.toISOString(),
    ...(c.valid_until ? { validUntil: c.valid_until } : {}),
    status,
    ...revocationOf(c),
    supervisionCode: c.supervision_code,
    offPlatform: !c.supervision_code,
    keyId: c.key_id,
    signatureValid,
    particulars: shownParticulars(c, lang),
  };
}

export function certificateRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    // Anyone may verify a certificate (R31); the holder is masked (R3). A wrong check symbol is a
    // 400, a well-formed number not in the library a 404; serials are random, so not enumerable.
    app.get(
      "/api/public/certificates/:no",
      { config: { rateLimit: { max: deps.config.publicRateLimit, timeWindow: "1 minute" } }, schema: { tags: ["public"], params: z.object({ no: z.string().max(40) }) } },
      async (req, reply) => {
        reply.header("cache-control", "no-store");
        return verifiedCertificate(deps, req.params.no, req.lang);
      },
    );

    app.get("/.well-known/certificate-keys.json", { schema: { tags: ["public"] } }, async () => ({
      keys: (await publicKeys(deps.db)).map((k) => ({ kid: k.keyId, alg: "Ed25519", publicKeyPem: k.publicKeyPem, validFrom: k.createdAt })),
    }));

    app.get("/api/certificates", { schema: { tags: ["certificates"], querystring: CertificateListQuery } }, async (req, reply) => {
      const actor = req.actor;
      const by = await holderOfQuery(deps, actor, req.query);
      const pd = personalDataOf(deps.config);
      const rows = by.certificateNo ? await certificatesByNumber(deps.db, pd, by.certificateNo) : by.holderId ? await certificatesOfHolder(deps.db, pd, by.holderId) : [];
      const today = shanghaiDay(deps.clock.now());
      noStore(reply);
      return {
        items: rows.map((c) => ({
          certificateNo: c.certificate_no, type: c.type, typeName: certificateTypeName(c.type, req.lang), name: c.name, holder: c.holder_name, issuer: c.issuer_name,
          issuedAt: c.issued_at.toISOString(), validUntil: c.valid_until, status: c.status, verdict: verdictOf(c, today), ...revocationOf(c),
          supervisionCode: c.supervision_code, offPlatform: !c.supervision_code,
          ...(c.document_id ? { documentId: c.document_id } : {}),
          abilities: {
            revoke: c.status !== "revoked" && allowIssueFor(actor, c.issuer_department_id),
            signedFile: allowSignedFile(actor, { holderId: c.holder_id, issuerDepartmentId: c.issuer_department_id }),
          },
        })),
      };
    });

    // The signed file for offline verification: the payload exactly as signed, its signature and key
    // id. It holds the holder's code in the clear, so only the holder and the issuing department get it.
    app.get("/api/certificates/:no/signed.json", { schema: { tags: ["certificates"], params: z.object({ no: z.string().max(40) }) } }, async (req, reply) => {
      if (req.actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
      const c = await findCertificate(deps.db, personalDataOf(deps.config), certificateNoKey(req.params.no));
      if (!c || !allowSignedFile(req.actor, { holderId: c.holder_id, issuerDepartmentId: c.issuer_department_id })) throw new AppError("CERTIFICATE_NOT_FOUND");
      noStore(reply);
      reply.header("content-disposition", `attachment; filename="${c.certificate_no}.signed.json"`);
      return signedFileOf(c);
    });

    app.post("/api/certificates", { schema: { tags: ["certificates"], body: CertificateRegisterRequest } }, async (req, reply) => {
      if (req.actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
      const out = await runCommand(deps, req.actor, metaOf(req), (ctx) => registerCertificate(ctx, req.body));
      return reply.code(201).send(out);
    });

    app.post(
      "/api/certificates/:no/revoke",
      { schema: { tags: ["certificates"], params: z.object({ no: z.string().max(40) }), body: CertificateRevokeRequest } },
      async (req) => runCommand(deps, req.actor, metaOf(req), (ctx) => revokeCertificate(ctx, req.params.no, req.body)),
    );
  };
}
