import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "data/**", "e2e/out/**", "bench/results/**", "examples/feed-client/src/api.d.ts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      // Chinese text uses the ideographic space (U+3000) on purpose.
      "no-irregular-whitespace": ["error", { skipStrings: true, skipTemplates: true }],
      // Business time comes from the injected clock (ctx.now / deps.clock), never from the machine.
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Use the injected clock, not Date.now()." },
      ],
    },
  },
  {
    files: ["server/src/platform/clock.ts", "**/*.test.ts", "e2e/**", "bench/**", "web/**", "scripts/**", "examples/**"],
    rules: { "no-restricted-syntax": "off" },
  },
);
