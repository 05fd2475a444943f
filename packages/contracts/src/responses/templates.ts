import { z } from "zod";
import { templateKinds, TemplateBody } from "../documentTemplates.ts";
import { isoTime } from "./common.ts";

/** A placeholder offered in the editor, labelled in the caller's language. */
export const TemplatePlaceholderInfo = z.object({ name: z.string(), label: z.string() });

/**
 * One version of a template. `source`: the default built into the platform (version 0), the
 * platform's edited default, or the department's own. `body` null: the department went back to
 * the platform default from this version on.
 */
export const TemplateVersion = z.object({
  version: z.number().int(),
  source: z.enum(["builtin", "platform", "department"]),
  body: TemplateBody.nullable(),
  note: z.string().nullable(),
  createdAt: isoTime.nullable(),
  createdBy: z.string().nullable(),
});
export type TemplateVersion = z.infer<typeof TemplateVersion>;

/** A kind of template as it stands for a department (or the platform): what documents use now. */
export const TemplateSummary = z.object({
  kind: z.enum(templateKinds),
  name: z.string(),
  /** Whose words are in force: the department's own, or the platform default. */
  inForce: z.enum(["builtin", "platform", "department"]),
  version: z.number().int(),
  updatedAt: isoTime.nullable(),
  updatedBy: z.string().nullable(),
});
export type TemplateSummary = z.infer<typeof TemplateSummary>;

export const TemplateList = z.object({
  department: z.object({ id: z.string(), name: z.string() }).nullable(),
  items: z.array(TemplateSummary),
  abilities: z.object({ edit: z.boolean() }),
});
export type TemplateList = z.infer<typeof TemplateList>;

/** `GET /api/admin/templates/:kind`: the template in force, the platform default beside it, the history newest first. */
export const TemplateDetail = z.object({
  kind: z.enum(templateKinds),
  name: z.string(),
  department: z.object({ id: z.string(), name: z.string() }).nullable(),
  inForce: z.enum(["builtin", "platform", "department"]),
  body: TemplateBody,
  platformDefault: TemplateBody,
  placeholders: z.array(TemplatePlaceholderInfo),
  history: z.array(TemplateVersion),
  abilities: z.object({ edit: z.boolean() }),
});
export type TemplateDetail = z.infer<typeof TemplateDetail>;

export const TemplateSaved = z.object({ kind: z.enum(templateKinds), departmentId: z.string().nullable(), version: z.number().int() });
export type TemplateSaved = z.infer<typeof TemplateSaved>;
