import type { FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "./actor.ts";
import type { AuditMeta } from "../audit/writer.ts";

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor;
    lang: "zh-CN" | "en";
    sessionToken: string | undefined;
  }
}

export const metaOf = (req: FastifyRequest): AuditMeta => ({ ip: req.ip ?? null, requestId: String(req.id) });

export function noStore(reply: FastifyReply): void {
  reply.header("cache-control", "no-store");
}
