/** Reading the evidence of an off-platform flag (体外循环, R38), whatever shape it arrives in. */

export type EvidenceLine = { key: string; values: Record<string, string | number> };

function asRecord(evidence: unknown): Record<string, unknown> {
  if (typeof evidence === "string") {
    try {
      const parsed = JSON.parse(evidence) as unknown;
      return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { text: evidence };
    } catch {
      return { text: evidence };
    }
  }
  return typeof evidence === "object" && evidence !== null && !Array.isArray(evidence) ? (evidence as Record<string, unknown>) : {};
}

const str = (v: unknown): string => (v === null || v === undefined ? "—" : typeof v === "object" ? JSON.stringify(v) : String(v));

/**
 * The sentences (as i18n keys with values) that explain a flag. Known kinds get their own
 * sentence; anything else, and any field a known kind does not explain, is listed as key: value.
 * `time` formats ISO times for display.
 */
export function evidenceLines(kind: string, evidence: unknown, time: (iso: string) => string): { lines: EvidenceLine[]; rest: [string, string][] } {
  const e = asRecord(evidence);
  const used = new Set<string>();
  const take = (k: string) => {
    used.add(k);
    return e[k];
  };
  const lines: EvidenceLine[] = [];
  switch (kind) {
    case "burst-after-acceptance":
      if ("steps" in e || "firstRecordedAt" in e)
        lines.push({
          key: "sv.flags.ev.burst",
          values: {
            steps: str(take("steps")),
            first: typeof e.firstRecordedAt === "string" ? time(take("firstRecordedAt") as string) : str(take("firstRecordedAt")),
            last: typeof e.lastRecordedAt === "string" ? time(take("lastRecordedAt") as string) : str(take("lastRecordedAt")),
            days: str(take("workingDaysAfterAcceptance")),
          },
        });
      break;
    case "decision-without-review":
      if ("reason" in e || "reviewSteps" in e) {
        const reason = take("reason");
        lines.push({ key: reason === "no-review-step" ? "sv.flags.ev.noReviewStep" : "sv.flags.ev.allByDecider", values: { steps: str(take("reviewSteps")) } });
      }
      break;
    case "deemed-acceptance":
      if ("receivedOn" in e || "lastDayToAnswer" in e) lines.push({ key: "sv.flags.ev.deemed", values: { received: str(take("receivedOn")), last: str(take("lastDayToAnswer")) } });
      break;
    case "certificate-without-code":
      if ("certificateNo" in e || "type" in e) lines.push({ key: "sv.flags.ev.noCode", values: { no: str(take("certificateNo")), type: str(take("type")) } });
      take("registeredBy");
      break;
  }
  const rest = Object.entries(e)
    .filter(([k]) => !used.has(k))
    .map(([k, v]) => [k, str(v)] as [string, string]);
  return { lines, rest };
}
