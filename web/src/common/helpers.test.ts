import { describe, expect, it } from "vitest";
import { fileProblem, MAX_FILE_BYTES } from "./files.ts";
import { compareUrgency, stepState, verdictOf } from "./status.ts";

describe("worklist order", () => {
  it("puts red before yellow before green, then the earliest due date", () => {
    const rows = [
      { id: "g1", light: "green" as const, dueDate: "2026-12-01" },
      { id: "none", submittedAt: "2026-11-01" },
      { id: "y2", light: "yellow" as const, dueDate: "2026-12-03" },
      { id: "r", light: "red" as const, dueDate: "2026-11-20" },
      { id: "y1", light: "yellow" as const, dueDate: "2026-12-02" },
    ];
    expect([...rows].sort(compareUrgency).map((r) => r.id)).toEqual(["r", "y1", "y2", "g1", "none"]);
  });
});

describe("public pages", () => {
  it("maps step statuses to Steps states", () => {
    expect(stepState("done")).toBe("finish");
    expect(stepState("open")).toBe("process");
    expect(stepState("current")).toBe("process");
    expect(stepState("pending")).toBe("wait");
    expect(stepState("something-else")).toBe("wait");
  });

  it("lets a broken signature outweigh the certificate status", () => {
    expect(verdictOf({ status: "valid", signatureValid: true })).toBe("valid");
    expect(verdictOf({ status: "valid", signatureValid: false })).toBe("badSignature");
    expect(verdictOf({ status: "revoked", signatureValid: true })).toBe("revoked");
  });
});

describe("material files", () => {
  it("accepts PDF, JPEG and PNG up to 20 MB", () => {
    expect(fileProblem({ type: "application/pdf", name: "a.pdf", size: 1000 })).toBeNull();
    expect(fileProblem({ type: "", name: "扫描件.JPG", size: 1000 })).toBeNull();
    expect(fileProblem({ type: "image/png", name: "x.png", size: MAX_FILE_BYTES })).toBeNull();
    expect(fileProblem({ type: "image/png", name: "x.png", size: MAX_FILE_BYTES + 1 })).toBe("size");
    expect(fileProblem({ type: "text/plain", name: "notes.txt", size: 10 })).toBe("type");
    expect(fileProblem({ type: "application/vnd.ms-word", name: "a.doc", size: 10 })).toBe("type");
  });
});
