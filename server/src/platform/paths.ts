import path from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(import.meta.url);

/**
 * Whether the server runs as compiled JavaScript (server/dist, production) or from its TypeScript
 * sources (development and tests, through tsx or vitest).
 */
export const runsCompiled = here.endsWith(".js");

/** The repository root: three levels above server/src/platform/, four above server/dist/src/platform/. */
export const repoRoot = path.resolve(path.dirname(here), runsCompiled ? "../../../.." : "../../..");
