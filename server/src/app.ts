import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import compress from "@fastify/compress";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { ErrorCode } from "@cq/contracts";
import { catalogRoutes } from "./catalog/routes.ts";
import { catalogAdminRoutes } from "./catalog/adminRoutes.ts";
import { supervisionRoutes } from "./supervision/routes.ts";
import { publicDepartmentRoutes } from "./supervision/publicRoutes.ts";
import { calendarRoutes } from "./clock/routes.ts";
import { caseRoutes } from "./cases/routes.ts";
import { workflowRoutes } from "./cases/workflowRoutes.ts";
import { caseClockRoutes } from "./cases/clockRoutes.ts";
import { certificateRoutes } from "./certificates/routes.ts";
import { engagementRoutes } from "./engagement/routes.ts";
import { consultationRoutes } from "./engagement/consultationRoutes.ts";
import { devRoutes } from "./dev/routes.ts";
import { templateRoutes } from "./documents/templates/routes.ts";
import { documentRoutes } from "./documents/routes.ts";
import { identityRoutes } from "./identity/routes.ts";
import { actorFromSession, SESSION_COOKIE } from "./identity/sessions.ts";
import { actorFromIntegrationToken, bearerTokenOf } from "./identity/integrationTokens.ts";
import { opsRoutes } from "./ops/routes.ts";
import { publicRoutes } from "./cases/publicRoutes.ts";
import { auditRoutes } from "./audit/routes.ts";
import { staffRoutes } from "./staff/routes.ts";
import { organizationRoutes } from "./organization/routes.ts";
import { integrationEventRoutes } from "./integration/eventRoutes.ts";
import { integrationRoutes } from "./integration/routes.ts";
import { integrationCallHooks } from "./integration/calls.ts";
import { anonymous } from "./platform/actor.ts";
import { applySecurityHeaders } from "./platform/securityHeaders.ts";
import { runCommand } from "./audit/command.ts";
import { metaOf } from "./platform/http.ts";
import type { AdjustableClock } from "./platform/clock.ts";
import type { Deps } from "./platform/context.ts";
import { refuseUnstorableInput } from "./platform/inputHygiene.ts";
import { repoRoot } from "./platform/paths.ts";
import { AppError, errorBody, pickLanguage } from "./platform/errors.ts";
import { isOverload } from "./platform/db.ts";
import "./platform/http.ts";
import { httpMetrics, outboxMetrics, webhookMetrics } from "./ops/metrics.ts";
import { webhookCounts } from "./integration/webhookDelivery.ts";
import { outboxCounts } from "./platform/delivery.ts";
import { swaggerOptions } from "./platform/openapi.ts";
import { applyResponseContracts, ResponseContractError } from "./platform/responseContract.ts";

/** The API's version in the OpenAPI document. */
const API_VERSION = "0.1.0";
const webDist = path.join(repoRoot, "web/dist");
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

// Fastify's own 4xx errors, given the platform's stable codes.
const fastifyCodes: Record<string, ErrorCode> = {
  FST_REQ_FILE_TOO_LARGE: "FILE_TOO_LARGE",
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_PARTS_LIMIT: "FILE_TOO_LARGE",
  FST_FILES_LIMIT: "FILE_TOO_LARGE",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "VALIDATION_FAILED",
  FST_INVALID_MULTIPART_CONTENT_TYPE: "VALIDATION_FAILED",
  FST_ERR_CTP_EMPTY_JSON_BODY: "VALIDATION_FAILED",
  FST_ERR_CTP_INVALID_JSON_BODY: "VALIDATION_FAILED",
  FST_ERR_VALIDATION: "VALIDATION_FAILED",
};

export interface AppOptions {
  /** The movable clock, present only in demo and test mode (POST /api/dev/clock). */
  devClock?: AdjustableClock;
  serveWeb?: boolean;
}

async function auditDenied(deps: Deps, req: FastifyRequest, code: string): Promise<void> {
  try {
    await runCommand(deps, req.actor ?? anonymous, metaOf(req), (ctx) =>
      ctx.audit({ action: "access.denied", objectType: "request", objectId: null, newValues: { method: req.method, route: req.routeOptions?.url ?? null, code } }),
    );
  } catch (e) {
    req.log.error({ err: e }, "could not audit a denied request");
  }
}

/** Builds the whole HTTP application from its dependencies; no listening, no side effects. */
export async function buildApp(deps: Deps, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: "x-request-id",
    // Rate limits and the audit see the socket's address, or X-Forwarded-For from the proxies named in TRUST_PROXY only.
    trustProxy: deps.config.trustProxy.length ? deps.config.trustProxy : false,
    // The router's own refusals (a malformed or over-long path) answer in the platform's envelope too.
    frameworkErrors: (err, req, reply) => {
      const lang = pickLanguage(req.headers["accept-language"]);
      const status = err.code === "FST_ERR_MAX_PARAM_LENGTH" ? 414 : 400;
      void (reply as unknown as FastifyReply).code(status).send(errorBody("VALIDATION_FAILED", lang, { problem: err.code === "FST_ERR_MAX_PARAM_LENGTH" ? "path-too-long" : "bad-url" }));
    },
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // Every route's 2xx bodies follow @cq/contracts' route table: before any route, so all get it.
  const contractMode = deps.config.responseContract;
  applyResponseContracts(app as unknown as FastifyInstance, contractMode);

  await app.register(swagger, swaggerOptions({ version: API_VERSION, sessionCookie: SESSION_COOKIE }));
  // The browsable page is for developers: not public in production unless API_DOCS=1.
  if (deps.config.apiDocs) await app.register(swaggerUi, { routePrefix: "/api/docs" });
  app.get("/api/openapi.json", async () => app.swagger());

  applySecurityHeaders(app as unknown as FastifyInstance, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design injects its CSS-in-JS as <style> elements; swagger-ui needs inline styles too.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        frameSrc: ["'self'", "blob:"],
        objectSrc: ["'self'", "blob:"],
        scriptSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  // Answers over 2 KB are compressed (brotli at a fast level, else gzip); the web's files are compressed at build time.
  await app.register(compress, {
    threshold: 2048,
    encodings: ["br", "gzip"],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: deps.config.maxUploadBytes, files: 1, fields: 10, parts: 12 } });
  httpMetrics(app);
  outboxMetrics(() => outboxCounts(deps.db));
  webhookMetrics(() => webhookCounts(deps.db));

  app.decorateRequest("actor", null as never);
  app.decorateRequest("lang", null as never);
  app.decorateRequest("sessionToken", undefined);
  app.addHook("onRequest", async (req) => {
    req.lang = pickLanguage(req.headers["accept-language"]);
    const bearer = req.url.startsWith("/api/") ? bearerTokenOf(req.headers.authorization) : undefined;
    if (bearer !== undefined) {
      // A department system (R5): its token alone says who calls; a cookie beside it is ignored.
      const system = await actorFromIntegrationToken(deps.db, bearer);
      if (!system) throw new AppError("INTEGRATION_TOKEN_INVALID");
      req.actor = system;
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    req.sessionToken = token;
    let actor = anonymous;
    if (token && req.url.startsWith("/api/")) {
      actor = (await actorFromSession(deps.db, token, deps.config)) ?? anonymous;
    }
    req.actor = actor;
    // CSRF guard: a browser cannot add this header to a cross-site form post (nor a bearer token, exempt above).
    if (!SAFE_METHODS.has(req.method) && req.url.startsWith("/api/") && req.headers["x-requested-with"] !== "fetch") {
      throw new AppError("CSRF_HEADER_MISSING");
    }
  });

  // Department systems: which routes a token may call, its rate limit, the log of its calls (R5).
  integrationCallHooks(app as unknown as FastifyInstance, deps);

  // NUL and lone surrogates never reach a schema, a query or a log line.
  // (Hooks that do not wait for anything are written with `done`: no promise per request.)
  app.addHook("preValidation", (req, _reply, done) => {
    try {
      refuseUnstorableInput(req);
    } catch (err) {
      done(err as Error);
      return;
    }
    done();
  });

  // Echo the request id so an operator can find a user's request in the logs.
  app.addHook("onSend", (req, reply, payload, done) => {
    reply.header("x-request-id", req.id);
    done(null, payload);
  });

  app.setErrorHandler(async (err: FastifyError | AppError, req, reply) => {
    const lang = req.lang ?? pickLanguage(req.headers["accept-language"]);
    if (err instanceof AppError) {
      if (err.code === "RATE_LIMITED" && !reply.hasHeader("retry-after")) reply.header("retry-after", "60");
      // A refused attempt is evidence too (R40): its own transaction, since the command's rolled back.
      if (err.status === 403) await auditDenied(deps, req, err.code);
      return reply.code(err.status).send(errorBody(err.code, lang, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({ path: v.instancePath, message: v.message }));
      return reply.code(400).send(errorBody("VALIDATION_FAILED", lang, { issues, context: err.validationContext }));
    }
    const status = err.statusCode ?? 500;
    if (status === 429) return reply.code(429).header("retry-after", "60").send(errorBody("RATE_LIMITED", lang));
    if (status >= 400 && status < 500) {
      const code = fastifyCodes[err.code] ?? (status === 413 ? "FILE_TOO_LARGE" : status === 415 ? "FILE_TYPE_REFUSED" : status === 404 ? "NOT_FOUND" : "VALIDATION_FAILED");
      const finalStatus = code === "FILE_TOO_LARGE" || code === "PAYLOAD_TOO_LARGE" ? 413 : status;
      return reply.code(finalStatus).send(errorBody(code, lang));
    }
    if (err instanceof ResponseContractError) {
      req.log.error({ route: err.route, status: err.status, problems: err.problems }, "response breaks its contract");
      // Outside production the broken contract is the answer, so that a test or a developer sees it at once.
      return reply.code(500).send(errorBody("INTERNAL", lang, contractMode === "lenient" ? undefined : { contract: err.message }));
    }
    if (isOverload(err)) {
      req.log.warn({ err: { message: err.message, code: (err as { code?: unknown }).code } }, "database overloaded: answered 503");
      return reply.code(503).header("retry-after", "2").send(errorBody("BUSY", lang));
    }
    req.log.error({ err }, "unhandled error");
    return reply.code(500).send(errorBody("INTERNAL", lang));
  });

  await app.register(opsRoutes(deps));
  await app.register(identityRoutes(deps));
  await app.register(catalogRoutes(deps));
  await app.register(publicDepartmentRoutes(deps));
  await app.register(caseRoutes(deps));
  await app.register(workflowRoutes(deps));
  await app.register(certificateRoutes(deps));
  await app.register(catalogAdminRoutes(deps));
  await app.register(caseClockRoutes(deps));
  await app.register(supervisionRoutes(deps));
  await app.register(calendarRoutes(deps));
  await app.register(engagementRoutes(deps));
  await app.register(consultationRoutes(deps));
  await app.register(publicRoutes(deps));
  await app.register(documentRoutes(deps));
  await app.register(templateRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(staffRoutes(deps));
  await app.register(organizationRoutes(deps));
  await app.register(integrationEventRoutes(deps));
  await app.register(integrationRoutes(deps));
  if (deps.config.demo && opts.devClock) await app.register(devRoutes(deps, opts.devClock));

  const serveWeb = (opts.serveWeb ?? true) && fs.existsSync(path.join(webDist, "index.html"));
  if (serveWeb) {
    // Hashed assets may change with a rebuild: serve whatever is in dist now, cache them for good.
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: "/",
      wildcard: true,
      // "/" is the portal's shell; any other unknown path falls back to it below.
      index: ["index.html"],
      // The .br / .gz copies written by the build (web/vite.config.ts), chosen by Accept-Encoding.
      preCompressed: true,
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) res.header("cache-control", "public, max-age=31536000, immutable");
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const lang = req.lang ?? "zh-CN";
    if (req.url.startsWith("/api/") || req.url.startsWith("/assets/") || req.method !== "GET" || !serveWeb) {
      return reply.code(404).send(errorBody("NOT_FOUND", lang));
    }
    // The web app routes on the client: every other GET gets its shell.
    return reply.type("text/html").header("cache-control", "no-cache").sendFile("index.html");
  });

  return app as unknown as FastifyInstance;
}
