import type { AdminDepartment, AdminHall, AdminRegion } from "@cq/contracts";

export interface OrgNode {
  key: string;
  /** The region the node belongs to (itself for a region). */
  regionCode: string;
  kind: "region" | "department" | "hall";
  name: string;
  level?: AdminRegion["level"];
  disabled?: boolean;
  children: OrgNode[];
}

/**
 * The regions as a tree, each with its departments and halls as leaves after its sub-regions. A
 * region whose parent is outside the caller's scope is a root.
 */
export function organizationTree(regions: AdminRegion[], departments: AdminDepartment[], halls: AdminHall[]): OrgNode[] {
  const nodes = new Map<string, OrgNode>(regions.map((r) => [r.code, { key: `r:${r.code}`, regionCode: r.code, kind: "region", name: r.name, level: r.level, children: [] }]));
  const roots: OrgNode[] = [];
  for (const r of regions) {
    const parent = r.parentCode ? nodes.get(r.parentCode) : undefined;
    (parent ? parent.children : roots).push(nodes.get(r.code)!);
  }
  for (const d of departments) nodes.get(d.regionCode)?.children.push({ key: `d:${d.id}`, regionCode: d.regionCode, kind: "department", name: d.name, disabled: d.disabled, children: [] });
  for (const h of halls) nodes.get(h.regionCode)?.children.push({ key: `h:${h.id}`, regionCode: h.regionCode, kind: "hall", name: h.name, disabled: h.disabled, children: [] });
  return roots;
}

/** Departments that may be a department's counterpart: at another level than its region's. */
export function counterpartOptions(regions: AdminRegion[], departments: AdminDepartment[], of: AdminDepartment): { id: string; name: string }[] {
  const levelOf = new Map(regions.map((r) => [r.code, r.level]));
  const own = levelOf.get(of.regionCode);
  const options = departments.filter((d) => d.id !== of.id && !d.disabled && levelOf.get(d.regionCode) !== undefined && levelOf.get(d.regionCode) !== own);
  if (of.counterpart && !options.some((o) => o.id === of.counterpart!.id)) return [of.counterpart, ...options];
  return options;
}
