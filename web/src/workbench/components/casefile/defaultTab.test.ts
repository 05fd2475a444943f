import { describe, expect, it } from "vitest";
import { defaultCaseTab, requestedCaseTab } from "./defaultTab.ts";

const none = {
  editForm: false, uploadMaterial: false, submit: false, supplement: false, withdraw: false, accept: false, notAccept: false, requestSupplement: false,
  decide: false, deliver: false, record: false, handover: false, suspend: false, resume: false, extend: false, explain: false, evaluate: false, chooseDelivery: false, resultFor: [],
};
const file = { materialId: "m", name: "营业执照", required: true, uploads: [{ id: "u", round: 1, fileName: "a.pdf", size: 1, mime: "application/pdf", sha256: "x", offline: false, createdAt: "2026-12-01T00:00:00Z" }] };
const empty = { materialId: "m", name: "营业执照", required: true, uploads: [] };
const task = { id: "t" } as never;

describe("the tab a case file opens on", () => {
  it("a case to accept opens on its materials", () => {
    expect(defaultCaseTab({ abilities: { ...none, accept: true, notAccept: true, requestSupplement: true }, tasks: [], materials: [file] })).toBe("materials");
  });
  it("a case with steps opens on them", () => {
    expect(defaultCaseTab({ abilities: none, tasks: [task], materials: [file] })).toBe("tasks");
    expect(defaultCaseTab({ abilities: { ...none, requestSupplement: true }, tasks: [task], materials: [file] })).toBe("tasks");
  });
  it("otherwise the materials, or the timeline when there is nothing else", () => {
    expect(defaultCaseTab({ abilities: none, tasks: [], materials: [file] })).toBe("materials");
    expect(defaultCaseTab({ abilities: none, tasks: [], materials: [empty] })).toBe("timeline");
  });
  it("the address may ask for any known tab", () => {
    expect(requestedCaseTab("records")).toBe("records");
    expect(requestedCaseTab("nope")).toBeNull();
    expect(requestedCaseTab(null)).toBeNull();
  });
});
