import type { GuideStep } from "@cq/contracts";
import type { ProcessStep } from "../../common/data/processes.ts";

export type StepChange = "added" | "changed" | "same";

/** How each proposed step differs from the published one with the same id; and which were removed. */
export function diffSteps(proposed: readonly ProcessStep[], current: readonly GuideStep[], leadId: string): { changes: Map<string, StepChange>; removed: GuideStep[] } {
  const byId = new Map(current.map((s) => [s.id, s]));
  const changes = new Map<string, StepChange>();
  for (const p of proposed) {
    const c = byId.get(p.id);
    if (!c) {
      changes.set(p.id, "added");
      continue;
    }
    const same =
      c.name === p.name && c.kind === p.kind && c.role === p.role && c.workingDays === p.workingDays && (c.department?.id ?? leadId) === (p.departmentId ?? leadId);
    changes.set(p.id, same ? "same" : "changed");
  }
  const ids = new Set(proposed.map((p) => p.id));
  return { changes, removed: current.filter((c) => !ids.has(c.id)) };
}
