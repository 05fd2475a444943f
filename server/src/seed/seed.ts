import { hashPassword } from "../identity/passwords.ts";
import { systemActor } from "../platform/actor.ts";
import type { Deps } from "../platform/context.ts";
import { runCommand } from "../audit/command.ts";
import type { Executor } from "../platform/db.ts";
import { newId } from "../platform/ids.ts";
import { shanghaiDay } from "../platform/clock.ts";
import type { ProcessStep } from "../platform/schema.ts";
import type { DemoData, SeedItem } from "./types.ts";

export async function isDemoSeeded(db: Executor): Promise<boolean> {
  const row = await db.selectFrom("platform_settings").select("value").where("key", "=", "demo_seeded").executeTakeFirst();
  return !!row;
}

export async function isEmpty(db: Executor): Promise<boolean> {
  const row = await db.selectFrom("regions").select("code").limit(1).executeTakeFirst();
  return !row;
}

/** Loads the demo data set in one transaction, marking the database as a demo database. */
export async function seedDemo(deps: Deps, data: DemoData): Promise<void> {
  // Hash outside the transaction: argon2 is slow on purpose, and PGlite has one connection.
  const hashes = new Map<string, string>();
  for (const pw of new Set([...data.staff.map((s) => s.password), ...data.applicants.map((a) => a.password)])) {
    hashes.set(pw, await hashPassword(pw));
  }
  await runCommand(deps, systemActor("seed"), { ip: null, requestId: null }, async (ctx) => {
    const { trx, now } = ctx;
    for (const r of [...data.regions].sort((a, b) => (a.parentCode ? 1 : 0) - (b.parentCode ? 1 : 0))) {
      await trx.insertInto("regions").values({ code: r.code, name: r.name, level: r.level, parent_code: r.parentCode ?? null }).execute();
    }
    const deptIds = new Map<string, string>();
    for (const d of data.departments) {
      const id = newId();
      deptIds.set(d.code, id);
      await trx.insertInto("departments").values({
        id, code: d.code, name: d.name, short_name: d.shortName, region_code: d.regionCode, counterpart_id: null,
        phone: d.phone, address: d.address, created_at: now,
      }).execute();
    }
    for (const d of data.departments) {
      if (d.counterpartCode) {
        await trx.updateTable("departments").set({ counterpart_id: deptIds.get(d.counterpartCode) ?? null }).where("code", "=", d.code).execute();
      }
    }
    const dept = (code: string): string => {
      const id = deptIds.get(code);
      if (!id) throw new Error(`demo data: unknown department ${code}`);
      return id;
    };
    for (const h of data.halls) {
      await trx.insertInto("service_halls").values({ id: newId(), code: h.code, name: h.name, region_code: h.regionCode, address: h.address, phone: h.phone, hours: h.hours }).execute();
    }
    const staffIds = new Map<string, string>();
    for (const s of data.staff) {
      const id = newId();
      staffIds.set(s.username, id);
      await trx.insertInto("users").values({
        id, kind: "staff", applicant_type: null, name: s.name, username: s.username, phone: s.phone, id_number: s.idNumber,
        credit_code: null, legal_rep_name: null, legal_rep_id_number: null, password_hash: hashes.get(s.password)!,
        department_id: s.departmentCode ? dept(s.departmentCode) : null, hall_id: null, trained_at: s.trained ? now : null,
        locked_until: null, created_at: now,
      }).execute();
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
      await trx.insertInto("users").values({
        id: newId(), kind: "applicant", applicant_type: a.type, name: a.name, username: null, phone: a.phone,
        id_number: a.idNumber ?? null, credit_code: a.creditCode ?? null, legal_rep_name: a.legalRepresentative?.name ?? null,
        legal_rep_id_number: a.legalRepresentative?.idNumber ?? null, password_hash: hashes.get(a.password)!, department_id: null,
        hall_id: null, trained_at: null, locked_until: null, created_at: now,
      }).execute();
    }
    const deptNames = new Map(data.departments.map((d) => [d.code, d.name]));
    for (const item of data.items) await insertItem(trx, item, dept, deptNames, now);
    await trx.insertInto("platform_settings").values({ key: "demo_seeded", value: JSON.stringify({ at: now.toISOString() }) }).execute();
    await ctx.audit({
      action: "seed.demo",
      objectType: "platform",
      objectId: null,
      newValues: { departments: data.departments.length, staff: data.staff.length, items: data.items.length },
    });
  });
}

async function insertItem(trx: Executor, item: SeedItem, dept: (code: string) => string, deptNames: Map<string, string>, now: Date) {
  const itemId = newId();
  const versionId = newId();
  const leadId = dept(item.departmentCode);
  await trx.insertInto("items").values({
    id: itemId, code: item.code, department_id: leadId, level: item.level, region_code: item.regionCode, name: item.name,
    offline_only: item.offlineOnly ?? false, current_version_id: null, created_at: now,
  }).execute();
  const steps: ProcessStep[] = item.steps.map((s) => ({
    id: s.key,
    name: s.name,
    kind: s.kind as ProcessStep["kind"],
    departmentId: s.kind === "co-handle" ? null : s.department === "lead" ? leadId : dept(s.department),
    role: s.role,
    workingDays: s.workingDays,
    ...(s.clockStops ? { clockStops: true } : {}),
  }));
  const searchText = [item.name, item.code, deptNames.get(item.departmentCode) ?? "", item.legalBasis, item.result, item.conditions]
    .join(" ")
    .toLowerCase();
  await trx.insertInto("item_versions").values({
    id: versionId, item_id: itemId, version: 1, effective_from: now, legal_basis: item.legalBasis, conditions: item.conditions,
    handling_mode: item.offlineOnly ? "hall-only" : "online-and-hall", statutory_days: item.statutoryDays, statutory_extension_days: item.statutoryExtensionDays,
    promised_days: item.promisedDays, yellow_days: item.yellowDays ?? 2, fees: item.fees, result: item.result,
    result_certificate_type: item.resultCertificateType ?? null, responsibilities: item.responsibilities,
    accountability: item.accountability, consultation_phone: item.consultationPhone, complaint_phone: item.complaintPhone,
    applicant_types: item.applicantTypes, form_fields: JSON.stringify(item.formFields), process: JSON.stringify({ steps }),
    assisting_department_ids: (item.assistingDepartmentCodes ?? []).map(dept), cc_department_ids: (item.ccDepartmentCodes ?? []).map(dept),
    search_text: searchText, created_at: now,
    assisting_days: JSON.stringify(Object.fromEntries(Object.entries(item.assistingDays ?? {}).map(([code, days]) => [dept(code), days]))),
    result_department_ids: (item.resultDepartmentCodes ?? []).map(dept),
  }).execute();
  let sort = 0;
  for (const m of item.materials) {
    await trx.insertInto("item_materials").values({
      id: newId(), item_version_id: versionId, key: m.key, name: m.name, required: m.required, description: m.description ?? null,
      has_form: m.hasForm ?? false, certificate_type: m.certificateType ?? null, sort: sort++,
    }).execute();
  }
  await trx.updateTable("items").set({ current_version_id: versionId }).where("id", "=", itemId).execute();
}
