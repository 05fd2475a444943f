import dayjs from "dayjs";

// Business time is Beijing time wherever the browser happens to be (a clerk's laptop set to UTC, a
// citizen abroad): the legal dates of a case must read the same for everyone.
const shanghai = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/**
 * `2026-11-27` for dates, `2026-11-27 14:05` (Beijing time) for timestamps, `2026-11-27 14:05:09`
 * with seconds (evidence where the second matters); `—` for nothing.
 */
export function formatDate(value: string | null | undefined, withTime: boolean | "seconds" = false): string {
  if (!value) return "—";
  // A calendar date (YYYY-MM-DD) is already a Beijing date.
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = dayjs(value);
  if (!d.isValid()) return value;
  const parts = Object.fromEntries(shanghai.formatToParts(d.toDate()).map((p) => [p.type, p.value]));
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  if (!withTime) return day;
  return withTime === "seconds" ? `${day} ${parts.hour}:${parts.minute}:${parts.second}` : `${day} ${parts.hour}:${parts.minute}`;
}

export function formatDateTime(value: string | null | undefined): string {
  return formatDate(value, true);
}

/** Human file size: 532 B, 12.4 KB, 3.1 MB. */
export function formatBytes(size: number | null | undefined): string {
  if (size === null || size === undefined || !Number.isFinite(size)) return "—";
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** A reference may come as a name or as `{ id, name }`. */
export function refName(value: string | { name: string } | null | undefined): string {
  if (!value) return "—";
  return typeof value === "string" ? value : value.name;
}

/** Shortens a sha256 for display: first 12 and last 4 hex digits. */
export function shortHash(hash: string): string {
  return hash.length > 20 ? `${hash.slice(0, 12)}…${hash.slice(-4)}` : hash;
}
