import type { CaseTask, CaseDetail } from "@cq/contracts";

/** Every department that works on the case: the lead one and each that holds or held a task. */
export function involvedDepartments(detail: CaseDetail): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  if (detail.item.department) seen.set(detail.item.department.id, detail.item.department.name);
  for (const task of detail.tasks ?? []) seen.set(task.department.id, task.department.name ?? "");
  return [...seen].map(([id, name]) => ({ id, name }));
}

/** Which clock actions to offer: the server's abilities (the policy, in a state where the command can succeed). */
export function clockRights(detail: CaseDetail) {
  const a = detail.abilities;
  return { suspend: !!a.suspend, resume: !!a.resume, extend: !!a.extend, explain: !!a.explain };
}

/** The departments for which the signed-in decider may issue their own result (出具本部门结果), as the server says. */
export function resultDepartments(detail: CaseDetail): { id: string; name: string }[] {
  const names = new Map(involvedDepartments(detail).map((d) => [d.id, d.name]));
  return (detail.abilities.resultFor ?? []).map((id) => ({ id, name: names.get(id) ?? id }));
}

/** Tasks the signed-in person can act on now (sign for or complete). */
export function actionableTasks(detail: CaseDetail): CaseTask[] {
  return (detail.tasks ?? []).filter((t) => t.abilities?.claim || t.abilities?.complete);
}

const returnable = (kind: string) => !["accept", "co-handle", "push", "deliver"].includes(kind);

/** Earlier steps a task may be returned to: steps already reached on the case, before this one. */
export function returnTargets(detail: CaseDetail, task: CaseTask): { stepId: string; name: string; department: string }[] {
  const seen = new Map<string, { stepId: string; name: string; department: string }>();
  const earlier = [...(detail.tasks ?? [])].filter((t) => t.openedAt <= task.openedAt && t.id !== task.id).sort((a, b) => a.openedAt.localeCompare(b.openedAt));
  for (const t of earlier) {
    if (t.stepId === task.stepId || !returnable(t.kind)) continue;
    seen.set(t.stepId, { stepId: t.stepId, name: t.name, department: t.department.name ?? "" });
  }
  return [...seen.values()];
}
