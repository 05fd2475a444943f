import { describe, expect, it } from "vitest";
import type { AdminDepartment, AdminRegion } from "@cq/contracts";
import { counterpartOptions, organizationTree } from "./model.ts";

const abilities = { createChild: true, createDepartment: true, createHall: true };
const regions: AdminRegion[] = [
  { code: "500000", name: "重庆市", level: "city", parentCode: null, abilities },
  { code: "500112", name: "渝北区", level: "district", parentCode: "500000", abilities },
  { code: "500112001", name: "双凤桥街道", level: "township", parentCode: "500112", abilities },
];
const dept = (id: string, regionCode: string, extra: Partial<AdminDepartment> = {}): AdminDepartment => ({
  id, name: id, shortName: id, regionCode, phone: "", address: "", counterpart: null, disabled: false, disabledAt: null,
  abilities: { editContact: true, manage: true }, ...extra,
});

describe("the organization tree", () => {
  it("nests regions and hangs departments and halls under theirs", () => {
    const tree = organizationTree(regions, [dept("a", "500112")], []);
    expect(tree).toHaveLength(1);
    const yb = tree[0]!.children[0]!;
    expect(yb.children.map((c) => [c.kind, c.name])).toEqual([["region", "双凤桥街道"], ["department", "a"]]);
  });

  it("makes a region whose parent is out of scope a root", () => {
    expect(organizationTree(regions.slice(1), [], []).map((n) => n.name)).toEqual(["渝北区"]);
  });

  it("offers counterparts at another level only, keeping the current one", () => {
    const own = dept("yb", "500112", { counterpart: { id: "gone", name: "旧部门" } });
    const options = counterpartOptions(regions, [own, dept("city", "500000"), dept("yb2", "500112")], own);
    expect(options.map((o) => o.id)).toEqual(["gone", "city"]);
  });
});
