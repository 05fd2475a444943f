/**
 * Floors in raw SQL, in a schema of their own (`bench_floor`, never the platform's tables): the
 * least work the database must do for each scenario, measured on the same database in the same run.
 */
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { closedLoop } from "../lib/load.ts";

/** Fresh floor tables: cases, materials, tasks and an audit table with a hash chain column. */
export async function prepareFloorSchema(pool: pg.Pool): Promise<void> {
  await pool.query(`drop schema if exists bench_floor cascade`);
  await pool.query(`create schema bench_floor`);
  await pool.query(`create table bench_floor.cases (id text primary key, item_id text not null, applicant_id text not null, status text not null,
                     form_data jsonb not null, supervision_code text unique, due_date text, created_at timestamptz not null default now(),
                     updated_at timestamptz not null default now())`);
  await pool.query(`create table bench_floor.materials (id text primary key, case_id text not null references bench_floor.cases(id), material_id text not null, sha256 text not null)`);
  await pool.query(`create table bench_floor.tasks (id text primary key, case_id text not null references bench_floor.cases(id), step_id text not null,
                     status text not null, opinion text, completed_at timestamptz)`);
  await pool.query(`create index on bench_floor.tasks (case_id)`);
  await pool.query(`create table bench_floor.audit (seq bigserial primary key, case_id text, action text not null, data jsonb, at timestamptz not null default now())`);
}

async function inTx(pool: pg.Pool, statements: [string, unknown[]][]): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query("begin");
    for (const [text, values] of statements) await c.query(text, values);
    await c.query("commit");
  } catch (e) {
    await c.query("rollback");
    throw e;
  } finally {
    c.release();
  }
}

/** Submission floor: one insert in a transaction per submission, `clients` at once. */
export function insertFloor(pool: pg.Pool, clients: number, durationS: number) {
  return closedLoop(clients, durationS, () =>
    inTx(pool, [["insert into bench_floor.cases (id, item_id, applicant_id, status, form_data) values ($1, 'item', 'applicant', 'submitted', '{}')", [randomUUID()]]]),
  );
}

const audit = (caseId: string, action: string): [string, unknown[]] => ["insert into bench_floor.audit (case_id, action, data) values ($1, $2, '{}')", [caseId, action]];

/**
 * Lifecycle floor: the journey's writes in raw SQL, one transaction per state change as the HTTP
 * journey does (create, two materials, submit, accept, two steps, decide, deliver), each audited.
 */
export function lifecycleFloor(pool: pg.Pool, clients: number, durationS: number) {
  return closedLoop(clients, durationS, async () => {
    const id = randomUUID();
    const t1 = `${id}-1`;
    const t2 = `${id}-2`;
    await inTx(pool, [["insert into bench_floor.cases (id, item_id, applicant_id, status, form_data) values ($1, 'item', 'applicant', 'draft', '{\"projectName\":\"x\"}')", [id]], audit(id, "case.create")]);
    for (const m of ["m1", "m2"]) await inTx(pool, [["insert into bench_floor.materials (id, case_id, material_id, sha256) values ($1, $2, $3, 'x')", [`${id}-${m}`, id, m]], audit(id, "material.upload")]);
    await inTx(pool, [["update bench_floor.cases set status = 'submitted', updated_at = now() where id = $1 and status = 'draft'", [id]], audit(id, "case.submit")]);
    await inTx(pool, [
      ["update bench_floor.cases set status = 'in_progress', supervision_code = $2, due_date = '2026-12-31', updated_at = now() where id = $1 and status = 'submitted'", [id, id]],
      ["insert into bench_floor.tasks (id, case_id, step_id, status) values ($1, $2, 'review', 'open')", [t1, id]],
      audit(id, "case.accept"),
    ]);
    await inTx(pool, [
      ["update bench_floor.tasks set status = 'done', opinion = 'ok', completed_at = now() where id = $1 and status = 'open'", [t1]],
      ["insert into bench_floor.tasks (id, case_id, step_id, status) values ($1, $2, 'audit', 'open')", [t2, id]],
      audit(id, "task.complete"),
    ]);
    await inTx(pool, [["update bench_floor.tasks set status = 'done', opinion = 'ok', completed_at = now() where id = $1 and status = 'open'", [t2]], audit(id, "task.complete")]);
    await inTx(pool, [["update bench_floor.cases set status = 'decided', updated_at = now() where id = $1 and status = 'in_progress'", [id]], audit(id, "case.decide")]);
    await inTx(pool, [["update bench_floor.cases set status = 'closed', updated_at = now() where id = $1 and status = 'decided'", [id]], audit(id, "case.deliver")]);
  });
}

/**
 * Red list floor: what the list shows of every case (code, status, due date, light, acceptance,
 * extension, escalated and explained, the item's and the department's names) copied to a bare table
 * `bench_floor.lights` with a partial index on (department_id, due_date) where light = 'red'; one
 * department's 200 most overdue, the same rows and columns the platform answers, by one index lookup.
 */
export async function prepareRedListFloor(pool: pg.Pool): Promise<void> {
  await pool.query(`create table bench_floor.lights as
                      select c.id, c.lead_department_id as department_id, c.light, c.due_date, c.supervision_code, c.status, c.accepted_at,
                             c.extension_days, c.escalated, c.explained, i.name as item_name, d.name as department_name
                      from cases c join items i on i.id = c.item_id join departments d on d.id = c.lead_department_id`);
  await pool.query(`create index lights_red on bench_floor.lights (department_id, due_date) where light = 'red'`);
  await pool.query(`vacuum analyze bench_floor.lights`);
}

export async function redListFloorQuery(pool: pg.Pool, departmentId: string): Promise<number> {
  const { rows } = await pool.query(
    `select id, supervision_code, status, due_date, light, accepted_at, extension_days, escalated, explained, item_name, department_id, department_name
     from bench_floor.lights where department_id = $1 and light = 'red' order by due_date limit 200`,
    [departmentId],
  );
  return rows.length;
}

/**
 * Totals floor: a bare copy of the per-department daily counts (what the platform's counters hold:
 * received, accepted, closed, on time), indexed by day; a period is summed per department.
 */
export async function prepareTotalsFloor(pool: pg.Pool): Promise<void> {
  await pool.query(`create table if not exists bench_floor.day_counts as
                      select department_id, day, received, accepted, closed, closed_on_time from department_day_counts`);
  await pool.query(`create index if not exists day_counts_day on bench_floor.day_counts (day)`);
  await pool.query(`analyze bench_floor.day_counts`);
}

/** A period's totals per department from the bare daily counts, [fromDay, toDay). */
export async function totalsFloorQuery(pool: pg.Pool, fromDay: string, toDay: string): Promise<number> {
  const { rows } = await pool.query(
    `select department_id, sum(received)::int as received, sum(accepted)::int as accepted, sum(closed)::int as closed, sum(closed_on_time)::int as on_time
     from bench_floor.day_counts where day >= $1 and day < $2 group by department_id`,
    [fromDay, toDay],
  );
  return rows.length;
}

/** The same totals without counters: the cases of the period counted from the cases table (a scan). */
export async function totalsScanQuery(pool: pg.Pool, from: Date, to: Date): Promise<number> {
  const { rows } = await pool.query(
    `select lead_department_id, count(*) filter (where received_at >= $1 and received_at < $2) as received,
            count(*) filter (where accepted_at >= $1 and accepted_at < $2) as accepted,
            count(*) filter (where closed_at >= $1 and closed_at < $2) as closed,
            count(*) filter (where closed_at >= $1 and closed_at < $2 and on_time) as on_time
     from cases group by lead_department_id`,
    [from, to],
  );
  return rows.length;
}

/** Monthly report floor: one month's sums per department from the bare daily counts, with the names, written as CSV. */
export async function monthlyCsvFloor(pool: pg.Pool, month: string): Promise<string> {
  const first = `${month}-01`;
  const { rows } = await pool.query<{ name: string; received: number; closed: number; on_time: number }>(
    `select d.name, sum(c.received)::int as received, sum(c.closed)::int as closed, sum(c.closed_on_time)::int as on_time
     from bench_floor.day_counts c join departments d on d.id = c.department_id
     where c.day >= $1::date and c.day < ($1::date + interval '1 month') group by d.name order by d.name`,
    [first],
  );
  return ["department,received,closed,on_time", ...rows.map((r) => `${r.name},${r.received},${r.closed},${r.on_time}`)].join("\n");
}

/**
 * Lights floor: the open cases and tasks (the rows the platform's pass may move: their id, deadline,
 * yellow-from day and light) copied to bare tables of their own, without the platform's indexes.
 * Taken before the platform's passes, so that both start from the same lights.
 */
export async function prepareLightsFloor(pool: pg.Pool): Promise<void> {
  await pool.query(`drop table if exists bench_floor.case_lights, bench_floor.task_lights`);
  await pool.query(`create table bench_floor.case_lights as select id, due_date, yellow_from, light from cases
                      where status in ('accepted', 'in_progress', 'supplement_requested') and not suspended and due_date is not null`);
  await pool.query(`create table bench_floor.task_lights as select id, due_date, yellow_from, light from tasks
                      where status in ('open', 'claimed') and not clock_stopped and due_date is not null`);
  await pool.query(`analyze bench_floor.case_lights; analyze bench_floor.task_lights`);
}

/**
 * The lights of `day` set on the bare copies by one UPDATE each, in one transaction rolled back at its
 * end (so that it can be timed again from the same lights): no batches, no escalations, no counters.
 * Returns the rows it moved.
 */
export async function lightsFloor(pool: pg.Pool, day: string): Promise<number> {
  const light = `(case when due_date < $1 then 'red' when yellow_from <= $1 then 'yellow' else 'green' end)`;
  const c = await pool.connect();
  try {
    await c.query("begin");
    let moved = 0;
    for (const table of ["bench_floor.case_lights", "bench_floor.task_lights"]) {
      moved += (await c.query(`update ${table} set light = ${light} where light is distinct from ${light}`, [day])).rowCount ?? 0;
    }
    return moved;
  } finally {
    await c.query("rollback");
    c.release();
  }
}
