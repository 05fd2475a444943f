import type { StaffHandlingStats } from "@cq/contracts";
import { handlingByStaff } from "../caseRecord/handlers.ts";
import { evaluationsByStaff } from "../engagement/complaintRepository.ts";
import type { Executor } from "../platform/db.ts";
import { presentEvaluationFigures } from "../engagement/figures.ts";

/** Each staff member who handled the department's cases in [from, to): cases, on-time rate, evaluations; most cases first. */
export async function staffStatsOf(db: Executor, departmentId: string, from: Date, to: Date): Promise<StaffHandlingStats[]> {
  const [handling, evaluations] = await Promise.all([handlingByStaff(db, departmentId, from, to), evaluationsByStaff(db, departmentId, from, to)]);
  const byStaff = new Map(evaluations.map((e) => [e.staff_id, e]));
  return handling
    .map((h) => {
      const timed = Number(h.timed);
      const onTime = Number(h.on_time);
      return {
        staff: { id: h.staff_id, name: h.staff_name },
        casesHandled: Number(h.cases),
        tasksCompleted: Number(h.tasks),
        timedTasks: timed,
        onTimeTasks: onTime,
        onTimeRate: timed ? onTime / timed : null,
        evaluations: presentEvaluationFigures(byStaff.get(h.staff_id)),
      };
    })
    .sort((a, b) => b.casesHandled - a.casesHandled || a.staff.name.localeCompare(b.staff.name, "zh-CN"));
}
