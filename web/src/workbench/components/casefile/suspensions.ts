import type { CaseDetail } from "@cq/contracts";

/** The running suspension the staff set by hand (not an automatic one): the one the resume button ends. */
export function runningSuspensionId(detail: Pick<CaseDetail, "suspensions">): string | null {
  return detail.suspensions.filter((s) => !s.to && !s.automatic).at(-1)?.id ?? null;
}
