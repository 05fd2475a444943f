import { EmailRequest, LanguageRequest, LoginRequest, PasswordChangeRequest, TotpConfirmRequest, PasswordResetRequest, RegisterRequest, SmsCodeRequest } from "@cq/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { runCommand } from "../audit/command.ts";
import type { Deps } from "../platform/context.ts";
import { personalDataOf } from "../platform/personalData.ts";
import { setLanguage } from "./commands/setLanguage.ts";
import { setEmail } from "./commands/setEmail.ts";
import { confirmTotp, enrollTotp } from "./commands/totp.ts";
import { endSessionOf, sessionsOf } from "./repository.ts";
import { requireUser } from "../platform/actor.ts";
import { z } from "zod";
import { systemClock } from "../platform/clock.ts";
import { AppError } from "../platform/errors.ts";
import { metaOf, noStore } from "../platform/http.ts";
import { sendSmsCode } from "./commands/sendSmsCode.ts";
import { registerApplicant } from "./commands/registerApplicant.ts";
import { login } from "./commands/login.ts";
import { logout } from "./commands/logout.ts";
import { changePassword, resetPassword } from "./commands/passwords.ts";
import { presentMe } from "./presenter.ts";
import { SESSION_COOKIE, sessionIdOf } from "./sessions.ts";

export function identityRoutes(deps: Deps): FastifyPluginAsyncZod {
  const cookieOptions = (expires: Date) => ({
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: deps.config.env === "production",
    expires,
  });

  return async (app) => {
    const strict = { config: { rateLimit: { max: deps.config.authRateLimit, timeWindow: "1 minute" } } };

    app.post("/api/auth/sms-codes", { ...strict, schema: { tags: ["identity"], body: SmsCodeRequest } }, async (req, reply) => {
      await runCommand(deps, req.actor, metaOf(req), (ctx) => sendSmsCode(ctx, req.body));
      return reply.code(202).send({ status: "sent" });
    });

    app.post("/api/auth/register", { ...strict, schema: { tags: ["identity"], body: RegisterRequest } }, async (req, reply) => {
      const outcome = await runCommand(deps, req.actor, metaOf(req), (ctx) => registerApplicant(ctx, req.body, req.lang));
      if ("refused" in outcome) throw outcome.refused;
      reply.setCookie(SESSION_COOKIE, outcome.session.token, cookieOptions(outcome.session.expiresAt));
      noStore(reply);
      return reply.code(201).send({ user: await presentMe(deps.db, personalDataOf(deps.config), outcome.id, deps.config) });
    });

    app.post("/api/auth/login", { ...strict, schema: { tags: ["identity"], body: LoginRequest } }, async (req, reply) => {
      const outcome = await runCommand(deps, req.actor, metaOf(req), (ctx) => login(ctx, req.body));
      if (!outcome.ok) throw outcome.error;
      reply.setCookie(SESSION_COOKIE, outcome.token, cookieOptions(outcome.expiresAt));
      noStore(reply);
      return { user: await presentMe(deps.db, personalDataOf(deps.config), outcome.userId, deps.config) };
    });

    app.post("/api/auth/logout", { schema: { tags: ["identity"] } }, async (req, reply) => {
      const token = req.sessionToken;
      if (token && req.actor.kind !== "anonymous") {
        await runCommand(deps, req.actor, metaOf(req), (ctx) => logout(ctx, token));
      }
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.code(204).send();
    });

    app.post("/api/auth/password-reset", { ...strict, schema: { tags: ["identity"], body: PasswordResetRequest } }, async (req, reply) => {
      const outcome = await runCommand(deps, req.actor, metaOf(req), (ctx) => resetPassword(ctx, req.body));
      if (outcome.refused) throw outcome.refused;
      return reply.code(204).send();
    });

    app.post("/api/auth/password", { ...strict, schema: { tags: ["identity"], body: PasswordChangeRequest } }, async (req, reply) => {
      const token = req.sessionToken;
      if (!token || (req.actor.kind !== "applicant" && req.actor.kind !== "staff")) throw new AppError("NOT_LOGGED_IN");
      await runCommand(deps, req.actor, metaOf(req), (ctx) => changePassword(ctx, sessionIdOf(token), req.body));
      return reply.code(204).send();
    });

    app.post("/api/auth/totp/enroll", { ...strict, schema: { tags: ["identity"] } }, async (req, reply) => {
      noStore(reply);
      return runCommand(deps, req.actor, metaOf(req), (ctx) => enrollTotp(ctx));
    });

    app.post("/api/auth/totp/confirm", { ...strict, schema: { tags: ["identity"], body: TotpConfirmRequest } }, async (req, reply) => {
      noStore(reply);
      return runCommand(deps, req.actor, metaOf(req), (ctx) => confirmTotp(ctx, req.body.code, systemClock.now()));
    });

    // One's own sessions: where and when one is logged in, and ending any of them (等保: session management).
    app.get("/api/me/sessions", { schema: { tags: ["identity"] } }, async (req, reply) => {
      const user = requireUser(req.actor);
      const current = req.sessionToken ? sessionIdOf(req.sessionToken) : null;
      const rows = await sessionsOf(deps.db, user.id, systemClock.now());
      noStore(reply);
      return {
        items: rows.map((r) => ({
          id: r.id, createdAt: r.created_at.toISOString(), lastSeenAt: (r.last_seen_at ?? r.created_at).toISOString(), ip: r.ip,
          expiresAt: r.expires_at.toISOString(), current: r.id === current,
        })),
      };
    });

    app.delete("/api/me/sessions/:id", { schema: { tags: ["identity"], params: z.object({ id: z.string().regex(/^[0-9a-f]{64}$/) }) } }, async (req, reply) => {
      await runCommand(deps, req.actor, metaOf(req), async (ctx) => {
        const user = requireUser(ctx.actor);
        if (!(await endSessionOf(ctx.trx, user.id, req.params.id))) throw new AppError("NOT_FOUND");
        await ctx.audit({ action: "user.session-ended", objectType: "session", objectId: null, newValues: { own: true } });
      });
      return reply.code(204).send();
    });

    // The language the platform writes to the person in (notices, SMS); the web sets it when one switches.
    app.put("/api/me/language", { schema: { tags: ["identity"], body: LanguageRequest } }, async (req) => {
      await runCommand(deps, req.actor, metaOf(req), (ctx) => setLanguage(ctx, req.body.lang));
      return { lang: req.body.lang };
    });

    // The e-mail address notices also go to (applicants and staff); null removes it.
    app.put("/api/me/email", { schema: { tags: ["identity"], body: EmailRequest } }, async (req) => {
      return runCommand(deps, req.actor, metaOf(req), (ctx) => setEmail(ctx, req.body.email));
    });

    app.get("/api/me", { schema: { tags: ["identity"] } }, async (req, reply) => {
      const actor = req.actor;
      if (actor.kind !== "applicant" && actor.kind !== "staff") throw new AppError("NOT_LOGGED_IN");
      noStore(reply);
      return presentMe(deps.db, personalDataOf(deps.config), actor.id, deps.config);
    });
  };
}
