import { z } from "zod";

// Building blocks of the response schemas. Responses are described with `z.object` (unknown keys
// are stripped); the server's test mode checks them strictly (see server/src/platform/responseContract.ts).

export const isoTime = z.string().describe("ISO 8601 time with offset");
export const isoDate = z.string().describe("Calendar date YYYY-MM-DD (Asia/Shanghai)");

/** A named reference to a department (or any other named thing). */
export const Ref = z.object({ id: z.string(), name: z.string() });
export type Ref = z.infer<typeof Ref>;

/** A paged list: `{ items, nextCursor }` (API.md conventions). */
export const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
export type Page<T> = { items: T[]; nextCursor: string | null };

/** A list that comes in one piece: `{ items }`. */
export const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
export type List<T> = { items: T[] };

/** A created thing's id (201 of most commands). */
export const Created = z.object({ id: z.string() });
export type Created = z.infer<typeof Created>;

/** Free-form JSON data (form data, records, evidence). */
export const JsonRecord = z.record(z.string(), z.unknown());
