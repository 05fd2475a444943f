import { caseStatuses, type CaseResult, type CaseStatus, type CertificateVerdict, type Light, type PublicCertificate } from "@cq/contracts";

export { caseStatuses };

export type TagColor = "default" | "processing" | "success" | "warning" | "error" | "blue" | "orange";

const statusColors: Record<CaseStatus, TagColor> = {
  draft: "default",
  submitted: "processing",
  supplement_requested: "warning",
  accepted: "blue",
  not_accepted: "error",
  in_progress: "processing",
  suspended: "orange",
  decided: "success",
  closed: "success",
  withdrawn: "default",
};

export function isCaseStatus(value: string): value is CaseStatus {
  return (caseStatuses as readonly string[]).includes(value);
}

/** The tag color of a case status; a denied decision shows as an error, whatever the status. */
export function statusColor(status: string, result?: CaseResult): TagColor {
  if (result === "denied" && (status === "decided" || status === "closed")) return "error";
  return isCaseStatus(status) ? statusColors[status] : "default";
}

/** The i18n key of a status label; unknown statuses fall back to a generic label. */
export function statusKey(status: string): string {
  return isCaseStatus(status) ? `status.${status}` : "status.unknown";
}

const lightColors: Record<Light, "success" | "warning" | "error"> = {
  green: "success",
  yellow: "warning",
  red: "error",
};

export function lightColor(light: Light): "success" | "warning" | "error" {
  return lightColors[light];
}

/** Sort rank of a light: red first, then yellow, green, and cases without a clock last. */
export function lightRank(light: Light | null | undefined): number {
  switch (light) {
    case "red":
      return 0;
    case "yellow":
      return 1;
    case "green":
      return 2;
    default:
      return 3;
  }
}

/** Cases that have reached an end: nothing more will happen to them. */
export function isFinal(status: string): boolean {
  return status === "closed" || status === "not_accepted" || status === "withdrawn";
}

/** Where a case is in the applicant's journey, for a compact Steps bar (0-based index). */
export function journeyStep(status: string): number {
  switch (status) {
    case "draft":
      return 0;
    case "submitted":
    case "supplement_requested":
    case "not_accepted":
    case "withdrawn":
      return 1;
    case "accepted":
    case "in_progress":
    case "suspended":
      return 2;
    case "decided":
      return 3;
    case "closed":
      return 4;
    default:
      return 0;
  }
}

/** Compares optional ISO dates or strings; missing values sort last. */
export const byText = (a: string | undefined, b: string | undefined): number => (a ?? "\uffff").localeCompare(b ?? "\uffff");

/** Default order of the worklist: most urgent light first, then the earliest due date, then the oldest. */
export function compareUrgency(
  a: { light?: Light | undefined; dueDate?: string | undefined; submittedAt?: string | undefined },
  b: { light?: Light | undefined; dueDate?: string | undefined; submittedAt?: string | undefined },
): number {
  return lightRank(a.light) - lightRank(b.light) || byText(a.dueDate, b.dueDate) || byText(a.submittedAt, b.submittedAt);
}

/** Step statuses vary by source; anything finished shows done, anything open shows current. */
export function stepState(status: string): "finish" | "process" | "wait" | "error" {
  if (["done", "finished", "completed", "passed"].includes(status)) return "finish";
  if (["open", "claimed", "in_progress", "active", "current"].includes(status)) return "process";
  if (["failed", "returned", "rejected"].includes(status)) return "error";
  return "wait";
}

/** What the verification page shows: the server's verdict, or a broken signature, which outweighs any status. */
export type ShownVerdict = CertificateVerdict | "badSignature";

/** What a verification shows: a broken signature outweighs any status. */
export function verdictOf(c: Pick<PublicCertificate, "status" | "signatureValid">): ShownVerdict {
  if (!c.signatureValid) return "badSignature";
  return c.status;
}
