import { type Expression, type Insertable, type SqlBool, sql, type Updateable } from "kysely";
import type { Executor } from "../platform/db.ts";
import type { DepartmentsTable, RegionsTable, ServiceHallsTable } from "../platform/schema.ts";
import type { OrganizationScope } from "../policy/index.ts";

// The organization's tables: regions, departments, service halls (R14).

/** The codes of the given regions and of every region below them. */
function subtree(roots: string[]): Expression<string> {
  return sql<string>`(with recursive sub(code) as (
    select code from regions where code in (${sql.join(roots)})
    union select r.code from regions r join sub on r.parent_code = sub.code
  ) select code from sub)`;
}

/**
 * A scope as a condition on rows that have a region and a department column: in a region below a
 * region admin's, or of one of the departments; everything for a platform-wide scope.
 */
export function scopeCondition(scope: OrganizationScope, regionColumn: string, departmentColumn: string): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`true`;
  const parts = [
    ...(scope.regionRoots.length ? [sql`${sql.ref(regionColumn)} in ${subtree(scope.regionRoots)}`] : []),
    ...(scope.departmentIds.length ? [sql`${sql.ref(departmentColumn)} in (${sql.join(scope.departmentIds)})`] : []),
  ];
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`false`;
}

/** A region's code followed by its ancestors' codes, up to the city; null when it does not exist. */
export async function regionPath(db: Executor, code: string): Promise<string[] | null> {
  const rows = await sql<{ code: string; depth: number }>`with recursive up(code, parent_code, depth) as (
    select code, parent_code, 0 from regions where code = ${code}
    union all select r.code, r.parent_code, up.depth + 1 from regions r join up on r.code = up.parent_code where up.depth < 8
  ) select code, depth from up order by depth`.execute(db);
  return rows.rows.length ? rows.rows.map((r) => r.code) : null;
}

export function findRegion(db: Executor, code: string) {
  return db.selectFrom("regions").selectAll().where("code", "=", code).executeTakeFirst();
}

/** The regions in scope: all, the subtrees of a region admin's regions, a department admin's department's region. */
export function listRegions(db: Executor, scope: OrganizationScope, only?: string) {
  let q = db.selectFrom("regions").selectAll().orderBy("code");
  if (only) q = q.where("code", "=", only);
  if (scope.all) return q.execute();
  const { regionRoots, departmentIds } = scope;
  if (!regionRoots.length && !departmentIds.length) return Promise.resolve([]);
  return q
    .where((eb) =>
      eb.or([
        ...(regionRoots.length ? [eb("regions.code", "in", subtree(regionRoots))] : []),
        ...(departmentIds.length ? [eb("regions.code", "in", eb.selectFrom("departments").select("region_code").where("id", "in", departmentIds))] : []),
      ]),
    )
    .execute();
}

export async function insertRegion(db: Executor, row: Insertable<RegionsTable>): Promise<void> {
  await db.insertInto("regions").values(row).execute();
}

export async function renameRegion(db: Executor, code: string, name: string): Promise<void> {
  await db.updateTable("regions").set({ name }).where("code", "=", code).execute();
}

const departmentColumns = [
  "d.id", "d.code", "d.name", "d.short_name", "d.region_code", "d.phone", "d.address", "d.counterpart_id", "d.disabled_at",
  "c.name as counterpart_name",
] as const;

export function findDepartment(db: Executor, id: string) {
  return db.selectFrom("departments as d").leftJoin("departments as c", "c.id", "d.counterpart_id").select(departmentColumns).where("d.id", "=", id).executeTakeFirst();
}
export type DepartmentRow = NonNullable<Awaited<ReturnType<typeof findDepartment>>>;

/** Departments in scope (those of the regions in scope, and a department admin's own), optionally of one region. */
export function listDepartments(db: Executor, scope: OrganizationScope, regionCode?: string) {
  let q = db.selectFrom("departments as d").leftJoin("departments as c", "c.id", "d.counterpart_id").select(departmentColumns)
    .orderBy("d.region_code").orderBy("d.code");
  if (regionCode) q = q.where("d.region_code", "=", regionCode);
  return q.where(scopeCondition(scope, "d.region_code", "d.id")).execute();
}

/** Departments and halls: one name per region, changes to one row serialized. */
type NamedTable = "departments" | "service_halls";

export function namedInRegion(db: Executor, table: NamedTable, regionCode: string, name: string) {
  return db.selectFrom(table).select("id").where("region_code", "=", regionCode).where("name", "=", name).executeTakeFirst();
}

export async function lockRow(db: Executor, table: NamedTable, id: string): Promise<void> {
  await db.selectFrom(table).select("id").where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function insertDepartment(db: Executor, row: Insertable<DepartmentsTable>): Promise<void> {
  await db.insertInto("departments").values(row).execute();
}

export async function updateDepartment(db: Executor, id: string, set: Updateable<DepartmentsTable>): Promise<void> {
  await db.updateTable("departments").set(set).where("id", "=", id).execute();
}

/** What still refers to a department: its open cases (as lead) and its active staff. */
export async function departmentUsage(db: Executor, id: string): Promise<{ openCases: number; activeStaff: number }> {
  const [cases, staff] = await Promise.all([
    db.selectFrom("cases").select((eb) => eb.fn.countAll<string>().as("n")).where("lead_department_id", "=", id).where("closed_at", "is", null).executeTakeFirstOrThrow(),
    db.selectFrom("users").select((eb) => eb.fn.countAll<string>().as("n")).where("department_id", "=", id).where("kind", "=", "staff").where("disabled", "=", false).executeTakeFirstOrThrow(),
  ]);
  return { openCases: Number(cases.n), activeStaff: Number(staff.n) };
}

export function findHall(db: Executor, id: string) {
  return db.selectFrom("service_halls").selectAll().where("id", "=", id).executeTakeFirst();
}
export type HallRow = NonNullable<Awaited<ReturnType<typeof findHall>>>;

/** Halls of the regions in scope (department admins administer none), optionally of one region. */
export function listHalls(db: Executor, scope: OrganizationScope, regionCode?: string) {
  let q = db.selectFrom("service_halls").selectAll().orderBy("region_code").orderBy("code");
  if (regionCode) q = q.where("region_code", "=", regionCode);
  if (scope.all) return q.execute();
  if (!scope.regionRoots.length) return Promise.resolve([]);
  return q.where("region_code", "in", subtree(scope.regionRoots)).execute();
}

export async function insertHall(db: Executor, row: Insertable<ServiceHallsTable>): Promise<void> {
  await db.insertInto("service_halls").values(row).execute();
}

export async function updateHall(db: Executor, id: string, set: Updateable<ServiceHallsTable>): Promise<void> {
  await db.updateTable("service_halls").set(set).where("id", "=", id).execute();
}

/** Active staff seated at a hall. */
export async function hallUsage(db: Executor, id: string): Promise<number> {
  const row = await db.selectFrom("users").select((eb) => eb.fn.countAll<string>().as("n")).where("hall_id", "=", id).where("disabled", "=", false).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every region's parent, to tell each listed thing's path (its region and the regions above). */
export async function regionParents(db: Executor): Promise<Map<string, string | null>> {
  const rows = await db.selectFrom("regions").select(["code", "parent_code"]).execute();
  return new Map(rows.map((r) => [r.code, r.parent_code]));
}
