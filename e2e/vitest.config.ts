import { defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // @cq/contracts from its TypeScript sources (the "source" export condition), not its compiled dist.
  ssr: { resolve: { conditions: ["source", ...defaultServerConditions] } },
  test: {
    name: "e2e",
    include: ["e2e/**/*.e2e.test.ts"],
    globalSetup: ["e2e/globalSetup.ts"],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
