import { describe, expect, it } from "vitest";
import { isRemovableUpload, noticeMaterialIds, supersededUploadIds } from "./supersession.ts";

const up = (id: string, material_id: string, round: number, offline = false) => ({ id, material_id, round, offline });

describe("files replaced in a later round", () => {
  it("an earlier round's file is superseded once the material is given again", () => {
    const uploads = [up("a1", "A", 1), up("a2", "A", 2), up("b1", "B", 1), up("c1", "C", 1), up("c1b", "C", 1)];
    expect([...supersededUploadIds(uploads)]).toEqual(["a1"]);
  });

  it("removable: the current round, and a named material's earlier file while supplementing", () => {
    const named = noticeMaterialIds({ items: [{ materialId: "A", reason: "x" }, { reason: "free text" }] });
    expect([...named]).toEqual(["A"]);
    const c = { status: "supplement_requested" as const, round: 2 };
    expect(isRemovableUpload(up("a1", "A", 1), c, named)).toBe(true);
    expect(isRemovableUpload(up("b1", "B", 1), c, named)).toBe(false);
    expect(isRemovableUpload(up("b2", "B", 2), c, named)).toBe(true);
    expect(isRemovableUpload(up("a1", "A", 1), { status: "submitted", round: 2 }, named)).toBe(false);
    expect(isRemovableUpload(up("d1", "D", 1), { status: "draft", round: 1 }, new Set())).toBe(true);
    expect(noticeMaterialIds(undefined).size).toBe(0);
  });
});
