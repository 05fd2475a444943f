import { type Insertable, sql } from "kysely";
import type { Executor } from "../../platform/db.ts";
import type { DocumentTemplatesTable } from "../../platform/schema.ts";

/** The scope a template version belongs to: the platform's defaults or one department's own. */
export const PLATFORM_SCOPE = "platform";
export const scopeOf = (departmentId: string | null): string => departmentId ?? PLATFORM_SCOPE;

const columns = [
  "t.id", "t.scope", "t.department_id", "t.kind", "t.version", "t.body", "t.note", "t.created_by", "t.created_at", "u.name as created_by_name",
] as const;

/** Every version of one template of a scope, newest first. */
export function templateVersions(db: Executor, scope: string, kind: string) {
  return db.selectFrom("document_templates as t").leftJoin("users as u", "u.id", "t.created_by").select(columns)
    .where("t.scope", "=", scope).where("t.kind", "=", kind).orderBy("t.version", "desc").execute();
}
export type TemplateVersionRow = Awaited<ReturnType<typeof templateVersions>>[number];

/** The newest version of each kind in the scopes given. */
export function latestTemplates(db: Executor, scopes: string[]) {
  return db.selectFrom("document_templates as t").leftJoin("users as u", "u.id", "t.created_by").select(columns)
    .distinctOn(["t.scope", "t.kind"])
    .where("t.scope", "in", scopes).orderBy("t.scope").orderBy("t.kind").orderBy("t.version", "desc").execute();
}

/** The newest version of one template of a scope, locking the scope's kind for the writer. */
export function latestTemplateVersion(db: Executor, scope: string, kind: string) {
  return db.selectFrom("document_templates").select(["version", "body"]).where("scope", "=", scope).where("kind", "=", kind)
    .orderBy("version", "desc").limit(1).executeTakeFirst();
}

export async function insertTemplateVersion(db: Executor, row: Insertable<DocumentTemplatesTable>): Promise<void> {
  await db.insertInto("document_templates").values(row).execute();
}

/** Serializes writers of one template (their versions are numbered one after the other). */
export async function lockTemplate(db: Executor, scope: string, kind: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`document_templates:${scope}:${kind}`}))`.execute(db);
}
