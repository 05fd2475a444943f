import { sql } from "kysely";
import type { Db, Executor } from "../platform/db.ts";
import type { IndexKind, PersonalData } from "../platform/personalData.ts";

// Seals every stored ID number, phone number, postal address and second-factor secret under the newest personal-data
// key, and fills the blind indexes: once after the upgrade that introduced sealing (the values were
// stored in the clear), and after each key rotation (PERSONAL_DATA_KEY new, the old one moved to
// PERSONAL_DATA_PREVIOUS_KEYS). Runs at start before the platform serves, and as `personal-data-reseal`.
// A marker remembers the key the last complete sweep sealed with, so an ordinary start costs one read.

const MARKER = "personal_data_sealed_with";
const BATCH = 500;

interface Column {
  column: string;
  index?: { column: string; kind: IndexKind };
}
interface Table {
  table: "users" | "outbox" | "certificates" | "delivery_choices" | "deliveries" | "webhook_subscriptions";
  key: string;
  columns: Column[];
  /** A JSON column holding copies of sealed fields (the signed certificate payload), and an object of such fields in it (its particulars). */
  json?: { column: string; fields: string[]; nested?: string };
  /** A JSON column holding a list of `{ value }` entries, those sealed sealed with the row (a certificate's particulars). */
  sealedList?: string;
}

const TABLES: Table[] = [
  {
    table: "users",
    key: "id",
    columns: [
      { column: "phone", index: { column: "phone_index", kind: "phone" } },
      { column: "id_number", index: { column: "id_number_index", kind: "id-number" } },
      { column: "legal_rep_id_number" },
      { column: "totp_secret" },
      { column: "totp_pending_secret" },
      { column: "email" },
    ],
  },
  { table: "outbox", key: "id", columns: [{ column: "to_address", index: { column: "to_index", kind: "address" } }] },
  // Where the applicant asked the result to be mailed, and where it was.
  { table: "delivery_choices", key: "case_id", columns: [{ column: "phone" }, { column: "address" }] },
  { table: "deliveries", key: "id", columns: [{ column: "address" }] },
  // A webhook's signing secret: sealed like personal data, since it must be recovered to sign.
  { table: "webhook_subscriptions", key: "id", columns: [{ column: "secret" }] },
  // A certificate's personal particulars are sealed when its holder code is, so they are resealed with it.
  {
    table: "certificates",
    key: "certificate_no",
    columns: [{ column: "holder_code" }],
    json: { column: "payload", fields: ["holderCode"], nested: "particulars" },
    sealedList: "particulars",
  },
];

export interface ResealResult {
  skipped: boolean;
  values: number;
}

/** Seals what is not yet sealed under the newest key; returns how many values it sealed. */
export async function sealPersonalData(db: Db, pd: PersonalData, opts: { force?: boolean } = {}): Promise<ResealResult> {
  const marker = await db.selectFrom("platform_settings").select("value").where("key", "=", MARKER).executeTakeFirst();
  if (!opts.force && marker && markerValue(marker.value) === pd.currentPrefix) return { skipped: true, values: 0 };
  let values = 0;
  for (const t of TABLES) for (const c of t.columns) values += await resealColumn(db, pd, t, c);
  values += await resealStaffChanges(db, pd);
  await db
    .insertInto("platform_settings")
    .values({ key: MARKER, value: JSON.stringify(pd.currentPrefix) })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: JSON.stringify(pd.currentPrefix) }))
    .execute();
  return { skipped: false, values };
}

/** The marker as read: a JSON column comes back parsed on some drivers, as text on others. */
const markerValue = (v: unknown): unknown => (typeof v === "string" && v.startsWith('"') ? JSON.parse(v) : v);

async function resealColumn(db: Db, pd: PersonalData, t: Table, c: Column): Promise<number> {
  let n = 0;
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const rows = await sql<Record<string, unknown>>`select ${sql.ref(t.key)} as k, ${sql.ref(c.column)} as v${t.json ? sql`, ${sql.ref(t.json.column)} as j` : sql``}${t.sealedList ? sql`, ${sql.ref(t.sealedList)} as l` : sql``}
        from ${sql.table(t.table)} where ${sql.ref(c.column)} is not null and ${sql.ref(c.column)} <> '' and ${sql.ref(c.column)} not like ${`${pd.currentPrefix}%`}
        limit ${BATCH} for update`.execute(trx);
      for (const row of rows.rows) {
        const plain = pd.open(row.v as string);
        const set: Record<string, unknown> = { [c.column]: pd.seal(plain) };
        if (c.index) set[c.index.column] = pd.index(c.index.kind, plain);
        if (t.json && row.j) set[t.json.column] = JSON.stringify(resealFields(pd, parsed(row.j) as Record<string, unknown>, t.json.fields, t.json.nested));
        if (t.sealedList && row.l) set[t.sealedList] = JSON.stringify(resealList(pd, parsed(row.l) as { value?: unknown }[]));
        await update(trx, t, row.k as string, set);
      }
      n += rows.rows.length;
      return rows.rows.length < BATCH;
    });
    if (done) return n;
  }
}

const parsed = (v: unknown): unknown => (typeof v === "string" ? JSON.parse(v) : v);
const resealIfSealed = (pd: PersonalData, v: unknown): unknown => (typeof v === "string" && pd.isSealed(v) ? pd.seal(pd.open(v)) : v);

function resealFields(pd: PersonalData, obj: Record<string, unknown>, fields: string[], nested?: string): Record<string, unknown> {
  const out = { ...obj };
  for (const f of fields) if (typeof out[f] === "string" && out[f]) out[f] = pd.seal(pd.open(out[f]));
  const inner = nested ? out[nested] : undefined;
  if (nested && inner && typeof inner === "object") {
    out[nested] = Object.fromEntries(Object.entries(inner as Record<string, unknown>).map(([k, v]) => [k, resealIfSealed(pd, v)]));
  }
  return out;
}

function resealList(pd: PersonalData, list: { value?: unknown }[]): { value?: unknown }[] {
  return Array.isArray(list) ? list.map((e) => ({ ...e, value: resealIfSealed(pd, e.value) })) : list;
}

async function update(trx: Executor, t: Table, key: string, set: Record<string, unknown>) {
  await trx.updateTable(t.table).set(set as never).where(t.key as never, "=", key as never).execute();
}

/** The phones and ID numbers inside staff change requests (few rows: read whole). */
async function resealStaffChanges(db: Db, pd: PersonalData): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom("staff_changes").select(["id", "payload"]).where("kind", "in", ["create", "update"]).forUpdate().execute();
    let n = 0;
    for (const r of rows) {
      const p = r.payload as { staff?: Record<string, unknown>; changes?: Record<string, unknown> };
      const part = p.staff ?? p.changes;
      if (!part) continue;
      const fields = ["phone", "idNumber"].filter((f) => typeof part[f] === "string" && !pd.isSealedUnderCurrent(part[f] as string));
      if (!fields.length) continue;
      const next = { ...p, [p.staff ? "staff" : "changes"]: resealFields(pd, part, fields) };
      await trx.updateTable("staff_changes").set({ payload: JSON.stringify(next) }).where("id", "=", r.id).execute();
      n += fields.length;
    }
    return n;
  });
}
