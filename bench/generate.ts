/**
 * Bulk data for the benchmarks: `size` cases spread over every demo item (and so every department
 * with items), over the states of a case's life, over two years of age, with the clock columns
 * (due dates, yellow dates, lights, on-time flags, used working days) filled so that red lists and
 * department totals have real work to do. One task per accepted case (open for cases in progress,
 * done for decided and closed ones).
 *
 * Rows are written in batches of multi-row `insert … select from generate_series` (the supervision
 * codes, which carry a check symbol, are computed here and passed as one array per batch), then
 * `ANALYZE`. About 0.9 kB of table and index per case: 10M cases ≈ 9 GB, ≈ 70 min on 2 shared cores.
 *
 *   tsx --conditions=source bench/generate.ts postgres://…/cq_bench 1000000
 */
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from "kysely";
import type { Light } from "@cq/contracts";
import pg from "pg";
import { generateSupervisionCode } from "../server/src/caseRecord/supervisionCode.ts";
import { upsertProgress } from "../server/src/cases/progressRepository.ts";
import { addDays, type DayException, WorkCalendar } from "../server/src/clock/calendar.ts";
import { escalationDeadline, replyLight } from "../server/src/clock/replyDeadline.ts";
import { shanghaiDay } from "../server/src/platform/clock.ts";
import { loadConfig } from "../server/src/platform/config.ts";
import { AUTO_ESCALATION_NOTE, lastDayToExplain } from "../server/src/supervision/autoEscalation.ts";
import { countNewCases, recountAll } from "../server/src/supervision/counts.ts";

/** Compiles the platform's own statements to text and parameters for the plain pg client used here. */
const compiler = new Kysely<unknown>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

const BATCH = 50_000;

interface ItemRow { ord: number; region_code: string }

/**
 * Deterministic pseudo-random symbols for case n (so a rerun writes the same codes); `salt` draws
 * another code for the same case. Random codes collide now and then at millions of cases per region
 * and year (9 symbols: about one in 5M draws), as the platform's own do: it draws again, and so does
 * the generator (`insertBatch`).
 */
function codeOf(regionCode: string, n: number, salt = 0): string {
  let x = (n * 2654435761 + 0x9e3779b9 + Math.imul(salt, 0x85ebca6b)) >>> 0;
  return generateSupervisionCode(regionCode, 2026, (m) => {
    x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + n) >>> 0;
    return x % m;
  });
}

/** Cases numbered from..to-1 not written yet, with codes drawn with `salt`; returns how many were written. */
async function insertCases(client: pg.Client, from: number, to: number, items: ItemRow[], salt: number): Promise<number> {
  const codes: string[] = [];
  const itemOrd: number[] = [];
  for (let n = from; n < to; n++) {
    // A few departments carry most of the load (as in a city): item i with weight ~ 1/(i+1).
    const h = (Math.imul(n, 0x45d9f3b) >>> 0) / 2 ** 32;
    const ord = Math.min(items.length - 1, Math.floor((items.length + 1) ** h) - 1);
    itemOrd.push(items[ord]!.ord);
    codes.push(codeOf(items[ord]!.region_code, n, salt));
  }
  const r = await client.query(
    `insert into cases (id, item_id, item_version_id, applicant_id, channel, status, result, supervision_code, region_code, lead_department_id,
                        form_data, round, created_at, updated_at, submitted_at, received_at, accepted_at, decided_at, closed_at,
                        due_date, yellow_from, light, used_working_days, on_time, current_step_id)
     select 'bench-' || g.n, i.item_id, i.version_id, a.id, case when g.r % 5 = 0 then 'hall' else 'online' end, s.status,
            case when s.status in ('decided', 'closed') then case when g.r % 20 = 0 then 'denied' else 'approved' end end,
            case when s.accepted then x.code end, i.region_code, i.department_id, '{}'::jsonb, 1,
            t.created, t.created, case when s.status <> 'draft' then t.created end, case when s.status <> 'draft' then t.created end,
            -- No instant after now (a recent case accepted or closed "tomorrow" would be counted as today's by
            -- no real platform; until 2026-12-04 these ran up to a few weeks ahead).
            case when s.accepted then least(t.created + interval '1 day', now()) end,
            case when s.status in ('decided', 'closed') then least(t.created + (t.used * 1.4 + 1) * interval '1 day', now()) end,
            case when s.status = 'closed' then least(t.created + (t.used * 1.4 + 2) * interval '1 day', now()) end,
            case when s.open then to_char(t.due, 'YYYY-MM-DD') end, case when s.open then to_char(t.due - 3, 'YYYY-MM-DD') end,
            case when not s.open then null when t.due < current_date then 'red' when t.due - 3 <= current_date then 'yellow' else 'green' end,
            case when s.status = 'closed' then t.used end, case when s.status = 'closed' then g.r % 100 < 93 end,
            case when s.open then i.step_id end
     from (select n, abs(hashint8(n)) % 1000 as r, abs(hashint8(n + 7919)) as h from generate_series($1::bigint, $2::bigint - 1) n) g
     join lateral (select case when g.r < 30 then 'draft' when g.r < 50 then 'submitted' when g.r < 60 then 'supplement_requested'
                               when g.r < 75 then 'not_accepted' when g.r < 90 then 'withdrawn' when g.r < 250 then 'in_progress'
                               when g.r < 270 then 'accepted' when g.r < 300 then 'decided' else 'closed' end as status) s0 on true
     join lateral (select s0.status, s0.status in ('accepted', 'in_progress', 'decided', 'closed') as accepted,
                          s0.status in ('accepted', 'in_progress') as open) s on true
     join lateral (select case when s.status in ('decided', 'closed', 'not_accepted', 'withdrawn') then now() - (g.h % 730) * interval '1 day' - (g.h % 86400) * interval '1 second'
                               -- Received and supplement-requested cases are at most a day old: older ones would be accepted
                               -- by the sweep (deemed acceptance after five working days) while the benchmark runs.
                               when s.status in ('submitted', 'supplement_requested') then now() - (g.h % 86400) * interval '1 second'
                               else now() - (g.h % 30) * interval '1 day' - (g.h % 86400) * interval '1 second' end as created,
                          (5 + g.h % 21)::int as used) t0 on true
     join lateral (select t0.created, t0.used, (t0.created::date + 21 + (g.h % 14)::int) as due) t on true
     join lateral (select $3::text[] as codes, $4::int[] as ords) arr on true
     join lateral (select arr.codes[g.n - $1 + 1] as code, arr.ords[g.n - $1 + 1] as ord) x on true
     join bench_items i on i.ord = x.ord
     join lateral (select id from bench_applicants order by ord offset (g.r % (select count(*) from bench_applicants)) limit 1) a on true
     on conflict do nothing`,
    [from, to, codes, itemOrd],
  );
  return r.rowCount ?? 0;
}

/** The automatic escalation of the red cases due on `due`, as the sweep would have opened it. */
interface EscalationPlan { due: string; created: string; responseDue: string; responseYellow: string; light: Light }

/**
 * For each due date of the last months whose first red working day is over by `today`: the day the
 * sweep escalated its red cases (the day after) and the escalation's answer dates and light, by the
 * platform's calendar and its own rules.
 */
function escalationPlans(calendar: WorkCalendar, today: string): EscalationPlan[] {
  const responseDays = loadConfig({ NODE_ENV: "development" }).escalationResponseDays;
  const plans: EscalationPlan[] = [];
  for (let back = 1; back <= 120; back++) {
    const due = addDays(today, -back);
    const firstRedDay = lastDayToExplain(calendar, due);
    if (today <= firstRedDay) continue;
    const created = addDays(firstRedDay, 1);
    const { dueDate: responseDue, yellowFrom: responseYellow } = escalationDeadline(calendar, created, responseDays);
    plans.push({ due, created, responseDue, responseYellow, light: replyLight({ status: "open", dueDate: responseDue, yellowFrom: responseYellow }, today)! });
  }
  return plans;
}

/** Writes cases (and tasks) numbered from..to-1 into the bench tables; the catalog must be loaded. */
async function insertBatch(client: pg.Client, from: number, to: number, items: ItemRow[], escalations: EscalationPlan[]): Promise<void> {
  await client.query("begin");
  // A case whose code is taken already is left out (on conflict) and drawn again with another code.
  let inserted = 0;
  for (let salt = 0; inserted < to - from; salt++) {
    if (salt > 5) throw new Error(`cases ${from}–${to}: codes still taken after ${salt} draws`);
    inserted += await insertCases(client, from, to, items, salt);
  }
  // The staff were told of each open task's yellow and red light when it turned (as the sweep does).
  await client.query(
    `insert into tasks (id, case_id, step_id, step_index, kind, name, department_id, role, status, working_days, round, opened_at,
                        completed_at, due_date, yellow_from, light, outcome, yellow_noticed_at, red_noticed_at)
     select 'bench-t-' || substr(c.id, 7), c.id, i.step_id, 1, 'review', i.step_name, c.lead_department_id, i.step_role,
            case when c.status in ('decided', 'closed') then 'done' else 'open' end, 3, 1, c.accepted_at,
            case when c.status in ('decided', 'closed') then c.decided_at end, c.due_date, c.yellow_from, c.light,
            case when c.status in ('decided', 'closed') then 'pass' end,
            case when c.light in ('yellow', 'red') then (c.yellow_from || ' 00:00+08')::timestamptz end,
            case when c.light = 'red' then ((c.due_date::date + 1)::text || ' 00:00+08')::timestamptz end
     from cases c join bench_items i on i.item_id = c.item_id
     where c.id in (select 'bench-' || n from generate_series($1::bigint, $2::bigint - 1) n) and c.accepted_at is not null`,
    [from, to],
  );
  // Red cases past their first red working day were escalated automatically (R36), as the sweep
  // would have done the day after: without these, a platform started on the data spends its first
  // minutes escalating a quarter of the open cases, one command each, while the scenarios run.
  await client.query(
    `insert into escalations (id, case_id, department_id, automatic, note, created_by, created_at, response_due_date, response_yellow_from, light, status)
     select 'bench-e-' || substr(c.id, 7), c.id, c.lead_department_id, true, $8::text, null,
            (p.created || ' 00:05+08')::timestamptz, p.response_due, p.response_yellow, p.light, 'open'
     from cases c join unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) p(due, created, response_due, response_yellow, light) on p.due = c.due_date
     where c.id in (select 'bench-' || n from generate_series($1::bigint, $2::bigint - 1) n) and c.light = 'red'`,
    [from, to, ...(["due", "created", "responseDue", "responseYellow", "light"] as const).map((k) => escalations.map((e) => e[k])), AUTO_ESCALATION_NOTE],
  );
  await client.query(
    `update cases set escalated = true
     where id in (select 'bench-' || n from generate_series($1::bigint, $2::bigint - 1) n) and light = 'red' and due_date = any($3::text[])`,
    [from, to, escalations.map((e) => e.due)],
  );
  // The public progress rows, by the statement the commands keep them with.
  const progress = upsertProgress(sql`c.id in (select 'bench-' || n from generate_series(${from}::bigint, ${to}::bigint - 1) n)`).compile(compiler);
  await client.query(progress.sql, [...progress.parameters]);
  // The supervision counters, by the definition the commands keep them with.
  for (const q of countNewCases(sql`c.id in (select 'bench-' || n from generate_series(${from}::bigint, ${to}::bigint - 1) n)`)) {
    const c = q.compile(compiler);
    await client.query(c.sql, [...c.parameters]);
  }
  await client.query("commit");
}

/** Loads `size` generated cases into the database at `url` (migrated, demo catalog seeded); prints progress. */
export async function generateCases(url: string, size: number, log: (line: string) => void = console.log): Promise<{ ms: number; cases: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t0 = performance.now();
  try {
    const have = Number((await client.query("select count(*) as n from cases where id like 'bench-%'")).rows[0].n);
    if (have === size) {
      log(`  ${size.toLocaleString()} generated cases already there`);
      return { ms: 0, cases: size };
    }
    // Batches commit whole: a run cut off (or a smaller size generated before) goes on from where it stopped.
    const resume = have > 0 && have < size && have % BATCH === 0 && (await client.query("select 1 from cases where id = $1", [`bench-${have - 1}`])).rowCount === 1;
    if (have > 0 && !resume) {
      await client.query("delete from case_progress where case_id like 'bench-%'");
      await client.query("delete from case_counted where case_id like 'bench-%'");
      for (const q of recountAll()) {
        const c = q.compile(compiler);
        await client.query(c.sql, [...c.parameters]);
      }
      await client.query("delete from escalations where id like 'bench-e-%'");
      await client.query("delete from tasks where id like 'bench-t-%'");
      await client.query("delete from cases where id like 'bench-%'");
    }
    await client.query(`create temp table bench_items as
      select row_number() over (order by i.code)::int - 1 as ord, i.id as item_id, v.id as version_id, i.region_code, i.department_id,
             v.process->'steps'->1->>'id' as step_id, v.process->'steps'->1->>'name' as step_name, v.process->'steps'->1->>'role' as step_role
      from items i join item_versions v on v.id = i.current_version_id`);
    await client.query(`create temp table bench_applicants as select row_number() over (order by id)::int as ord, id from users where kind = 'applicant'`);
    const items = (await client.query<ItemRow>("select ord, region_code from bench_items order by ord")).rows;
    if (!items.length) throw new Error("no catalog items: start the platform once with DEMO=1 on this database first");
    if (resume) log(`  going on from ${have.toLocaleString()} cases generated before`);
    const calendar = new WorkCalendar((await client.query<DayException>("select date::text as date, workday, kind, note from calendar_days")).rows);
    const escalations = escalationPlans(calendar, shanghaiDay(new Date()));
    for (let from = resume ? have : 0; from < size; from += BATCH) {
      const to = Math.min(size, from + BATCH);
      await insertBatch(client, from, to, items, escalations);
      const done = to / size;
      const s = (performance.now() - t0) / 1000;
      if (to === size || from % (BATCH * 10) === 0) log(`  ${to.toLocaleString()} / ${size.toLocaleString()} cases (${Math.round(done * 100)} %, ${s.toFixed(0)} s, ~${Math.round(s / done - s)} s left)`);
    }
    // As autovacuum would in a while: statistics, and the visibility map that index-only scans need.
    await client.query("vacuum analyze cases");
    await client.query("vacuum analyze tasks");
    await client.query("vacuum analyze case_progress");
    return { ms: Math.round(performance.now() - t0), cases: size };
  } finally {
    await client.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [url, size] = process.argv.slice(2);
  if (!url || !Number(size)) {
    console.error("usage: tsx --conditions=source bench/generate.ts DATABASE_URL SIZE");
    process.exit(2);
  }
  const r = await generateCases(url, Number(size));
  console.log(`done in ${(r.ms / 1000).toFixed(1)} s`);
}
