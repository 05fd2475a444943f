import type { FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "./actor.ts";
import type { RequestMeta } from "./context.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor;
    lang: "zh-CN" | "en";
    sessionToken: string | undefined;
  }
}

export const metaOf = (req: FastifyRequest): RequestMeta => ({ ip: req.ip ?? null, requestId: String(req.id) });

export function noStore(reply: FastifyReply): void {
  reply.header("cache-control", "no-store");
}
