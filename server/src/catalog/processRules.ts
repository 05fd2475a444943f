import type { Guide } from "@cq/contracts";

/** Departments other than the lead that a guide's process involves: assisting ones and named step departments (R10). */
export function involvedDepartmentIds(g: Pick<Guide, "process" | "assistingDepartmentIds">, leadId: string): string[] {
  const named = g.process.steps.map((s) => s.departmentId).filter((d): d is string => !!d && d !== leadId);
  const coHandle = g.process.steps.some((s) => s.kind === "co-handle") ? g.assistingDepartmentIds : [];
  return [...new Set([...coHandle, ...named])].filter((d) => d !== leadId);
}
