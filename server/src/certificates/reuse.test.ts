import { describe, expect, it } from "vitest";
import { certificateVerdict, reuseRefusal, verifyPath, type ReuseCandidate } from "./reuse.ts";

const mine: ReuseCandidate = { holder_id: "a1", type: "business-license", status: "valid", valid_until: "2026-06-30" };

describe("reusing a library certificate for a material", () => {
  it("accepts the applicant's own certificate of the type, in force today (the last day included)", () => {
    expect(reuseRefusal(mine, "a1", "business-license", "2026-06-01")).toBeNull();
    expect(reuseRefusal(mine, "a1", "business-license", "2026-06-30")).toBeNull();
    expect(reuseRefusal({ ...mine, valid_until: null }, "a1", "business-license", "2099-01-01")).toBeNull();
  });

  it("answers someone else's certificate like an unknown one", () => {
    expect(reuseRefusal(undefined, "a1", "business-license", "2026-06-01")).toBe("CERTIFICATE_NOT_FOUND");
    expect(reuseRefusal({ ...mine, holder_id: "b2" }, "a1", "business-license", "2026-06-01")).toBe("CERTIFICATE_NOT_FOUND");
    expect(reuseRefusal({ ...mine, holder_id: null }, "a1", "business-license", "2026-06-01")).toBe("CERTIFICATE_NOT_FOUND");
    // Even a revoked or expired certificate of someone else says nothing more.
    expect(reuseRefusal({ ...mine, holder_id: "b2", status: "revoked" }, "a1", "food-business-license", "2027-01-01")).toBe("CERTIFICATE_NOT_FOUND");
  });

  it("refuses the holder's own certificate for a material that names no certificate type", () => {
    expect(reuseRefusal(mine, "a1", null, "2026-06-01")).toBe("MATERIAL_NOT_REUSABLE");
    expect(reuseRefusal({ ...mine, holder_id: "b2" }, "a1", null, "2026-06-01")).toBe("CERTIFICATE_NOT_FOUND");
  });

  it("refuses another type, a revoked one and an expired one", () => {
    expect(reuseRefusal(mine, "a1", "food-business-license", "2026-06-01")).toBe("CERTIFICATE_TYPE_MISMATCH");
    expect(reuseRefusal({ ...mine, status: "revoked" }, "a1", "business-license", "2026-06-01")).toBe("CERTIFICATE_REVOKED");
    expect(reuseRefusal(mine, "a1", "business-license", "2026-07-01")).toBe("CERTIFICATE_EXPIRED");
  });

  it("tells valid, revoked and expired apart on a day", () => {
    expect(certificateVerdict(mine, "2026-06-30")).toBe("valid");
    expect(certificateVerdict(mine, "2026-07-01")).toBe("expired");
    expect(certificateVerdict({ ...mine, status: "revoked" }, "2026-06-01")).toBe("revoked");
    expect(certificateVerdict({ status: "valid", valid_until: null }, "2099-12-31")).toBe("valid");
  });

  it("points at the public verification page", () => {
    expect(verifyPath("DY-500112584-2026-4F8QM-X2D9T4")).toBe("/verify/DY-500112584-2026-4F8QM-X2D9T4");
  });
});
