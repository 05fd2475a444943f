import { z } from "zod";
import { applicantTypes, roles, userKinds } from "../enums.ts";

export const RoleGrant = z.object({
  role: z.enum(roles),
  departmentId: z.string().optional(),
  departmentName: z.string().optional(),
  regionCode: z.string().optional(),
});
export type RoleGrant = z.infer<typeof RoleGrant>;

/** `GET /api/me`, also the `user` of login and registration. */
export const Me = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(userKinds),
  applicantType: z.enum(applicantTypes).nullable().optional(),
  roles: z.array(RoleGrant),
  department: z.object({ id: z.string(), name: z.string(), regionCode: z.string() }).optional(),
  /** Staff only: whether a training record exists (approving roles need one). */
  trained: z.boolean().optional(),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof Me>;

export const AuthResult = z.object({ user: Me });
export type AuthResult = z.infer<typeof AuthResult>;

export const SmsCodeSent = z.object({ status: z.literal("sent") });
export type SmsCodeSent = z.infer<typeof SmsCodeSent>;
