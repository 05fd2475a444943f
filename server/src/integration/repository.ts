import type { Insertable } from "kysely";
import type { Executor } from "../platform/db.ts";
import type { IntegrationClientsTable } from "../platform/schema.ts";

// The tables of department systems' clients and their calls (R5). Token hashes never leave this file
// except to be compared.

const clientColumns = [
  "integration_clients.id", "integration_clients.name", "integration_clients.department_id", "integration_clients.scopes",
  "integration_clients.token_hint", "integration_clients.previous_valid_until", "integration_clients.rate_limit_per_minute",
  "integration_clients.created_at", "integration_clients.rotated_at", "integration_clients.revoked_at", "integration_clients.last_used_at",
] as const;

function clients(db: Executor) {
  return db
    .selectFrom("integration_clients")
    .innerJoin("departments", "departments.id", "integration_clients.department_id")
    .leftJoin("users", "users.id", "integration_clients.created_by")
    .select(clientColumns)
    .select(["departments.name as department_name", "users.name as created_by_name"]);
}

export type ClientRow = Awaited<ReturnType<typeof findClient>> & object;

export function findClient(db: Executor, id: string) {
  return clients(db).where("integration_clients.id", "=", id).executeTakeFirst();
}

/** The clients of the given departments (every department's with `all`), newest first. */
export function listClients(db: Executor, scope: { all: boolean; departments: string[] }) {
  let q = clients(db);
  if (!scope.all) q = q.where("integration_clients.department_id", "in", scope.departments.length ? scope.departments : [""]);
  return q.orderBy("integration_clients.created_at", "desc").orderBy("integration_clients.id").execute();
}

/** The client row under the transaction's lock, so that two rotations or revocations run one after the other. */
export function lockClient(db: Executor, id: string) {
  return db.selectFrom("integration_clients").select(["id", "name", "department_id", "revoked_at", "token_hash"]).where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function insertClient(db: Executor, row: Insertable<IntegrationClientsTable>): Promise<void> {
  await db.insertInto("integration_clients").values(row).execute();
}

export async function rotateClientToken(db: Executor, id: string, next: { hash: string; hint: string; previousHash: string | null; previousValidUntil: Date | null; at: Date }) {
  await db
    .updateTable("integration_clients")
    .set({ token_hash: next.hash, token_hint: next.hint, previous_token_hash: next.previousHash, previous_valid_until: next.previousValidUntil, rotated_at: next.at })
    .where("id", "=", id)
    .execute();
}

export async function revokeClient(db: Executor, id: string, by: string | null, at: Date): Promise<void> {
  await db.updateTable("integration_clients").set({ revoked_at: at, revoked_by: by, previous_token_hash: null, previous_valid_until: null }).where("id", "=", id).execute();
}

export async function setClientRateLimit(db: Executor, id: string, perMinute: number): Promise<void> {
  await db.updateTable("integration_clients").set({ rate_limit_per_minute: perMinute }).where("id", "=", id).execute();
}

export async function clientRateLimit(db: Executor, id: string): Promise<number | undefined> {
  return (await db.selectFrom("integration_clients").select("rate_limit_per_minute").where("id", "=", id).executeTakeFirst())?.rate_limit_per_minute;
}

/** Records one call (never the token nor the path's ids: the route pattern). */
export async function insertCall(db: Executor, call: { clientId: string; method: string; route: string; status: number; at: Date }): Promise<void> {
  await db.insertInto("integration_calls").values({ client_id: call.clientId, method: call.method, route: call.route, status: call.status, at: call.at }).execute();
}

/** Deletes the calls logged before `before`; how many there were. */
export async function deleteCallsBefore(db: Executor, before: Date): Promise<number> {
  const r = await db.deleteFrom("integration_calls").where("at", "<", before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** Notes the last use, writing at most once a minute per client. */
export async function touchLastUsed(db: Executor, id: string, at: Date): Promise<void> {
  const minuteAgo = new Date(at.getTime() - 60_000);
  await db
    .updateTable("integration_clients")
    .set({ last_used_at: at })
    .where("id", "=", id)
    .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<", minuteAgo)]))
    .execute();
}

export function recentCalls(db: Executor, clientId: string, limit = 50) {
  return db
    .selectFrom("integration_calls")
    .select(["method", "route", "status", "at"])
    .where("client_id", "=", clientId)
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}
