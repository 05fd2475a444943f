import { isApprovingRole } from "@cq/contracts";
import type { Executor } from "../platform/db.ts";
import { AppError } from "../platform/errors.ts";
import type { ProcessStep } from "../platform/schema.ts";
import { validateProcess } from "./processValidation.ts";
import { staffFacts } from "./processRepository.ts";

/** Departments other than the lead that a process involves: assisting ones and named step departments. */
export function involvedDepartmentIds(steps: ProcessStep[], assisting: string[], leadId: string): string[] {
  const named = steps.map((s) => s.departmentId).filter((d): d is string => !!d && d !== leadId);
  const coHandle = steps.some((s) => s.kind === "co-handle") ? assisting : [];
  return [...new Set([...coHandle, ...named])].filter((d) => d !== leadId);
}

/**
 * Checks a process before it is saved: structure (validateProcess), and every named staff
 * member holds the step's role in the step's department and, for approving roles, is trained (R15, R17).
 */
export async function checkProcess(db: Executor, steps: ProcessStep[], opts: { promisedDays: number; assisting: string[]; leadId: string }): Promise<void> {
  const problems = validateProcess(steps, { promisedDays: opts.promisedDays, assistingCount: opts.assisting.length });
  if (problems.length) throw new AppError("PROCESS_INVALID", { problems });
  const named = steps.filter((s) => s.staffId);
  const facts = await staffFacts(db, named.map((s) => s.staffId!));
  for (const s of named) {
    const f = facts.find((x) => x.id === s.staffId);
    const dept = s.departmentId ?? opts.leadId;
    if (!f || f.kind !== "staff" || !f.roles.some((r) => r.role === s.role && r.department_id === dept)) {
      throw new AppError("PROCESS_INVALID", { problems: [{ stepId: s.id, problem: "staff-lacks-role" }] });
    }
    if (isApprovingRole(s.role) && !f.trained_at) throw new AppError("UNTRAINED_STAFF", { stepId: s.id, staffId: s.staffId });
  }
}
