import { refreshProgress } from "./cases/progressRepository.ts";
import type { Deps } from "./platform/context.ts";

/** The application's dependencies from its parts, with the projections the commands keep (one place wires them). */
export function platformDeps(parts: Omit<Deps, "keepCaseViews">): Deps {
  return { ...parts, keepCaseViews: refreshProgress };
}
