import { type TemplateBody, type TemplateKind, templateKinds } from "@cq/contracts";
import type { Executor } from "../../platform/db.ts";
import { builtinTemplates } from "./builtin.ts";
import { latestTemplates, PLATFORM_SCOPE, type TemplateVersionRow } from "./repository.ts";

export type TemplateSource = "builtin" | "platform" | "department";

/** The words documents of a kind use now, and whose they are. */
export interface TemplateInForce {
  kind: TemplateKind;
  source: TemplateSource;
  version: number;
  body: TemplateBody;
  /** The platform default beside it (what a department goes back to). */
  platformDefault: TemplateBody;
  updatedAt: Date | null;
  updatedBy: string | null;
}

const bodyOf = (row: TemplateVersionRow | undefined): TemplateBody | null => (row?.body ? (row.body as TemplateBody) : null);

/**
 * The template in force for a department (or, without one, the platform's default), kind by kind:
 * the department's newest version unless it went back to the default, else the platform's newest
 * edited default unless reset, else the words built into the platform (version 0).
 */
export async function templatesInForce(db: Executor, departmentId: string | null, kinds: readonly TemplateKind[] = templateKinds): Promise<TemplateInForce[]> {
  const rows = await latestTemplates(db, departmentId ? [departmentId, PLATFORM_SCOPE] : [PLATFORM_SCOPE]);
  const latest = (scope: string, kind: string) => rows.find((r) => r.scope === scope && r.kind === kind);
  return kinds.map((kind) => {
    const platform = latest(PLATFORM_SCOPE, kind);
    const platformBody = bodyOf(platform);
    const platformDefault = platformBody ?? builtinTemplates[kind];
    const own = departmentId ? latest(departmentId, kind) : undefined;
    const ownBody = bodyOf(own);
    if (own && ownBody) return { kind, source: "department", version: own.version, body: ownBody, platformDefault, updatedAt: own.created_at, updatedBy: own.created_by_name };
    if (platform && platformBody) return { kind, source: "platform", version: platform.version, body: platformBody, platformDefault, updatedAt: platform.created_at, updatedBy: platform.created_by_name };
    return { kind, source: "builtin", version: 0, body: builtinTemplates[kind], platformDefault, updatedAt: null, updatedBy: null };
  });
}

/** The one template a document of a department uses now. */
export async function templateInForce(db: Executor, departmentId: string | null, kind: TemplateKind): Promise<TemplateInForce> {
  const [inForce] = await templatesInForce(db, departmentId, [kind]);
  return inForce!;
}
