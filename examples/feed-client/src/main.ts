/**
 * Follows a department's event feed (GET /api/events) and prints each event as one line:
 *
 *   <id> <type> <caseId> <supervisionCode or ->
 *
 * The cursor is kept in a file, so a restart goes on where the last run stopped, never skipping or
 * repeating an event. Pages until the feed is caught up, then polls every --interval seconds
 * (`--once`: stop when caught up).
 *
 *   CQ_BASE_URL=https://platform.example CQ_TOKEN=cqi_… npx tsx examples/feed-client/src/main.ts [--once]
 *     [--interval 10] [--limit 100] [--cursor-file .feed-cursor]
 *
 * The types come from the platform's OpenAPI document (`npm run gen:client`, openapi-typescript).
 */
import fs from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import type { components, paths } from "./api.js";

type EventPage = paths["/api/events"]["get"]["responses"][200]["content"]["application/json"];
type FeedEvent = EventPage["items"][number];
type ErrorBody = components["schemas"]["Error"];

export class FeedError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | undefined,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(`GET /api/events: ${status} ${body?.error.code ?? ""} ${body?.error.message ?? ""}`.trim());
  }
}

/** One page of the feed after `cursor` (from the beginning when undefined). */
export async function fetchPage(baseUrl: string, token: string, cursor: string | undefined, limit: number): Promise<EventPage> {
  const url = new URL("/api/events", baseUrl);
  if (cursor) url.searchParams.set("after", cursor);
  url.searchParams.set("limit", String(limit));
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: "application/json" } });
  if (!res.ok) {
    const body = (await res.json().catch(() => undefined)) as ErrorBody | undefined;
    const retryAfter = Number(res.headers.get("retry-after"));
    throw new FeedError(res.status, body, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
  }
  return (await res.json()) as EventPage;
}

/** How an event is printed: one line, fields separated by a space. */
export const eventLine = (e: FeedEvent) => `${e.id} ${e.type} ${e.caseId} ${e.supervisionCode ?? "-"}`;

function readCursor(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8").trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Written to a temporary file and renamed, so a crash never leaves half a cursor. */
function writeCursor(file: string, cursor: string): void {
  fs.writeFileSync(`${file}.tmp`, `${cursor}\n`);
  fs.renameSync(`${file}.tmp`, file);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      once: { type: "boolean", default: false },
      interval: { type: "string", default: "10" },
      limit: { type: "string", default: "100" },
      "cursor-file": { type: "string", default: ".feed-cursor" },
    },
  });
  const baseUrl = process.env.CQ_BASE_URL;
  const token = process.env.CQ_TOKEN;
  if (!baseUrl || !token) {
    console.error("set CQ_BASE_URL (e.g. https://platform.example) and CQ_TOKEN (the client's cqi_… token)");
    process.exit(2);
  }
  const cursorFile = values["cursor-file"];
  const intervalMs = Math.max(1, Number(values.interval)) * 1000;
  const limit = Number(values.limit);
  let stopping = false;
  process.once("SIGINT", () => (stopping = true));
  process.once("SIGTERM", () => (stopping = true));

  while (!stopping) {
    let page: EventPage;
    try {
      page = await fetchPage(baseUrl, token, readCursor(cursorFile), limit);
    } catch (e) {
      // A bad token or scope: retrying will not help; a single run (--once) reports any failure.
      if (values.once || (e instanceof FeedError && e.status !== 429 && e.status < 500)) throw e;
      const wait = e instanceof FeedError && e.retryAfterSeconds ? e.retryAfterSeconds * 1000 : intervalMs;
      console.error(`${e instanceof Error ? e.message : String(e)}; trying again in ${Math.round(wait / 1000)} s`);
      await sleep(wait);
      continue;
    }
    for (const event of page.items) console.log(eventLine(event));
    // Keep the last cursor the platform gave; the next call starts right after it.
    if (page.nextCursor) writeCursor(cursorFile, page.nextCursor);
    if (page.items.length > 0 && page.nextCursor) continue; // more may be waiting: page on at once
    if (values.once) break;
    await sleep(intervalMs);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
