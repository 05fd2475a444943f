/**
 * The dependency rules of the code base (docs/architecture.md), checked by `npm run lint`.
 * Server modules depend one way, from the ground up; a module may import only modules below it.
 */

// Server modules from the ground up. The composition root (server/src/*.ts) and the top-level
// helpers it wires (ops/, seed/, dev/) may import any of them; none of them imports those.
const layers = [
  "platform",
  "policy",
  "audit",
  "identity",
  "organization",
  "staff",
  "clock",
  "caseRecord",
  "documents",
  "catalog",
  "engagement",
  "supervision",
  "certificates",
  "cases",
  "integration",
];
const composition = "^server/src/([^/]+[.]ts$|ops/|seed/|dev/)";

const layerRules = layers.slice(0, -1).map((name, i) => ({
  name: `layer-${name}`,
  comment: `${name}/ imports only modules below it: ${layers.slice(0, i).join(", ") || "none"}.`,
  severity: "error",
  from: { path: `^server/src/${name}/` },
  to: { path: [`^server/src/(${layers.slice(i + 1).join("|")})/`, composition] },
}));

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "No file of the server imports itself through others.",
      severity: "error",
      from: { path: "^server/src/" },
      to: { circular: true },
    },
    {
      name: "platform-is-the-ground",
      comment: "platform/ imports no other server module.",
      severity: "error",
      from: { path: "^server/src/platform/" },
      to: { path: "^server/src/", pathNot: "^server/src/platform/" },
    },
    {
      name: "nothing-below-cases-imports-cases",
      comment: "The modules below cases/ never import it; they are used by it.",
      severity: "error",
      from: { path: `^server/src/(${layers.slice(0, layers.indexOf("cases")).join("|")})/` },
      to: { path: "^server/src/cases/" },
    },
    ...layerRules,
    {
      name: "web-never-imports-server",
      comment: "The web app reaches the server through HTTP and @cq/contracts only.",
      severity: "error",
      from: { path: "^web/" },
      to: { path: "^server/" },
    },
    {
      name: "server-never-imports-web",
      severity: "error",
      from: { path: "^server/" },
      to: { path: "^web/" },
    },
    {
      name: "portal-never-imports-workbench",
      comment: "The two faces share only web/src/common/ and @cq/contracts.",
      severity: "error",
      from: { path: "^web/src/portal/" },
      to: { path: "^web/src/workbench/" },
    },
    {
      name: "workbench-never-imports-portal",
      comment: "The two faces share only web/src/common/ and @cq/contracts.",
      severity: "error",
      from: { path: "^web/src/workbench/" },
      to: { path: "^web/src/portal/" },
    },
    {
      name: "common-imports-no-face",
      comment: "web/src/common/ serves both faces and knows neither.",
      severity: "error",
      from: { path: "^web/src/common/" },
      to: { path: "^web/src/(portal|workbench)/" },
    },
    {
      name: "api-only-through-data-modules",
      comment: "Pages reach the API through one data-access module per resource (web/src/common/data/).",
      severity: "error",
      from: { path: "^web/src/", pathNot: "^web/src/common/(data|api)/" },
      to: { path: "^web/src/common/api/client[.]ts$" },
    },
    {
      name: "no-circular-web",
      comment: "No file of the web app imports itself through others.",
      severity: "error",
      from: { path: "^web/src/" },
      to: { circular: true },
    },
    {
      name: "contracts-import-neither",
      comment: "@cq/contracts is shared by both and depends on neither.",
      severity: "error",
      from: { path: "^packages/" },
      to: { path: "^(server|web)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Compiled output (npm run build) is not source.
    exclude: { path: "^(server|web|packages/[^/]+)/dist/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.base.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["source", "import", "require", "node", "default", "types"] },
  },
};
