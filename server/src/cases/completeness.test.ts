import { describe, expect, it } from "vitest";
import { missingMaterials, providedUploads } from "./completeness.ts";

const defs = [
  { id: "m1", name: "申请书", required: true },
  { id: "m2", name: "营业执照", required: true },
  { id: "m3", name: "其他", required: false },
];
const upload = (material_id: string, certificate_no: string | null = null) => ({ material_id, certificate_no, removed_at: null });

describe("completeness with certificates from the library", () => {
  it("counts a certificate in force as the material, and one revoked or expired since as missing", () => {
    const uploads = [upload("m1"), upload("m2", "C-1")];
    expect(missingMaterials(defs, providedUploads(uploads, () => "valid"))).toEqual([]);
    for (const verdict of ["revoked", "expired", undefined]) {
      expect(missingMaterials(defs, providedUploads(uploads, () => verdict))).toEqual([{ materialId: "m2", name: "营业执照" }]);
    }
  });

  it("never drops a file or a paper original", () => {
    const uploads = [upload("m1"), upload("m2")];
    expect(providedUploads(uploads, () => "revoked")).toEqual(uploads);
  });
});
