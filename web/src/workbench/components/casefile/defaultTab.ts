import type { CaseDetail } from "../../../common/data/cases.ts";

export const caseTabKeys = ["tasks", "materials", "records", "timeline", "documents", "form"] as const;
export type CaseTabKey = (typeof caseTabKeys)[number];

type TabFacts = Pick<CaseDetail, "abilities" | "tasks" | "materials" | "records" | "handovers">;

/**
 * The tab the case file opens on: never an empty one. The materials when the next action is to
 * accept, not accept or ask for a supplement (the clerk checks them); the steps when the case has
 * any; otherwise the materials if there are files, else the timeline (the overview every case has).
 */
export function defaultCaseTab(detail: TabFacts): CaseTabKey {
  const a = detail.abilities;
  const hasMaterials = detail.materials.some((m) => m.uploads.length > 0);
  if (a && (a.accept || a.notAccept || (a.requestSupplement && !(detail.tasks?.length ?? 0))) && hasMaterials) return "materials";
  if ((detail.tasks?.length ?? 0) > 0) return "tasks";
  if (hasMaterials) return "materials";
  return "timeline";
}

/** The tab asked for in the address, if it is one. */
export function requestedCaseTab(value: string | null): CaseTabKey | null {
  return (caseTabKeys as readonly string[]).includes(value ?? "") ? (value as CaseTabKey) : null;
}
