import { type RawBuilder, sql } from "kysely";
import { shanghaiDay } from "../platform/clock.ts";
import { type Executor, prepared } from "../platform/db.ts";
import type { SupervisionScope } from "../policy/supervision.ts";

/**
 * The supervision figures of a period (R37: received, accepted, closed, on time, average working
 * days, extended, deemed accepted) from counters kept in the writing transaction, not from every
 * case of the period.
 *
 * `case_counted` holds what each case contributes now: its department and region, when it was
 * received, accepted and closed (closed only once the case is), whether on time, in how many working
 * days, whether extended and whether deemed accepted. `department_day_counts` sums those contributions
 * per department, region and day (Asia/Shanghai) of each instant; extensions and deemed acceptances
 * count on the day of acceptance, as the figures define them. Every command brings both up to date for
 * the cases it changed (`refreshCaseCounts`, through `keepCaseViews`): it subtracts what a case
 * contributed and adds what it contributes now, so any change — a correction, a withdrawal, a restore —
 * keeps the counters exact, and a command that changes none of these facts writes nothing.
 *
 * A period is read as its whole days from the counters and its part days at either edge from
 * `case_counted`'s indexed instants: exact for any instants, and one row per department and day
 * however many cases there are. A part day longer than the rest of its day is read as the day's counters
 * less the rest of the day, so the smaller part is the one counted case by case; the time after now
 * holds no instant, so a period to now counts nothing of today one by one.
 */

type Instant = "received_at" | "accepted_at" | "closed_at";

/** What a case contributes now, read from `cases` (the one definition; migration 0031 holds a frozen copy). */
const countedOf = (where: RawBuilder<unknown>) => sql`
  select c.id as case_id, c.lead_department_id as department_id, c.region_code, c.received_at, c.accepted_at,
         case when c.status = 'closed' then c.closed_at end as closed_at, case when c.status = 'closed' then c.on_time end as on_time,
         case when c.status = 'closed' then c.used_working_days end as used_days, c.extension_days > 0 as extended, c.deemed_accepted as deemed,
         case when c.light in ('red', 'yellow') then c.light end as light,
         c.suspended and c.status in ('accepted', 'in_progress', 'suspended', 'supplement_requested') as suspended_open
  from cases c where ${where}`;

const COUNTED_COLUMNS = sql.raw("case_id, department_id, region_code, received_at, accepted_at, closed_at, on_time, used_days, extended, deemed, light, suspended_open");
const FIGURES = ["received", "accepted", "closed", "closed_on_time", "used_days_sum", "used_days_n", "extended", "deemed_accepted"] as const;

/**
 * The facts of the contributions in `rel` (columns of `case_counted` and `sign`), one row per fact:
 * department, region, day and the eight figures. `when` narrows each instant (the edges of a period).
 */
function factsOf(rel: RawBuilder<unknown>, when: (instant: Instant) => RawBuilder<unknown> = () => sql`true`) {
  const day = (c: Instant) => sql.raw(`(k.${c} at time zone 'Asia/Shanghai')::date`);
  return sql`
    select k.department_id, k.region_code, ${day("received_at")} as day, k.sign as received, 0 as accepted, 0 as closed, 0 as closed_on_time,
           0::bigint as used_days_sum, 0 as used_days_n, 0 as extended, 0 as deemed_accepted
    from ${rel} k where k.received_at is not null and ${when("received_at")}
    union all
    select k.department_id, k.region_code, ${day("accepted_at")}, 0, k.sign, 0, 0, 0::bigint, 0,
           case when k.extended then k.sign else 0 end, case when k.deemed then k.sign else 0 end
    from ${rel} k where k.accepted_at is not null and ${when("accepted_at")}
    union all
    select k.department_id, k.region_code, ${day("closed_at")}, 0, 0, k.sign, case when k.on_time then k.sign else 0 end,
           coalesce(k.used_days, 0)::bigint * k.sign, case when k.used_days is not null then k.sign else 0 end, 0, 0
    from ${rel} k where k.closed_at is not null and ${when("closed_at")}`;
}

/** Adds the summed facts to the day counters (rows whose figures all cancel out are not written). */
function addToCounters(facts: RawBuilder<unknown>) {
  const sums = sql.join(FIGURES.map((f) => sql`sum(${sql.ref(f)})::${sql.raw(f === "used_days_sum" ? "bigint" : "integer")} as ${sql.ref(f)}`));
  const nonZero = sql.join(FIGURES.map((f) => sql`sum(${sql.ref(f)}) <> 0`), sql` or `);
  const add = sql.join(FIGURES.map((f) => sql`${sql.ref(f)} = department_day_counts.${sql.ref(f)} + excluded.${sql.ref(f)}`));
  return sql`
    insert into department_day_counts (department_id, region_code, day, ${sql.raw(FIGURES.join(", "))})
    select department_id, region_code, day, ${sums} from (${facts}) f
    group by department_id, region_code, day having ${nonZero}
    -- Rows locked in one order by every writer: two writers of several rows never wait for each other in a circle.
    order by department_id, region_code, day
    on conflict (department_id, region_code, day) do update set ${add}`;
}

/**
 * Brings the counters up to date for these cases, in the caller's transaction: one statement, which
 * writes only for cases whose contribution changed.
 */
export async function refreshCaseCounts(trx: Executor, caseIds: readonly string[]): Promise<void> {
  if (!caseIds.length) return;
  const ids = sql`${[...caseIds]}::text[]`;
  const cols = ["department_id", "region_code", "received_at", "accepted_at", "closed_at", "on_time", "used_days", "extended", "deemed", "light", "suspended_open"];
  const row = (a: string) => sql.raw(`(${cols.map((c) => `${a}.${c}`).join(", ")})`);
  // Run by every command that changes a case: planned once per connection.
  await sql`${prepared("keep-case-counts")}
    with cur as (${countedOf(sql`c.id = any(${ids})`)}),
    old as (select ${COUNTED_COLUMNS} from case_counted where case_id = any(${ids})),
    changed as (
      select cur.case_id from cur left join old on old.case_id = cur.case_id where old.case_id is null or ${row("old")} is distinct from ${row("cur")}
    ),
    kept as (
      insert into case_counted (${COUNTED_COLUMNS}) select ${COUNTED_COLUMNS} from cur where case_id in (select case_id from changed)
      on conflict (case_id) do update set department_id = excluded.department_id, region_code = excluded.region_code,
        received_at = excluded.received_at, accepted_at = excluded.accepted_at, closed_at = excluded.closed_at, on_time = excluded.on_time,
        used_days = excluded.used_days, extended = excluded.extended, deemed = excluded.deemed, light = excluded.light,
        suspended_open = excluded.suspended_open
    ),
    delta as (
      select cur.*, 1 as sign from cur where case_id in (select case_id from changed)
      union all
      select old.*, -1 as sign from old where case_id in (select case_id from changed)
    ),
    open_now as (${addToOpenCounts(sql`delta`)})
    ${addToCounters(factsOf(sql`delta`))}`.execute(trx);
}

/** Adds the contributions in `rel` (with `sign`) to the open cases' counters. */
function addToOpenCounts(rel: RawBuilder<unknown>) {
  return sql`
    insert into department_open_counts (department_id, region_code, red, yellow, suspended)
    select department_id, region_code, sum(case when light = 'red' then sign else 0 end), sum(case when light = 'yellow' then sign else 0 end),
           sum(case when suspended_open then sign else 0 end)
    from ${rel} k where light is not null or suspended_open
    group by department_id, region_code
    having sum(case when light = 'red' then sign else 0 end) <> 0 or sum(case when light = 'yellow' then sign else 0 end) <> 0
        or sum(case when suspended_open then sign else 0 end) <> 0
    order by department_id, region_code
    on conflict (department_id, region_code) do update set red = department_open_counts.red + excluded.red,
      yellow = department_open_counts.yellow + excluded.yellow, suspended = department_open_counts.suspended + excluded.suspended`;
}

/** The open cases' counters of the scope now, per department and region. */
export function openCounts(db: Executor, scope: Exclude<SupervisionScope, null>, departmentId?: string) {
  return sql<{ department_id: string; region_code: string; red: number; yellow: number; suspended: number }>`
    select department_id, region_code, red, yellow, suspended from department_open_counts
    where ${scopeCondition({ department: "department_id", region: "region_code" }, scope, departmentId)}`.execute(db).then((r) => r.rows);
}

/**
 * The statements that count cases never counted before (`where` over `cases c`), in order: for the
 * benchmark's data generator, which writes cases directly.
 */
export function countNewCases(where: RawBuilder<unknown>): RawBuilder<unknown>[] {
  const added = sql`(select ${COUNTED_COLUMNS}, 1 as sign from (${countedOf(where)}) n)`;
  return [sql`insert into case_counted (${COUNTED_COLUMNS}) ${countedOf(where)}`, addToCounters(factsOf(added)), addToOpenCounts(added)];
}

/** What every case contributes now, as `case_counted` should hold it (for checks). */
export const countedNow = () => sql<Record<string, unknown>>`${countedOf(sql`true`)} order by c.id`;

/** The statements that sum the day counters again from every case's contribution, in order. */
export function recountAll(): RawBuilder<unknown>[] {
  const all = sql`(select ${COUNTED_COLUMNS}, 1 as sign from case_counted)`;
  return [sql`delete from department_day_counts`, sql`delete from department_open_counts`, addToCounters(factsOf(all)), addToOpenCounts(all)];
}

const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3_600_000;
const midnightBefore = (t: number) => Math.floor((t + SHANGHAI_MS) / DAY_MS) * DAY_MS - SHANGHAI_MS;

/** Ranges [a, b) sorted, those that touch or overlap joined. */
function mergeRanges(ranges: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0])) {
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** The scope (and an optional department) as a condition on a department column and a region column. */
export function scopeCondition(cols: { department: string; region: string }, scope: Exclude<SupervisionScope, null>, departmentId?: string): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [];
  if (departmentId) parts.push(sql`${sql.ref(cols.department)} = ${departmentId}`);
  if (!scope.all) {
    const ors: RawBuilder<unknown>[] = [];
    if (scope.departmentIds.length) ors.push(sql`${sql.ref(cols.department)} in (${sql.join(scope.departmentIds)})`);
    if (scope.regionCodes.length) ors.push(sql`${sql.ref(cols.region)} in (${sql.join(scope.regionCodes)})`);
    parts.push(ors.length ? sql`(${sql.join(ors, sql` or `)})` : sql`false`);
  }
  return parts.length ? sql<boolean>`(${sql.join(parts, sql` and `)})` : sql<boolean>`true`;
}

/**
 * The period of the supervision figures: what was asked, else the 365 days up to the end of today
 * (Asia/Shanghai) — whole days, which the counters answer without looking at a case.
 */
export function supervisionPeriod(now: Date, asked: { from?: Date; to?: Date } = {}): { from: Date; to: Date } {
  const to = asked.to ?? new Date(new Date(`${shanghaiDay(now)}T00:00:00+08:00`).getTime() + 86_400_000);
  return { from: asked.from ?? new Date(to.getTime() - 365 * 86_400_000), to };
}

export interface PeriodFigures {
  department_id: string;
  region_code: string;
  month: string;
  received: number;
  accepted: number;
  closed: number;
  closed_on_time: number;
  used_days_sum: number;
  used_days_n: number;
  extended: number;
  deemed_accepted: number;
}

/**
 * The figures of [from, to) per department and region, or per month (Asia/Shanghai, `YYYY-MM`) of
 * the whole scope: whole days from the counters, the part days at the edges from the cases' instants
 * (or, for a part day longer than the rest of its day up to `now`, that day's counters less the rest).
 */
export async function periodFigures(
  db: Executor,
  scope: Exclude<SupervisionScope, null>,
  from: Date,
  to: Date,
  by: "department" | "month",
  departmentId?: string,
  now?: Date,
): Promise<PeriodFigures[]> {
  const f = from.getTime();
  const t = to.getTime();
  const firstWhole = midnightBefore(f) === f ? f : midnightBefore(f) + DAY_MS;
  const lastWhole = midnightBefore(t);
  // The instants outside whole days: [from, firstWhole) and [lastWhole, to), each inside one day, or
  // all of [from, to) when both ends are in the same day.
  const edges: [number, number][] = firstWhole <= lastWhole ? ([[f, firstWhole], [lastWhole, t]] as [number, number][]).filter(([a, b]) => a < b) : [[f, t]];
  const days: [number, number][] = firstWhole < lastWhole ? [[firstWhole, lastWhole]] : [];
  const added: [number, number][] = [];
  const taken: [number, number][] = [];
  // No instant lies after now: the time in a range that can hold any.
  const latest = now?.getTime() ?? Number.POSITIVE_INFINITY;
  const span = (ranges: [number, number][]) => ranges.reduce((n, [a, b]) => n + Math.max(0, Math.min(b, latest) - a), 0);
  for (const [a, b] of edges) {
    const day = midnightBefore(a);
    const rest = ([[day, a], [b, day + DAY_MS]] as [number, number][]).filter(([x, y]) => x < y);
    if (span(rest) < span([[a, b]])) {
      // The smaller part of one day is counted from the cases: here the rest of the day, taken from
      // that day's counters (for a period to now, the rest of today holds nothing yet).
      days.push([day, day + DAY_MS]);
      taken.push(...rest);
    } else {
      added.push([a, b]);
    }
  }
  const scoped = scopeCondition({ department: "department_id", region: "region_code" }, scope, departmentId);
  const parts: RawBuilder<unknown>[] = [];
  const dayRanges = mergeRanges(days);
  if (dayRanges.length) {
    const inDays = sql.join(dayRanges.map(([a, b]) => sql`(day >= ${shanghaiDay(new Date(a))}::date and day < ${shanghaiDay(new Date(b))}::date)`), sql` or `);
    parts.push(sql`select department_id, region_code, day, ${sql.raw(FIGURES.join(", "))} from department_day_counts where (${inDays}) and ${scoped}`);
  }
  const counted = (ranges: [number, number][], sign: 1 | -1) => {
    const within = (instant: Instant) =>
      sql`(${sql.join(ranges.map(([a, b]) => sql`(${sql.ref(`k.${instant}`)} >= ${new Date(a)} and ${sql.ref(`k.${instant}`)} < ${new Date(b)})`), sql` or `)})`;
    return factsOf(sql`(select ${COUNTED_COLUMNS}, ${sql.lit(sign)} as sign from case_counted where ${scoped})`, within);
  };
  if (added.length) parts.push(counted(added, 1));
  if (taken.length) parts.push(counted(taken, -1));
  const keys = by === "department" ? sql`department_id, region_code, ''::text as month` : sql`''::text as department_id, ''::text as region_code, to_char(day, 'YYYY-MM') as month`;
  const group = by === "department" ? sql`department_id, region_code` : sql`to_char(day, 'YYYY-MM')`;
  const sums = sql.join(FIGURES.map((x) => sql`sum(${sql.ref(x)})::float8 as ${sql.ref(x)}`));
  const r = await sql<PeriodFigures>`
    select ${keys}, ${sums} from (${sql.join(parts, sql` union all `)}) f group by ${group}`.execute(db);
  return r.rows;
}
