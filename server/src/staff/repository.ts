import type { Insertable } from "kysely";
import { openUser } from "../identity/repository.ts";
import type { Executor } from "../platform/db.ts";
import type { PersonalData } from "../platform/personalData.ts";
import type { StaffChangesTable, StaffChangeStatus, TrainingRecordsTable } from "../platform/schema.ts";

const staffColumns = [
  "users.id", "users.username", "users.name", "users.phone", "users.id_number", "users.department_id", "users.trained_at",
  "users.disabled", "departments.name as department_name", "departments.region_code as department_region",
] as const;

/** One staff member with the place that decides who administers them (department and its region). */
export async function findStaff(db: Executor, pd: PersonalData, id: string) {
  const row = await db
    .selectFrom("users")
    .leftJoin("departments", "departments.id", "users.department_id")
    .select(staffColumns)
    .where("users.id", "=", id)
    .where("users.kind", "=", "staff")
    .executeTakeFirst();
  return openUser(pd, row);
}
export type StaffRow = NonNullable<Awaited<ReturnType<typeof findStaff>>>;

/** Serializes changes to one staff member (a second pending request waits, then sees the first). */
export async function lockStaff(db: Executor, id: string): Promise<void> {
  await db.selectFrom("users").select("id").where("id", "=", id).forUpdate().executeTakeFirst();
}

/** Region admins have no department: their region is their place. */
export async function regionGrantsOf(db: Executor, userIds: string[]): Promise<Map<string, string>> {
  if (!userIds.length) return new Map();
  const rows = await db
    .selectFrom("role_assignments").select(["user_id", "region_code"])
    .where("user_id", "in", userIds).where("role", "=", "region-admin").where("region_code", "is not", null)
    .execute();
  return new Map(rows.map((r) => [r.user_id, r.region_code as string]));
}

/** Staff in scope, optionally of one department and matching a name or username. */
export async function listStaff(
  db: Executor,
  pd: PersonalData,
  scope: { all: true } | { all: false; regionCodes: string[]; departmentIds: string[] },
  filter: { departmentId?: string | undefined; q?: string | undefined },
) {
  let q = db
    .selectFrom("users")
    .leftJoin("departments", "departments.id", "users.department_id")
    .select(staffColumns)
    .where("users.kind", "=", "staff");
  if (!scope.all) {
    const { regionCodes, departmentIds } = scope;
    if (!regionCodes.length && !departmentIds.length) return [];
    q = q.where((eb) =>
      eb.or([
        ...(departmentIds.length ? [eb("users.department_id", "in", departmentIds)] : []),
        ...(regionCodes.length
          ? [
              eb("departments.region_code", "in", regionCodes),
              eb.exists(
                eb.selectFrom("role_assignments as ra").select("ra.id")
                  .whereRef("ra.user_id", "=", "users.id").where("ra.role", "=", "region-admin").where("ra.region_code", "in", regionCodes),
              ),
            ]
          : []),
      ]),
    );
  }
  if (filter.departmentId) q = q.where("users.department_id", "=", filter.departmentId);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) => eb.or([eb("users.name", "like", like), eb("users.username", "like", like)]));
  }
  return (await q.orderBy("departments.code").orderBy("users.username").limit(500).execute()).map((r) => openUser(pd, r));
}

export function roleAssignmentsOf(db: Executor, userIds: string[]) {
  if (!userIds.length) return Promise.resolve([]);
  return db
    .selectFrom("role_assignments")
    .leftJoin("departments", "departments.id", "role_assignments.department_id")
    .select(["role_assignments.id", "role_assignments.user_id", "role_assignments.role", "role_assignments.department_id", "role_assignments.region_code", "departments.name as department_name"])
    .where("role_assignments.user_id", "in", userIds)
    .orderBy("role_assignments.created_at")
    .execute();
}

export function findRoleAssignment(db: Executor, id: string) {
  return db.selectFrom("role_assignments").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function insertRoleAssignment(db: Executor, row: { id: string; userId: string; role: string; departmentId: string | null; regionCode: string | null; at: Date }) {
  await db.insertInto("role_assignments").values({ id: row.id, user_id: row.userId, role: row.role, department_id: row.departmentId, region_code: row.regionCode, created_at: row.at }).execute();
}

export async function deleteRoleAssignment(db: Executor, id: string) {
  await db.deleteFrom("role_assignments").where("id", "=", id).execute();
}

export async function updateStaffDetails(db: Executor, pd: PersonalData, id: string, patch: { name?: string; phone?: string; disabled?: boolean }) {
  const { phone, ...rest } = patch;
  await db
    .updateTable("users")
    .set({ ...rest, ...(phone !== undefined ? { phone: pd.seal(phone), phone_index: pd.index("phone", phone) } : {}) })
    .where("id", "=", id)
    .execute();
}

export async function deleteSessionsOf(db: Executor, userId: string) {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

/** Other staff accounts already using a username, phone or ID number. */
export async function staffConflicts(db: Executor, pd: PersonalData, by: { username?: string; phone?: string; idNumber?: string }, exceptId?: string) {
  let q = db.selectFrom("users").select(["id", "username", "phone", "id_number"]).where("kind", "=", "staff");
  q = q.where((eb) =>
    eb.or([
      ...(by.username ? [eb("username", "=", by.username)] : []),
      ...(by.phone ? [eb.and([eb("phone_index", "in", pd.indexes("phone", by.phone)), eb("disabled", "=", false)])] : []),
      ...(by.idNumber ? [eb("id_number_index", "in", pd.indexes("id-number", by.idNumber))] : []),
    ]),
  );
  if (exceptId) q = q.where("id", "<>", exceptId);
  return (await q.execute()).map((r) => openUser(pd, r));
}

export function departmentById(db: Executor, id: string) {
  return db.selectFrom("departments").select(["id", "name", "region_code"]).where("id", "=", id).executeTakeFirst();
}

export function regionExists(db: Executor, code: string) {
  return db.selectFrom("regions").select("code").where("code", "=", code).executeTakeFirst();
}

/** Departments the actor's scope covers, for filters and forms. */
export function departmentsInScope(db: Executor, scope: { all: true } | { all: false; regionCodes: string[]; departmentIds: string[] }) {
  let q = db.selectFrom("departments").select(["id", "name", "region_code", "code"]);
  if (!scope.all) {
    if (!scope.regionCodes.length && !scope.departmentIds.length) return Promise.resolve([]);
    q = q.where((eb) =>
      eb.or([
        ...(scope.departmentIds.length ? [eb("id", "in", scope.departmentIds)] : []),
        ...(scope.regionCodes.length ? [eb("region_code", "in", scope.regionCodes)] : []),
      ]),
    );
  }
  return q.orderBy("code").execute();
}

// --- change requests --------------------------------------------------------------------------

/** The personal data a change request carries (a new member's phone and ID number, a new phone) is stored sealed. */
function mapChangePayload(payload: Record<string, unknown>, f: (v: string) => string): Record<string, unknown> {
  const staff = payload.staff as { phone?: string; idNumber?: string } | undefined;
  const changes = payload.changes as { phone?: string } | undefined;
  return {
    ...payload,
    ...(staff ? { staff: { ...staff, ...(staff.phone ? { phone: f(staff.phone) } : {}), ...(staff.idNumber ? { idNumber: f(staff.idNumber) } : {}) } } : {}),
    ...(changes?.phone ? { changes: { ...changes, phone: f(changes.phone) } } : {}),
  };
}

export async function insertStaffChange(db: Executor, pd: PersonalData, row: Omit<Insertable<StaffChangesTable>, "payload"> & { payload: Record<string, unknown> }) {
  await db.insertInto("staff_changes").values({ ...row, payload: JSON.stringify(mapChangePayload(row.payload, (v) => pd.seal(v))) }).execute();
}

const openChange = <T extends { payload: unknown }>(pd: PersonalData, row: T): T => ({ ...row, payload: mapChangePayload(row.payload as Record<string, unknown>, (v) => pd.open(v)) });

const changeColumns = [
  "staff_changes.id", "staff_changes.kind", "staff_changes.status", "staff_changes.staff_id", "staff_changes.department_id",
  "staff_changes.payload", "staff_changes.reason", "staff_changes.requested_by", "staff_changes.requested_at",
  "staff_changes.decided_by", "staff_changes.decided_at", "staff_changes.decision_note",
] as const;

function changesQuery(db: Executor) {
  return db
    .selectFrom("staff_changes")
    .leftJoin("users as target", "target.id", "staff_changes.staff_id")
    .innerJoin("users as requester", "requester.id", "staff_changes.requested_by")
    .leftJoin("users as decider", "decider.id", "staff_changes.decided_by")
    .leftJoin("departments", "departments.id", "staff_changes.department_id")
    .select([
      ...changeColumns,
      "target.name as staff_name", "requester.name as requester_name", "decider.name as decider_name",
      "departments.name as department_name", "departments.region_code as department_region",
    ]);
}

export async function findStaffChange(db: Executor, pd: PersonalData, id: string, opts: { lock?: boolean } = {}) {
  if (opts.lock) await lockedChange(db, id);
  const row = await changesQuery(db).where("staff_changes.id", "=", id).executeTakeFirst();
  return row && openChange(pd, row);
}
export type StaffChangeRow = NonNullable<Awaited<ReturnType<typeof findStaffChange>>>;

/** Takes the row lock so that two people deciding the same request at once are serialized. */
async function lockedChange(db: Executor, id: string) {
  await db.selectFrom("staff_changes").select("id").where("id", "=", id).forUpdate().executeTakeFirst();
}

export function pendingChangeOf(db: Executor, staffId: string) {
  return db.selectFrom("staff_changes").select("id").where("staff_id", "=", staffId).where("status", "=", "pending").executeTakeFirst();
}

/** The pending change of each of these staff members, if any. */
export async function pendingByStaff(db: Executor, staffIds: string[]): Promise<Map<string, string>> {
  if (!staffIds.length) return new Map();
  const rows = await db.selectFrom("staff_changes").select(["id", "staff_id"]).where("staff_id", "in", staffIds).where("status", "=", "pending").execute();
  return new Map(rows.map((r) => [r.staff_id as string, r.id]));
}

/** Pending "create" requests asking for the same username, phone or ID number. */
export async function pendingCreatesClashing(db: Executor, pd: PersonalData, by: { username: string; phone: string; idNumber: string }) {
  const rows = (await db.selectFrom("staff_changes").select(["id", "payload"]).where("kind", "=", "create").where("status", "=", "pending").execute()).map((r) => openChange(pd, r));
  return rows.filter((r) => {
    const s = (r.payload as { staff?: { username?: string; phone?: string; idNumber?: string } }).staff ?? {};
    return s.username === by.username || s.phone === by.phone || s.idNumber === by.idNumber;
  });
}

export async function listStaffChanges(db: Executor, pd: PersonalData, filter: { status?: StaffChangeStatus | undefined; staffId?: string | undefined }) {
  let q = changesQuery(db);
  if (filter.status) q = q.where("staff_changes.status", "=", filter.status);
  if (filter.staffId) q = q.where("staff_changes.staff_id", "=", filter.staffId);
  return (await q.orderBy("staff_changes.requested_at", "desc").limit(300).execute()).map((r) => openChange(pd, r));
}

export async function decideStaffChangeRow(
  db: Executor,
  id: string,
  patch: { status: StaffChangeStatus; decidedBy: string | null; at: Date; note: string | null; staffId?: string },
): Promise<boolean> {
  const res = await db
    .updateTable("staff_changes")
    .set({
      status: patch.status, decided_by: patch.decidedBy, decided_at: patch.at, decision_note: patch.note,
      ...(patch.staffId ? { staff_id: patch.staffId } : {}),
    })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

// --- training ---------------------------------------------------------------------------------

export async function insertTrainingRecord(db: Executor, row: Insertable<TrainingRecordsTable>) {
  await db.insertInto("training_records").values(row).execute();
}

export async function markTrained(db: Executor, userId: string, at: Date) {
  await db.updateTable("users").set({ trained_at: at }).where("id", "=", userId).where("trained_at", "is", null).execute();
}

export function trainingRecordsOf(db: Executor, userId: string) {
  return db
    .selectFrom("training_records")
    .innerJoin("users", "users.id", "training_records.recorded_by")
    .select([
      "training_records.id", "training_records.course", "training_records.hours", "training_records.completed_on",
      "training_records.certificate_no", "training_records.recorded_at", "users.name as recorded_by_name",
    ])
    .where("training_records.user_id", "=", userId)
    .orderBy("training_records.completed_on", "desc")
    .execute();
}
