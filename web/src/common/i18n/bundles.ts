import i18n, { addEnglishStrings } from "./index.ts";

/**
 * Every string bundle beyond the main one (zh-CN.ts / en.ts), loaded with the face that uses it; each
 * has its Chinese side (`name.ts`) and its English side (`name.en.ts`), a chunk of its own.
 * This is the one place that registers them: no module has its strings by importing a file for its
 * side effect.
 */
const loaders = {
  account: { zhCN: () => import("./account.ts").then((m) => m.zhCN), en: () => import("./account.en.ts").then((m) => m.en) },
  casework: { zhCN: () => import("./casework.ts").then((m) => m.zhCN), en: () => import("./casework.en.ts").then((m) => m.en) },
  catalogadmin: { zhCN: () => import("./catalogadmin.ts").then((m) => m.zhCN), en: () => import("./catalogadmin.en.ts").then((m) => m.en) },
  consult: { zhCN: () => import("./consult.ts").then((m) => m.zhCN), en: () => import("./consult.en.ts").then((m) => m.en) },
  certificates: { zhCN: () => import("./certificates.ts").then((m) => m.zhCN), en: () => import("./certificates.en.ts").then((m) => m.en) },
  delivery: { zhCN: () => import("./delivery.ts").then((m) => m.zhCN), en: () => import("./delivery.en.ts").then((m) => m.en) },
  departments: { zhCN: () => import("./departments.ts").then((m) => m.zhCN), en: () => import("./departments.en.ts").then((m) => m.en) },
  engagement: { zhCN: () => import("./engagement.ts").then((m) => m.zhCN), en: () => import("./engagement.en.ts").then((m) => m.en) },
  integrations: { zhCN: () => import("./integrations.ts").then((m) => m.zhCN), en: () => import("./integrations.en.ts").then((m) => m.en) },
  organization: { zhCN: () => import("./organization.ts").then((m) => m.zhCN), en: () => import("./organization.en.ts").then((m) => m.en) },
  staffadmin: { zhCN: () => import("./staffadmin.ts").then((m) => m.zhCN), en: () => import("./staffadmin.en.ts").then((m) => m.en) },
  supervision: { zhCN: () => import("./supervision.ts").then((m) => m.zhCN), en: () => import("./supervision.en.ts").then((m) => m.en) },
  templates: { zhCN: () => import("./templates.ts").then((m) => m.zhCN), en: () => import("./templates.en.ts").then((m) => m.en) },
  webhooks: { zhCN: () => import("./webhooks.ts").then((m) => m.zhCN), en: () => import("./webhooks.en.ts").then((m) => m.en) },
};
export type BundleName = keyof typeof loaders;

/** The bundles each face needs. */
export const faceBundles: Record<"portal" | "workbench", readonly BundleName[]> = {
  portal: ["account", "casework", "delivery", "departments", "engagement", "consult", "certificates"],
  workbench: ["account", "casework", "delivery", "catalogadmin", "engagement", "consult", "organization", "staffadmin", "supervision", "certificates", "templates", "webhooks", "integrations"],
};

/**
 * Loads and registers the bundles of one face, merged into the default namespace (deep, never
 * overwriting a key already there): the Chinese strings now, the English ones now if English is
 * read, else when someone switches to it. The face renders after this resolves.
 */
export async function loadFaceBundles(face: keyof typeof faceBundles): Promise<void> {
  const names = faceBundles[face];
  const chinese = await Promise.all(names.map((name) => loaders[name].zhCN()));
  for (const strings of chinese) i18n.addResourceBundle("zh-CN", "translation", strings, true, false);
  await Promise.all(names.map((name) => addEnglishStrings(name, loaders[name].en)));
}
