import { z } from "zod";
import { applicantTypes, roles, stepKinds, userKinds } from "../enums.ts";
import { stepRoles } from "../roles.ts";

export const RoleGrant = z.object({
  role: z.enum(roles),
  departmentId: z.string().optional(),
  departmentName: z.string().optional(),
  regionCode: z.string().optional(),
});
export type RoleGrant = z.infer<typeof RoleGrant>;

/** The workbench's sections; the web shows in its menu only those the caller may open. */
export const workbenchSections = [
  "worklist", "hall", "inbox", "catalog", "templates", "approvals", "calendar", "staff", "organization", "supervision", "escalations", "complaints", "consultations", "flags", "audit",
  "certificates", "integrations",
] as const;
export type WorkbenchSection = (typeof workbenchSections)[number];

export const grantScopes = ["platform", "region", "department"] as const;
export type GrantScope = (typeof grantScopes)[number];

/**
 * What the signed-in person may open and do across the workbench, computed by the server's policy
 * layer. The web shows or hides from these only; the server still decides every request.
 */
export const MeAbilities = z.object({
  sections: z.object(Object.fromEntries(workbenchSections.map((s) => [s, z.boolean()])) as Record<WorkbenchSection, z.ZodBoolean>),
  editCalendar: z.boolean(),
  escalate: z.boolean(),
  /** The platform-wide list of escalations, and the list of one's own departments. */
  escalations: z.object({ all: z.boolean(), own: z.boolean() }),
  /** Department ids: where one works, registers hall cases, agrees to other departments' versions, administers items. */
  departments: z.object({ member: z.array(z.string()), hall: z.array(z.string()), agree: z.array(z.string()), administer: z.array(z.string()) }),
  /** Roles one may ask to grant (with where each applies), and the roles that need a training record (R17). */
  staff: z.object({ grantableRoles: z.array(z.object({ role: z.enum(roles), scope: z.enum(grantScopes) })), approvingRoles: z.array(z.enum(roles)) }),
  /** Roles a process step may name, and the usual role per kind of step. */
  /** Document templates: whether one edits the platform defaults, and the departments whose own templates one edits. */
  templates: z.object({ platform: z.boolean(), departments: z.array(z.string()) }),
  processes: z.object({ stepRoles: z.array(z.enum(stepRoles)), defaultStepRole: z.record(z.enum(stepKinds), z.enum(stepRoles)) }),
  /** The certificate library (证照库): departments for which one registers and revokes certificates. */
  certificates: z.object({ issueFor: z.array(z.string()) }),
  /** Department systems (系统对接): whether one administers every department's clients, else the departments one does. */
  integrations: z.object({ all: z.boolean(), departments: z.array(z.string()) }),
});
export type MeAbilities = z.infer<typeof MeAbilities>;

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
  /** Staff only: a second factor (TOTP) enrolled, and whether the platform requires one (roles act only once enrolled). */
  totp: z.object({ enabled: z.boolean(), required: z.boolean() }).optional(),
  /** The language the platform writes to the person in. */
  lang: z.enum(["zh-CN", "en"]),
  /** The person's own e-mail address for notices, where they gave one. */
  email: z.string().nullable().optional(),
  /** The person's own phone, masked (notices go to it by SMS). */
  phoneMasked: z.string().nullable().optional(),
  abilities: MeAbilities,
});
export type Me = z.infer<typeof Me>;

export const AuthResult = z.object({ user: Me });
export type AuthResult = z.infer<typeof AuthResult>;

export const SmsCodeSent = z.object({ status: z.literal("sent") });
export type SmsCodeSent = z.infer<typeof SmsCodeSent>;

export const LanguageSet = z.object({ lang: z.enum(["zh-CN", "en"]) });
export const EmailSet = z.object({ email: z.string().nullable() });

/** `qrSvg`: the otpauth URL as a QR code (SVG) to scan with an authenticator app. */
export const TotpEnrollment = z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() });
export type TotpEnrollment = z.infer<typeof TotpEnrollment>;
export const TotpConfirmed = z.object({ recoveryCodes: z.array(z.string()) });
export type TotpConfirmed = z.infer<typeof TotpConfirmed>;

/** One of the caller's own sessions (`current`: this one). */
export const OwnSession = z.object({ id: z.string(), createdAt: z.string(), lastSeenAt: z.string(), ip: z.string().nullable(), expiresAt: z.string(), current: z.boolean() });
export type OwnSession = z.infer<typeof OwnSession>;
export const OwnSessionList = z.object({ items: z.array(OwnSession) });
export type OwnSessionList = z.infer<typeof OwnSessionList>;
