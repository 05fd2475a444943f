export const roles = [
  "platform-admin", "region-admin", "department-admin", "department-head", "clerk",
  "handler", "reviewer", "decider", "supervisor",
] as const;
export type Role = (typeof roles)[number];

/** Roles held inside one department (the others are granted platform-wide or per region). */
export const departmentRoles = ["department-admin", "department-head", "clerk", "handler", "reviewer", "decider", "supervisor"] as const;

export const caseStatuses = [
  "draft", "submitted", "supplement_requested", "accepted", "not_accepted", "in_progress",
  "suspended", "decided", "closed", "withdrawn",
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

export const stepKinds = ["accept", "review", "decide", "co-handle", "offline", "third-party", "push", "deliver"] as const;
export type StepKind = (typeof stepKinds)[number];

export type Light = "green" | "yellow" | "red";
