import { describe, expect, it } from "vitest";
import type { Actor } from "../platform/actor.ts";
import {
  allowAnswerEscalation, allowAudit, allowCase, allowDecideStaffChange, allowEscalate, allowRequestStaffChange, supervisionScope, allowCreateCase, allowIssueFor, allowSeeEscalation, allowTask, allowWorklist, type CaseResource, enforce,
} from "./index.ts";

const applicant = (id: string): Actor => ({ kind: "applicant", id, name: "张三", applicantType: "person" });
const staff = (id: string, roles: [string, string | null, string | null][]): Actor => ({
  kind: "staff",
  id,
  name: "李四",
  departmentId: roles[0]?.[1] ?? null,
  regionCode: null,
  trained: true,
  roles: roles.map(([role, departmentId, regionCode]) => ({ role: role as never, departmentId, regionCode })),
});

const onlineCase: CaseResource = { applicantId: "a1", registeredBy: null, channel: "online", leadDepartmentId: "d1", regionCode: "500112", status: "submitted", involvedDepartmentIds: [] };
const hallCase: CaseResource = { ...onlineCase, channel: "hall", registeredBy: "s1" };

describe("case policy", () => {
  const owner = applicant("a1");
  const stranger = applicant("a2");
  const clerk = staff("s1", [["clerk", "d1", null]]);
  const otherClerk = staff("s2", [["clerk", "d2", null]]);
  const handler = staff("s3", [["handler", "d1", null]]);
  const supervisor = staff("s4", [["supervisor", null, null]]);
  const regionAdmin = staff("s5", [["region-admin", null, "500112"]]);
  const otherRegionAdmin = staff("s6", [["region-admin", null, "500103"]]);
  const anon: Actor = { kind: "anonymous" };

  it("read: the applicant, staff of the lead department, supervisors and the region's admin", () => {
    expect(allowCase(owner, "read", onlineCase)).toBe(true);
    expect(allowCase(clerk, "read", onlineCase)).toBe(true);
    expect(allowCase(handler, "read", onlineCase)).toBe(true);
    expect(allowCase(supervisor, "read", onlineCase)).toBe(true);
    expect(allowCase(regionAdmin, "read", onlineCase)).toBe(true);
    expect(allowCase(stranger, "read", onlineCase)).toBe(false);
    expect(allowCase(otherClerk, "read", onlineCase)).toBe(false);
    expect(allowCase(otherRegionAdmin, "read", onlineCase)).toBe(false);
    expect(allowCase(anon, "read", onlineCase)).toBe(false);
  });

  it("read: an assisting department once it holds a task on the case", () => {
    const assisting = staff("s8", [["handler", "d2", null]]);
    expect(allowCase(assisting, "read", onlineCase)).toBe(false);
    expect(allowCase(assisting, "read", { ...onlineCase, involvedDepartmentIds: ["d2"] })).toBe(true);
    expect(allowCase(assisting, "decide", { ...onlineCase, involvedDepartmentIds: ["d2"] })).toBe(false);
  });

  it("edit: the applicant; the lead department's clerk only for hall cases", () => {
    expect(allowCase(owner, "edit", onlineCase)).toBe(true);
    expect(allowCase(clerk, "edit", onlineCase)).toBe(false);
    expect(allowCase(clerk, "edit", hallCase)).toBe(true);
    expect(allowCase(otherClerk, "edit", hallCase)).toBe(false);
    expect(allowCase(handler, "edit", hallCase)).toBe(false);
    // A supplement brought to the hall is entered by the clerk, also for an online case (R22).
    expect(allowCase(clerk, "edit", { ...onlineCase, status: "supplement_requested" })).toBe(true);
    expect(allowCase(otherClerk, "edit", { ...onlineCase, status: "supplement_requested" })).toBe(false);
    expect(allowCase(supervisor, "edit", onlineCase)).toBe(false);
  });

  it("accept / not-accept: only the lead department's clerks", () => {
    for (const action of ["accept", "not-accept"] as const) {
      expect(allowCase(clerk, action, onlineCase)).toBe(true);
      expect(allowCase(otherClerk, action, onlineCase)).toBe(false);
      expect(allowCase(handler, action, onlineCase)).toBe(false);
      expect(allowCase(owner, action, onlineCase)).toBe(false);
      expect(allowCase(supervisor, action, onlineCase)).toBe(false);
    }
  });

  it("decide, deliver, extend: the lead department's decider, clerk and head", () => {
    const decider = staff("s9", [["decider", "d1", null]]);
    const head = staff("s10", [["department-head", "d1", null]]);
    expect(allowCase(decider, "decide", onlineCase)).toBe(true);
    expect(allowCase(staff("s11", [["decider", "d2", null]]), "decide", onlineCase)).toBe(false);
    expect(allowCase(clerk, "decide", onlineCase)).toBe(false);
    expect(allowCase(clerk, "deliver", onlineCase)).toBe(true);
    expect(allowCase(head, "extend", onlineCase)).toBe(true);
    expect(allowCase(decider, "extend", onlineCase)).toBe(false);
    expect(allowCase(owner, "withdraw", onlineCase)).toBe(true);
    expect(allowCase(stranger, "withdraw", onlineCase)).toBe(false);
  });

  it("creating cases: applicants for themselves, clerks for others at their own department", () => {
    expect(allowCreateCase(owner, false, "d1")).toBe(true);
    expect(allowCreateCase(owner, true, "d1")).toBe(false);
    expect(allowCreateCase(clerk, true, "d1")).toBe(true);
    expect(allowCreateCase(clerk, false, "d1")).toBe(false);
    expect(allowCreateCase(otherClerk, true, "d1")).toBe(false);
    expect(allowCreateCase(anon, false, "d1")).toBe(false);
  });

  it("worklist and audit", () => {
    expect(allowWorklist(clerk)).toBe(true);
    expect(allowWorklist(owner)).toBe(false);
    expect(allowAudit(supervisor, "read")).toBe(true);
    // A supervisor granted for one department is not the supervising office: no audit trail.
    expect(allowAudit(staff("s5", [["supervisor", "d1", null]]), "read")).toBe(false);
    expect(allowAudit(staff("s7", [["platform-admin", null, null]]), "verify")).toBe(true);
    expect(allowAudit(clerk, "read")).toBe(false);
    expect(allowAudit(owner, "read")).toBe(false);
  });

  it("enforce: 401 for anonymous, 404 when invisible, 403 when visible but not allowed", () => {
    expect(() => enforce(anon, false)).toThrow("NOT_LOGGED_IN");
    expect(() => enforce(owner, false, { visible: false, notFound: "CASE_NOT_FOUND" })).toThrow("CASE_NOT_FOUND");
    expect(() => enforce(owner, false)).toThrow("FORBIDDEN");
    expect(() => enforce(owner, true)).not.toThrow();
  });
});

describe("task policy", () => {
  const task = { departmentId: "d1", role: "reviewer", assigneeId: null, claimedBy: null };
  const reviewer = staff("r1", [["reviewer", "d1", null]]);
  const untrained: Actor = { ...(reviewer as Extract<Actor, { kind: "staff" }>), id: "r2", trained: false };
  const otherDept = staff("r3", [["reviewer", "d2", null]]);
  const handler = staff("r4", [["handler", "d1", null]]);

  it("claim: the step's role in the step's department, trained (R15, R17)", () => {
    expect(allowTask(reviewer, "claim", task)).toBe(true);
    expect(allowTask(untrained, "claim", task)).toBe(false);
    expect(allowTask(otherDept, "claim", task)).toBe(false);
    expect(allowTask(handler, "claim", task)).toBe(false);
    expect(allowTask({ kind: "applicant", id: "a", name: "x", applicantType: "person" }, "claim", task)).toBe(false);
  });

  it("a named assignee excludes everyone else", () => {
    expect(allowTask(reviewer, "claim", { ...task, assigneeId: "someone-else" })).toBe(false);
    expect(allowTask(reviewer, "claim", { ...task, assigneeId: "r1" })).toBe(true);
  });

  it("complete: whoever signed for it", () => {
    expect(allowTask(reviewer, "complete", { ...task, claimedBy: "r1" })).toBe(true);
    expect(allowTask(reviewer, "complete", { ...task, claimedBy: "r9" })).toBe(false);
    expect(allowTask(reviewer, "complete", task)).toBe(true);
  });
});

describe("certificates and escalations", () => {
  const decider = staff("c1", [["decider", "d1", null]]);
  const head = staff("c2", [["department-head", "d1", null]]);
  const handler = staff("c3", [["handler", "d1", null]]);
  const clerk = staff("c4", [["clerk", "d1", null]]);
  const supervisor = staff("c5", [["supervisor", null, null]]);

  it("a department's results are issued by its deciders (and, for registering or revoking, its head)", () => {
    expect(allowIssueFor(decider, "d1")).toBe(true);
    expect(allowIssueFor(head, "d1")).toBe(true);
    expect(allowIssueFor(head, "d1", { deciderOnly: true })).toBe(false);
    expect(allowIssueFor(decider, "d2")).toBe(false);
    expect(allowIssueFor(handler, "d1")).toBe(false);
  });

  it("escalations: seen by the supervisor and the department, answered by its handlers and leaders", () => {
    expect(allowSeeEscalation(supervisor, "d1")).toBe(true);
    expect(allowSeeEscalation(clerk, "d1")).toBe(true);
    expect(allowSeeEscalation(clerk, "d2")).toBe(false);
    expect(allowAnswerEscalation(handler, "d1")).toBe(true);
    expect(allowAnswerEscalation(head, "d1")).toBe(true);
    expect(allowAnswerEscalation(clerk, "d1")).toBe(false);
    expect(allowAnswerEscalation(supervisor, "d1")).toBe(false);
  });

  it("paper originals are recorded by the lead department's window only", () => {
    expect(allowCase(clerk, "record-paper-original", onlineCase)).toBe(true);
    expect(allowCase(handler, "record-paper-original", onlineCase)).toBe(false);
  });
});

describe("platform-wide roles are granted by a platform admin only, and reads keep to a grant's scope", () => {
  const deptAdmin = staff("p1", [["department-admin", "d1", null]]);
  const platform = staff("p2", [["platform-admin", null, null]]);
  const deptSupervisor = staff("p3", [["supervisor", "d1", null]]);
  const place = { departmentId: "d1", regionCode: null };

  it("refuses a department admin asking for the supervisor role, even in its own department", () => {
    expect(allowRequestStaffChange(deptAdmin, place, "supervisor")).toBe(false);
    expect(allowRequestStaffChange(deptAdmin, place, "region-admin")).toBe(false);
    expect(allowRequestStaffChange(platform, place, "supervisor")).toBe(true);
    expect(allowDecideStaffChange(staff("p4", [["department-head", "d1", null]]), { requestedBy: "p2", staffId: "x", place, role: "supervisor" })).toBe(false);
  });

  it("lets a department-scoped supervisor see its department only", () => {
    expect(supervisionScope(deptSupervisor)).toEqual({ all: false, regionCodes: [], departmentIds: ["d1"] });
    expect(allowEscalate(deptSupervisor)).toBe(false);
    expect(allowSeeEscalation(deptSupervisor, "d2")).toBe(false);
  });
});
