import type { Guide } from "./catalogAdmin.ts";

// Rules of a guide that need nothing but the guide itself: the server enforces them (with the rules
// that need the database), the guide editor shows them as one types. One place for both.

export interface GuideProblem {
  path: string;
  problem: string;
}

const requiredTexts = ["legalBasis", "conditions", "fees", "result", "responsibilities", "accountability", "consultationPhone", "complaintPhone"] as const;

/** Required texts, applicant types, limits (promised within statutory, yellow below promised), at least one material. */
export function guideFormProblems(g: Pick<Guide, (typeof requiredTexts)[number] | "applicantTypes" | "statutoryDays" | "promisedDays" | "yellowDays" | "materials">): GuideProblem[] {
  const out: GuideProblem[] = [];
  const add = (path: string, problem: string) => out.push({ path, problem });
  for (const f of requiredTexts) if (!g[f].trim()) add(f, "required");
  if (!g.applicantTypes.length) add("applicantTypes", "required");
  if (g.statutoryDays < 1) add("statutoryDays", "at-least-one-day");
  if (g.promisedDays < 1) add("promisedDays", "at-least-one-day");
  if (g.promisedDays > g.statutoryDays) add("promisedDays", "promised-above-statutory");
  if (g.yellowDays >= g.promisedDays && g.promisedDays > 0) add("yellowDays", "yellow-not-below-promised");
  if (!g.materials.length) add("materials", "no-material");
  return out;
}

/** Departments other than the lead that a process involves, and that must agree to it (R10): assisting ones and named step departments. */
export function involvedDepartmentIds(g: { process: { steps: readonly { kind: string; departmentId: string | null }[] }; assistingDepartmentIds: readonly string[] }, leadId: string): string[] {
  const named = g.process.steps.map((s) => s.departmentId).filter((d): d is string => !!d && d !== leadId);
  const coHandle = g.process.steps.some((s) => s.kind === "co-handle") ? g.assistingDepartmentIds : [];
  return [...new Set([...coHandle, ...named])].filter((d) => d !== leadId);
}
