import { sql } from "kysely";
import type { Executor } from "../platform/db.ts";

/** An open task whose light owes a notice, with what the notice says. */
export interface TaskLightNotice {
  id: string;
  case_id: string;
  name: string;
  department_id: string;
  role: string;
  claimed_by: string | null;
  due_date: string | null;
  light: string | null;
  supervision_code: string | null;
}

const OPEN = sql`tasks.status in ('open', 'claimed')`;

/**
 * Marks (at most `limit` of) the open tasks that turned yellow and whose staff were not yet told, and
 * returns how many it marked and the yellow ones among them: one
 * `update … returning` over rows locked with `skip locked`, so that of several processes sweeping
 * at once each task is returned to exactly one (the others skip the rows it holds, which no longer
 * match once it commits). A task that went straight to red is marked here too: it gets the red
 * notice only.
 */
export async function takeYellowNotices(db: Executor, at: Date, limit: number): Promise<{ taken: number; yellow: TaskLightNotice[] }> {
  const r = await sql<TaskLightNotice>`
    update tasks set yellow_noticed_at = ${at}
    from cases
    where cases.id = tasks.case_id
      and tasks.id in (select id from tasks where ${OPEN} and tasks.light in ('yellow', 'red') and tasks.yellow_noticed_at is null
                       limit ${limit} for update skip locked)
    returning tasks.id, tasks.case_id, tasks.name, tasks.department_id, tasks.role, tasks.claimed_by, tasks.due_date, tasks.light, cases.supervision_code`.execute(db);
  return { taken: r.rows.length, yellow: r.rows.filter((t) => t.light === "yellow") };
}

/** Marks (at most `limit` of) the open tasks that turned red and whose department head was not yet told, and returns them (see takeYellowNotices). */
export async function takeRedNotices(db: Executor, at: Date, limit: number): Promise<TaskLightNotice[]> {
  const r = await sql<TaskLightNotice>`
    update tasks set red_noticed_at = ${at}
    from cases
    where cases.id = tasks.case_id
      and tasks.id in (select id from tasks where ${OPEN} and tasks.light = 'red' and tasks.red_noticed_at is null
                       limit ${limit} for update skip locked)
    returning tasks.id, tasks.case_id, tasks.name, tasks.department_id, tasks.role, tasks.claimed_by, tasks.due_date, tasks.light, cases.supervision_code`.execute(db);
  return r.rows;
}
