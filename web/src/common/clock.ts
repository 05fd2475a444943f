import type { CaseDetail, TimelineEntry } from "@cq/contracts";

export interface ClockEvents {
  /** The running suspension (the last `suspended` with no `resumed` after it). */
  running?: TimelineEntry;
  suspensions: TimelineEntry[];
  resumptions: TimelineEntry[];
  extensions: TimelineEntry[];
  explanations: TimelineEntry[];
}

/** The clock's story from the timeline: suspensions, extensions, explanations, with their notes. */
export function clockEvents(detail: Pick<CaseDetail, "timeline">): ClockEvents {
  const suspensions: TimelineEntry[] = [];
  const resumptions: TimelineEntry[] = [];
  const extensions: TimelineEntry[] = [];
  const explanations: TimelineEntry[] = [];
  let running: TimelineEntry | undefined;
  for (const e of detail.timeline) {
    if (e.kind === "suspended") {
      suspensions.push(e);
      running = e;
    } else if (e.kind === "resumed") {
      resumptions.push(e);
      running = undefined;
    }
    else if (e.kind === "extended") extensions.push(e);
    else if (e.kind === "explained") explanations.push(e);
  }
  return { ...(running ? { running } : {}), suspensions, resumptions, extensions, explanations };
}

/** Suspensions, resumptions and extensions in time order: the clock's history in one list. */
export function clockHistory(events: ClockEvents): TimelineEntry[] {
  return [...events.suspensions, ...events.resumptions, ...events.extensions].sort((a, b) => a.at.localeCompare(b.at));
}

/** Cases whose clock has ended: no light, no days left, only the record. */
export function clockEnded(status: string): boolean {
  return ["closed", "not_accepted", "withdrawn"].includes(status);
}

/** Documents that carry the reasons told to the applicant (中止 / 延期 notices). */
export const clockNoticeKinds = ["suspension-notice", "extension-notice"];
