import i18n from "./index.ts";

/**
 * Every string bundle beyond the main one (zh-CN.ts / en.ts), loaded with the face that uses it.
 * This is the one place that registers them: no module has its strings by importing a file for its
 * side effect.
 */
const loaders = {
  account: () => import("./account.ts"),
  casework: () => import("./casework.ts"),
  catalogadmin: () => import("./catalogadmin.ts"),
  certificates: () => import("./certificates.ts"),
  departments: () => import("./departments.ts"),
  engagement: () => import("./engagement.ts"),
  organization: () => import("./organization.ts"),
  staffadmin: () => import("./staffadmin.ts"),
  supervision: () => import("./supervision.ts"),
  // Document templates (文书模板)
  templates: () => import("./templates.ts"),
};
export type BundleName = keyof typeof loaders;

/** The bundles each face needs. */
export const faceBundles: Record<"portal" | "workbench", readonly BundleName[]> = {
  portal: ["account", "casework", "departments", "engagement", "certificates"],
  workbench: ["account", "casework", "catalogadmin", "engagement", "organization", "staffadmin", "supervision", "certificates", "templates"],
};

/** Merges a bundle into the default namespace: deep, never overwriting a key already there. */
export function registerBundle(bundle: { zhCN: object; en: object }): void {
  i18n.addResourceBundle("zh-CN", "translation", bundle.zhCN, true, false);
  i18n.addResourceBundle("en", "translation", bundle.en, true, false);
}

/** Loads and registers the bundles of one face; the face renders after this resolves. */
export async function loadFaceBundles(face: keyof typeof faceBundles): Promise<void> {
  const bundles = await Promise.all(faceBundles[face].map((name) => loaders[name]()));
  for (const bundle of bundles) registerBundle(bundle);
}
