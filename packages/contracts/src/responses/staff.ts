import { z } from "zod";
import { roles, staffChangeKinds, staffChangeStatuses } from "../enums.ts";
import { isoDate, isoTime, JsonRecord, list, Ref } from "./common.ts";

// Staff, roles and training records (人员与角色), every change approved by a second person.

export const StaffRoleGrant = z.object({
  id: z.string(),
  role: z.enum(roles),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  regionCode: z.string().nullable(),
});
export type StaffRoleGrant = z.infer<typeof StaffRoleGrant>;

export const StaffMember = z.object({
  id: z.string(),
  username: z.string().nullable(),
  name: z.string(),
  /** Masked. */
  phone: z.string().nullable(),
  department: Ref.nullable(),
  regionCode: z.string().nullable(),
  roles: z.array(StaffRoleGrant),
  trained: z.boolean(),
  trainedAt: isoTime.nullable(),
  disabled: z.boolean(),
  pendingChangeId: z.string().nullable(),
});
export type StaffMember = z.infer<typeof StaffMember>;

export const StaffList = list(StaffMember).extend({
  departments: z.array(z.object({ id: z.string(), name: z.string(), regionCode: z.string() })),
  canRequest: z.boolean(),
});
export type StaffList = z.infer<typeof StaffList>;

export const TrainingRecord = z.object({
  id: z.string(),
  course: z.string(),
  hours: z.number(),
  completedOn: isoDate,
  certificateNo: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: isoTime,
});
export type TrainingRecord = z.infer<typeof TrainingRecord>;

/** A change request as the caller sees it, with what the caller may do with it. */
export const StaffChange = z.object({
  id: z.string(),
  kind: z.enum(staffChangeKinds),
  status: z.enum(staffChangeStatuses),
  staffId: z.string().nullable(),
  staffName: z.string(),
  department: Ref.nullable(),
  payload: JsonRecord,
  reason: z.string(),
  requestedBy: Ref,
  requestedAt: isoTime,
  decidedBy: Ref.nullable(),
  decidedAt: isoTime.nullable(),
  decisionNote: z.string().nullable(),
  canApprove: z.boolean(),
  canWithdraw: z.boolean(),
});
export type StaffChange = z.infer<typeof StaffChange>;
export const StaffChangeList = list(StaffChange);

export const StaffDetail = StaffMember.extend({ trainings: z.array(TrainingRecord), changes: z.array(StaffChange) });
export type StaffDetail = z.infer<typeof StaffDetail>;

export const TrainingRecorded = z.object({ id: z.string(), trainedAt: isoTime });
export type TrainingRecorded = z.infer<typeof TrainingRecorded>;
