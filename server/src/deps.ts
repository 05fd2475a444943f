import { auditKeysOf } from "./audit/keys.ts";
import { createSequencer } from "./audit/sequencer.ts";
import { refreshProgress } from "./cases/progressRepository.ts";
import type { Deps } from "./platform/context.ts";
import type { Executor } from "./platform/db.ts";
import { refreshCaseCounts } from "./supervision/counts.ts";

/** What is kept of changed cases for fast reads: the public progress rows and the supervision counters. */
async function keepCaseViews(trx: Executor, caseIds: readonly string[]): Promise<void> {
  await refreshProgress(trx, caseIds);
  await refreshCaseCounts(trx, caseIds);
}

/** The application's dependencies from its parts, with what the commands keep and order (one place wires them). */
export function platformDeps(parts: Omit<Deps, "keepCaseViews" | "sequence">): Deps {
  const sequencer = createSequencer(parts.db, () => auditKeysOf(parts.config));
  return { ...parts, keepCaseViews, sequence: sequencer.settle };
}
