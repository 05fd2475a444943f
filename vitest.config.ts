import { defaultClientConditions, defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

// Tests run the TypeScript sources of @cq/contracts (its "source" export condition), never its dist:
// in test files (the ssr environment) and in global setup files (vitest's own environment).
const serverResolve = { conditions: ["source", ...defaultServerConditions] };

export default defineConfig({
  resolve: { conditions: ["source", ...defaultClientConditions] },
  ssr: { resolve: serverResolve },
  environments: { __vitest__: { resolve: serverResolve } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["server/src/**/*.test.ts", "packages/contracts/src/**/*.test.ts", "examples/**/*.test.ts"],
          environment: "node",
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: "web",
          include: ["web/src/**/*.test.ts", "web/src/**/*.test.tsx"],
          environment: "node",
          // Isolated: the i18n tests read the bundles as each file's imports leave them.
        },
      },
      {
        extends: true,
        test: {
          name: "server",
          include: ["server/test/**/*.test.ts"],
          environment: "node",
          globalSetup: ["server/test/globalSetup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: "forks",
          // Each file has its own database and platform; the modules are imported once per worker, not
          // once per file (the import was about 200 s of a CI run). State kept in a module is per
          // database (e.g. the calendar cache, keyed by the database handle).
          isolate: false,
        },
      },
    ],
  },
});
