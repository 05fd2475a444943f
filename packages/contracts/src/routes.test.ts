import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isNoBody, isRawBody, routes } from "./routes.ts";

describe("the route table", () => {
  it("names each route as Fastify registers it, with a summary", () => {
    for (const [key, contract] of Object.entries(routes)) {
      expect(key).toMatch(/^(GET|POST|PUT|PATCH|DELETE) \/[\w./:-]*$/);
      expect(contract.summary, key).toMatch(/^\S.{2,80}$/);
    }
  });

  it("describes only 2xx answers, each by a schema, a raw content type or no body", () => {
    for (const [key, contract] of Object.entries(routes)) {
      const entries = Object.entries(contract.response);
      expect(entries.length, key).toBeGreaterThan(0);
      for (const [status, body] of entries) {
        expect(Number(status), `${key} ${status}`).toBeGreaterThanOrEqual(200);
        expect(Number(status), `${key} ${status}`).toBeLessThan(300);
        expect(isRawBody(body) || isNoBody(body) || body instanceof z.ZodType, `${key} ${status}`).toBe(true);
        if (isNoBody(body)) expect(Number(status), key).toBe(204);
      }
    }
  });
});
