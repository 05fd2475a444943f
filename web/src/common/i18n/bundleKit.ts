/** Helpers for the translation bundles' tests: the dotted keys of a bundle and a look-up by key. */

/** Every leaf key of a bundle, dotted ("sa.kind.create"). Arrays count as one text. */
export function leaves(obj: unknown, prefix = ""): string[] {
  if (typeof obj === "string" || Array.isArray(obj)) return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

/** The value at a dotted key, or undefined. */
export const get = (obj: unknown, key: string): unknown => key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);
