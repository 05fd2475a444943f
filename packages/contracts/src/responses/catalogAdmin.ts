import { z } from "zod";
import { agreementStatuses, regionLevels, versionStatuses } from "../enums.ts";
import { Guide, guideFields } from "../catalogAdmin.ts";
import { isoDate, isoTime, list, Ref } from "./common.ts";

// The catalog as its administrators see it (事项管理): items, their versions, the approval inbox.

const VersionRef = z.object({ id: z.string(), number: z.number().int(), status: z.enum(versionStatuses), effectiveFrom: isoDate.nullable() });

export const AdminItem = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  department: Ref,
  level: z.enum(regionLevels),
  regionCode: z.string(),
  regionName: z.string(),
  /** `cancelled`: out of the public catalog. */
  status: z.enum(["active", "cancelled"]),
  /** The version in effect; none: not yet in the public catalog. */
  current: VersionRef.nullable(),
  /** The newest version after the current one (a draft, pending, scheduled or rejected). */
  latest: VersionRef.nullable(),
  promisedDays: z.number().int().nullable(),
  abilities: z.object({
    /** Write versions, rename, cancel. */
    manage: z.boolean(),
  }),
});
export type AdminItem = z.infer<typeof AdminItem>;
export const AdminItemList = list(AdminItem).extend({
  /** Departments the caller may create items for, with the region (and its level) an item of theirs belongs to. */
  creatableDepartments: z.array(Ref.extend({ regionCode: z.string(), regionName: z.string(), level: z.enum(regionLevels) })),
});
export type AdminItemList = z.infer<typeof AdminItemList>;

export const guideFieldSchema = z.enum(guideFields);

/** A guide field as it was and as it is (JSON values). */
export const GuideChange = z.object({ field: guideFieldSchema, before: z.unknown(), after: z.unknown() });
export type GuideChange = z.infer<typeof GuideChange>;

export const VersionSummary = z.object({
  id: z.string(),
  number: z.number().int(),
  status: z.enum(versionStatuses),
  effectiveFrom: isoDate.nullable(),
  /** Guide fields changed from the version before it. */
  changes: z.array(guideFieldSchema),
  createdAt: isoTime,
  createdBy: z.string().nullable(),
  submittedAt: isoTime.nullable(),
  submittedBy: z.string().nullable(),
  decidedAt: isoTime.nullable(),
  decidedBy: z.string().nullable(),
  rejectReason: z.string().nullable(),
});
export type VersionSummary = z.infer<typeof VersionSummary>;
export const VersionList = list(VersionSummary);
export type VersionList = z.infer<typeof VersionList>;

export const VersionAgreement = z.object({
  department: Ref,
  status: z.enum(agreementStatuses),
  note: z.string().nullable(),
  decidedAt: isoTime.nullable(),
});
export type VersionAgreement = z.infer<typeof VersionAgreement>;

export const VersionDetail = VersionSummary.extend({
  item: z.object({ id: z.string(), code: z.string(), name: z.string(), department: Ref, regionCode: z.string(), level: z.enum(regionLevels) }),
  guide: Guide,
  /** The number of the version it is compared with (the one in effect when it was written or submitted). */
  comparedWith: z.number().int().nullable(),
  diff: z.array(GuideChange),
  agreements: z.array(VersionAgreement),
  /** Names of the departments the guide refers to, by id (for showing a guide being edited). */
  departments: z.array(Ref),
  abilities: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    approve: z.boolean(),
    reject: z.boolean(),
    /** Departments the caller may agree or disagree for. */
    agreeFor: z.array(z.string()),
  }),
});
export type VersionDetail = z.infer<typeof VersionDetail>;

export const VersionCreated = z.object({ id: z.string(), status: z.literal("draft"), number: z.number().int() });
export type VersionCreated = z.infer<typeof VersionCreated>;
export const VersionSubmitted = z.object({ status: z.literal("pending") });
export const VersionApproved = z.object({ status: z.enum(["published", "scheduled"]) });
export type VersionApproved = z.infer<typeof VersionApproved>;
export const VersionRejected = z.object({ status: z.literal("rejected") });
export const VersionAgreed = z.object({ department: Ref, status: z.enum(agreementStatuses) });

/** What waits for the caller: versions to approve, and other departments' versions to agree to. */
export const VersionInboxEntry = z.object({
  versionId: z.string(),
  awaiting: z.enum(["approval", "agreement"]),
  /** For an agreement: the caller's department asked. */
  department: Ref.nullable(),
  item: z.object({ id: z.string(), code: z.string(), name: z.string(), department: Ref }),
  number: z.number().int(),
  effectiveFrom: isoDate.nullable(),
  changes: z.array(guideFieldSchema),
  submittedAt: isoTime.nullable(),
  submittedBy: z.string().nullable(),
});
export type VersionInboxEntry = z.infer<typeof VersionInboxEntry>;
export const VersionInbox = list(VersionInboxEntry);
export type VersionInbox = z.infer<typeof VersionInbox>;

export const AdminFileUploaded = z.object({ file: z.string(), size: z.number().int(), mime: z.string() });
export type AdminFileUploaded = z.infer<typeof AdminFileUploaded>;
