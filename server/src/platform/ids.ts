import { randomBytes, randomUUID } from "node:crypto";

export const newId = (): string => randomUUID();

/** An opaque secret token (sessions, API tokens): 256 random bits, base64url. */
export const newToken = (): string => randomBytes(32).toString("base64url");
