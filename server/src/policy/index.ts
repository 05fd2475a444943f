import type { ErrorCode } from "@cq/contracts";
import { AppError } from "../platform/errors.ts";
import type { Actor } from "../platform/actor.ts";

export * from "./applicant.ts";
export * from "./audit.ts";
export * from "./case.ts";
export * from "./rules.ts";
export * from "./task.ts";
export * from "./item.ts";
export * from "./supervision.ts";
export * from "./certificate.ts";
export * from "./worklist.ts";

/**
 * Turns a policy decision into the answer the caller gets: not logged in → 401, may not know the
 * thing exists → 404 (with the thing's own not-found code), may see it but not do this → 403.
 */
export function enforce(actor: Actor, allowed: boolean, opts: { visible?: boolean; notFound?: ErrorCode } = {}): void {
  if (allowed) return;
  if (actor.kind === "anonymous") throw new AppError("NOT_LOGGED_IN");
  if (opts.visible === false) throw new AppError(opts.notFound ?? "NOT_FOUND");
  throw new AppError("FORBIDDEN");
}
export * from "./staff.ts";
export * from "./engagement.ts";
export * from "./workbench.ts";
export * from "./organization.ts";
export * from "./template.ts";
export * from "./consultation.ts";
export * from "./integration.ts";
