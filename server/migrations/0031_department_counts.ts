import { type Kysely, sql } from "kysely";

// The supervision totals and trends (R37) from counters kept in the writing transaction
// (supervision/counts.ts): per department, region and day (Asia/Shanghai), what was received,
// accepted, closed…; per department and region, how many open cases are red, yellow, suspended now.
// `case_counted` holds what each case contributes now, so that a command adds the
// difference its change makes, whatever the change. The instants are kept there (indexed) to count
// the part days at the edges of a period exactly.
//
// The backfill below is the definition of supervision/counts.ts as it was when this migration was
// written (a migration never follows later code).

export async function migrateUp(db: Kysely<unknown>): Promise<void> {
  for (const q of [
    sql`create table case_counted (
      case_id text primary key references cases(id) on delete cascade,
      department_id text not null,
      region_code text not null,
      received_at timestamptz,
      accepted_at timestamptz,
      closed_at timestamptz,
      on_time boolean,
      used_days integer,
      extended boolean not null,
      deemed boolean not null,
      light text,
      suspended_open boolean not null
    )`,
    sql`create index case_counted_received on case_counted(received_at) where received_at is not null`,
    sql`create index case_counted_accepted on case_counted(accepted_at) where accepted_at is not null`,
    sql`create index case_counted_closed on case_counted(closed_at) where closed_at is not null`,
    sql`create table department_day_counts (
      department_id text not null,
      region_code text not null,
      day date not null,
      received integer not null,
      accepted integer not null,
      closed integer not null,
      closed_on_time integer not null,
      used_days_sum bigint not null,
      used_days_n integer not null,
      extended integer not null,
      deemed_accepted integer not null,
      primary key (department_id, region_code, day)
    )`,
    sql`insert into case_counted (case_id, department_id, region_code, received_at, accepted_at, closed_at, on_time, used_days, extended, deemed,
                                  light, suspended_open)
      select c.id, c.lead_department_id, c.region_code, c.received_at, c.accepted_at,
             case when c.status = 'closed' then c.closed_at end, case when c.status = 'closed' then c.on_time end,
             case when c.status = 'closed' then c.used_working_days end, c.extension_days > 0, c.deemed_accepted,
             case when c.light in ('red', 'yellow') then c.light end,
             c.suspended and c.status in ('accepted', 'in_progress', 'suspended', 'supplement_requested')
      from cases c`,
    sql`create table department_open_counts (
      department_id text not null,
      region_code text not null,
      red integer not null,
      yellow integer not null,
      suspended integer not null,
      primary key (department_id, region_code)
    )`,
    sql`insert into department_open_counts
      select department_id, region_code, count(*) filter (where light = 'red'), count(*) filter (where light = 'yellow'), count(*) filter (where suspended_open)
      from case_counted where light is not null or suspended_open group by department_id, region_code`,
    sql`insert into department_day_counts
      select department_id, region_code, day, sum(received), sum(accepted), sum(closed), sum(closed_on_time), sum(used_days_sum),
             sum(used_days_n), sum(extended), sum(deemed_accepted)
      from (
        select department_id, region_code, (received_at at time zone 'Asia/Shanghai')::date as day, 1 as received, 0 as accepted, 0 as closed,
               0 as closed_on_time, 0::bigint as used_days_sum, 0 as used_days_n, 0 as extended, 0 as deemed_accepted
        from case_counted where received_at is not null
        union all
        select department_id, region_code, (accepted_at at time zone 'Asia/Shanghai')::date, 0, 1, 0, 0, 0, 0,
               case when extended then 1 else 0 end, case when deemed then 1 else 0 end
        from case_counted where accepted_at is not null
        union all
        select department_id, region_code, (closed_at at time zone 'Asia/Shanghai')::date, 0, 0, 1, case when on_time then 1 else 0 end,
               coalesce(used_days, 0), case when used_days is not null then 1 else 0 end, 0, 0
        from case_counted where closed_at is not null
      ) f
      group by department_id, region_code, day`,
  ]) await q.execute(db);
}

export async function migrateDown(db: Kysely<unknown>): Promise<void> {
  for (const q of [sql`drop table department_open_counts`, sql`drop table department_day_counts`, sql`drop table case_counted`]) await q.execute(db);
}
