import { mintIntegrationToken } from "../identity/integrationTokens.ts";
import { hashPassword } from "../identity/passwords.ts";
import { systemActor } from "../platform/actor.ts";
import type { Deps } from "../platform/context.ts";
import { runCommand } from "../audit/command.ts";
import type { Executor } from "../platform/db.ts";
import { newId } from "../platform/ids.ts";
import { shanghaiDay } from "../platform/clock.ts";
import { applyCatalog } from "../catalog/file/importCatalog.ts";
import type { DemoData } from "./types.ts";
import { insertUser } from "../identity/repository.ts";
import { personalDataOf } from "../platform/personalData.ts";

export async function isDemoSeeded(db: Executor): Promise<boolean> {
  const row = await db.selectFrom("platform_settings").select("value").where("key", "=", "demo_seeded").executeTakeFirst();
  return !!row;
}

export async function isEmpty(db: Executor): Promise<boolean> {
  const row = await db.selectFrom("regions").select("code").limit(1).executeTakeFirst();
  return !row;
}

/** Loads the demo data set in one transaction, marking the database as a demo database; the catalog goes through the catalog importer. */
export async function seedDemo(deps: Deps, data: DemoData): Promise<void> {
  // Hash outside the transaction: argon2 is slow on purpose, and PGlite has one connection.
  const hashes = new Map<string, string>();
  for (const pw of new Set([...data.staff.map((s) => s.password), ...data.applicants.map((a) => a.password)])) {
    hashes.set(pw, await hashPassword(pw));
  }
  await runCommand(deps, systemActor("seed"), { ip: null, requestId: null }, async (ctx) => {
    const { trx, now } = ctx;
    await applyCatalog(ctx, data.catalog);
    const deptIds = new Map((await trx.selectFrom("departments").select(["code", "id"]).execute()).map((d) => [d.code, d.id]));
    const dept = (code: string): string => {
      const id = deptIds.get(code);
      if (!id) throw new Error(`demo data: unknown department ${code}`);
      return id;
    };
    const staffIds = new Map<string, string>();
    for (const s of data.staff) {
      const id = newId();
      staffIds.set(s.username, id);
      await insertUser(trx, personalDataOf(ctx.deps.config), {
        id, kind: "staff", applicant_type: null, name: s.name, username: s.username, phone: s.phone, id_number: s.idNumber,
        credit_code: null, legal_rep_name: null, legal_rep_id_number: null, password_hash: hashes.get(s.password)!,
        department_id: s.departmentCode ? dept(s.departmentCode) : null, hall_id: null, trained_at: s.trained ? now : null,
        locked_until: null, created_at: now,
      });
      for (const role of s.roles) {
        const regionScoped = role === "region-admin";
        // Platform roles are not held in a department: the supervising office sees every department.
        const platformWide = role === "platform-admin" || role === "supervisor";
        await trx.insertInto("role_assignments").values({
          id: newId(), user_id: id, role,
          department_id: regionScoped || platformWide || !s.departmentCode ? null : dept(s.departmentCode),
          region_code: regionScoped ? (s.regionCode ?? null) : null,
          created_at: now,
        }).execute();
      }
    }
    // Trained staff carry the record of the training that qualified them (R17), entered by the platform admin.
    const recorder = staffIds.get(data.staff.find((s) => s.roles.includes("platform-admin"))?.username ?? "");
    const completedOn = shanghaiDay(new Date(now.getTime() - 30 * 86_400_000));
    let certificate = 0;
    for (const s of data.staff.filter((x) => x.trained)) {
      await trx.insertInto("training_records").values({
        id: newId(), user_id: staffIds.get(s.username)!, course: "行政许可法及网上行政审批业务培训", hours: 16, completed_on: completedOn,
        certificate_no: `CQSP-PX-${completedOn.slice(0, 4)}-${String(++certificate).padStart(4, "0")}`, recorded_by: recorder ?? staffIds.get(s.username)!, recorded_at: now,
      }).execute();
    }
    for (const a of data.applicants) {
      await insertUser(trx, personalDataOf(ctx.deps.config), {
        id: newId(), kind: "applicant", applicant_type: a.type, name: a.name, username: null, phone: a.phone,
        id_number: a.idNumber ?? null, credit_code: a.creditCode ?? null, legal_rep_name: a.legalRepresentative?.name ?? null,
        legal_rep_id_number: a.legalRepresentative?.idNumber ?? null, password_hash: hashes.get(a.password)!, department_id: null,
        hall_id: null, trained_at: null, locked_until: null, created_at: now,
      });
    }
    // One department system already connected, so that 系统对接 is not empty: its token is minted and
    // thrown away (only the hash is kept); the department's admin rotates it to get one to use.
    const scjg = deptIds.get("cq-scjgj");
    if (scjg) {
      const { hash, hint } = mintIntegrationToken();
      await trx.insertInto("integration_clients").values({
        id: newId(), name: "市场监管综合业务系统", department_id: scjg, scopes: JSON.stringify(["cases:read", "results:write", "certificates:read"]),
        token_hash: hash, token_hint: hint, previous_token_hash: null, previous_valid_until: null, created_by: staffIds.get("cq.scjg.admin") ?? null,
        created_at: now, rotated_at: null, revoked_at: null, revoked_by: null, last_used_at: null,
      }).execute();
    }
    await trx.insertInto("platform_settings").values({ key: "demo_seeded", value: JSON.stringify({ at: now.toISOString() }) }).execute();
    await ctx.audit({
      action: "seed.demo",
      objectType: "platform",
      objectId: null,
      newValues: { departments: data.departments.length, staff: data.staff.length, items: data.items.length },
    });
  });
}
