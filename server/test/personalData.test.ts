import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { sealPersonalData } from "../src/ops/personalData.ts";
import { loadConfig } from "../src/platform/config.ts";
import { PersonalData, personalDataOf } from "../src/platform/personalData.ts";
import { loadKeyring } from "../src/platform/keyring.ts";
import { demoData } from "../src/seed/demo-data.ts";
import { DEMO_PASSWORD, sampleFormValue, startPlatform, type TestPlatform } from "./helpers.ts";
import { applicantOf, WorkflowDriver } from "./workflowDriver.ts";

// ID numbers, phone numbers and second-factor secrets at rest (等保 level 3): sealed with a key from
// the environment, found by blind index, shown in full only in the case file of those entitled,
// masked in the audit, and re-sealed under a new key after a rotation.

const keyring = (current: string, previous: string[] = []) =>
  loadKeyring({ current, previous, env: "test", dataDir: "/nonexistent", fileName: "x", variable: "PERSONAL_DATA_KEY", why: "" });
const hex = () => randomBytes(32).toString("hex");

describe("sealing", () => {
  it("seals differently each time, opens, refuses an altered value, and indexes equal values equally", () => {
    const pd = new PersonalData(keyring(hex()));
    const a = pd.seal("13800138000");
    const b = pd.seal("13800138000");
    expect(a).not.toBe(b);
    expect(a).not.toContain("13800138000");
    expect(pd.open(a)).toBe("13800138000");
    expect(pd.open("plain value")).toBe("plain value");
    const body = a.slice(a.lastIndexOf(":") + 1);
    const flipped = `${a.slice(0, a.lastIndexOf(":") + 1)}${body.slice(0, 10)}${body[10] === "A" ? "B" : "A"}${body.slice(11)}`;
    expect(() => pd.open(flipped)).toThrow();
    expect(pd.index("phone", "13800138000")).toBe(pd.index("phone", " 13800138000 "));
    expect(pd.index("phone", "13800138000")).not.toBe(pd.index("id-number", "13800138000"));
    expect(pd.index("id-number", "50011219900307123x")).toBe(pd.index("id-number", "50011219900307123X"));
  });

  it("after a rotation opens what the old key sealed and finds it by either index", () => {
    const oldKey = hex();
    const before = new PersonalData(keyring(oldKey));
    const sealed = before.seal("500112199003071235");
    const after = new PersonalData(keyring(hex(), [oldKey]));
    expect(after.open(sealed)).toBe("500112199003071235");
    expect(after.isSealedUnderCurrent(sealed)).toBe(false);
    expect(after.indexes("id-number", "500112199003071235")).toContain(before.index("id-number", "500112199003071235"));
    expect(() => new PersonalData(keyring(hex())).open(sealed)).toThrow(/not configured/);
  });

  it("refuses to start in production without PERSONAL_DATA_KEY", () => {
    expect(() => personalDataOf({ ...loadConfig({ NODE_ENV: "production" }), personalDataKey: undefined })).toThrow(/PERSONAL_DATA_KEY/);
  });
});

let t: TestPlatform | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Every row of every table as text: where a value in the clear would show. */
async function wholeDatabase(p: TestPlatform): Promise<string> {
  const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(p.db);
  const parts: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = await sql<{ r: string }>`select row_to_json(x)::text as r from ${sql.table(table_name)} x`.execute(p.db);
    parts.push(...rows.rows.map((r) => `${table_name}: ${r.r}`));
  }
  return parts.join("\n");
}

describe("personal data in the database", () => {
  it("holds no ID number or phone number of anyone in the clear, yet logs in, finds and shows them to those entitled", async () => {
    t = await startPlatform();
    const p = t;
    // A new registration, an SMS code, a case whose form has a phone field, a hall look-up.
    const phone = "13900007777";
    const idNumber = "110101199003074477";
    expect((await p.request({ method: "POST", url: "/api/auth/sms-codes", payload: { phone, purpose: "register" } })).statusCode).toBe(202);
    const registered = await p.request({
      method: "POST", url: "/api/auth/register",
      payload: { type: "person", name: "宋晓梅", idNumber, phone, smsCode: await p.smsCode(phone), password: "Applicant-2026" },
    });
    expect(registered.statusCode).toBe(201);
    const drive = new WorkflowDriver(p);
    const owner = await p.login(applicantOf("person", 0).phone);
    const caseId = await drive.apply("YB-SCJG-001", owner);

    const dump = await wholeDatabase(p);
    const people = [...demoData.applicants, ...demoData.staff];
    for (const x of [phone, idNumber, String(sampleFormValue({ type: "phone" })), ...people.map((a) => a.phone), ...people.flatMap((a) => ("idNumber" in a && a.idNumber ? [a.idNumber] : []))]) {
      expect(dump.includes(x), `a value in the clear: ${x.slice(0, 3)}…`).toBe(false);
    }
    expect(dump).toContain("pd1:");

    // Log in by phone and by ID number; the hall finds the applicant by ID number.
    expect((await p.request({ method: "POST", url: "/api/auth/login", payload: { login: phone, password: "Applicant-2026" } })).statusCode).toBe(200);
    expect((await p.request({ method: "POST", url: "/api/auth/login", payload: { login: idNumber, password: "Applicant-2026" } })).statusCode).toBe(200);
    const clerk = await p.login("yb.scjg.clerk");
    const found = await clerk.inject({ method: "GET", url: `/api/hall/applicants?idNumber=${idNumber}` });
    expect(found.statusCode).toBe(200);
    expect(found.json().items).toEqual([expect.objectContaining({ name: "宋晓梅", phone: "139****7777" })]);

    // The owner sees their own numbers in full; the clerk masked ones, and the form's phone in full (the case file).
    const own = (await owner.inject({ method: "GET", url: `/api/cases/${caseId}` })).json();
    const person = applicantOf("person", 0);
    expect(own.applicant.phone).toBe(person.phone);
    expect(own.applicant.idNumber).toBe(person.idNumber);
    const phoneField = own.formFields.find((f: { type: string }) => f.type === "phone");
    expect(own.formData[phoneField.key]).toBe(sampleFormValue(phoneField));
    const seen = (await clerk.inject({ method: "GET", url: `/api/cases/${caseId}` })).json();
    expect(seen.applicant.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(seen.applicant.idNumber).toMatch(/^\d{6}\*+[\dX]{4}$/);
    expect(seen.formData[phoneField.key]).toBe(sampleFormValue(phoneField));

    // A form value that is not a phone number is refused, nothing written.
    const bad = await owner.inject({ method: "POST", url: `/api/cases`, payload: { itemId: own.item?.id ?? (await firstItemId(p)), formData: { [phoneField.key]: "not a phone" } } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe("FORM_VALUE_INVALID");
  }, 120_000);

  it("re-seals every value under a new key after a rotation, and the platform goes on", async () => {
    t = await startPlatform();
    const p = t;
    const config = p.platform.deps.config;
    const oldPd = personalDataOf(config);
    const rotated = { ...config, personalDataKey: hex(), personalDataPreviousKeys: [config.personalDataKey!] };
    const newPd = personalDataOf(rotated);
    const result = await sealPersonalData(p.db, newPd);
    expect(result.skipped).toBe(false);
    expect(result.values).toBeGreaterThan(demoData.applicants.length);
    // A second run has nothing left to do.
    expect(await sealPersonalData(p.db, newPd)).toEqual({ skipped: true, values: 0 });
    const users = await p.db.selectFrom("users").select(["phone", "phone_index"]).where("phone", "is not", null).execute();
    for (const u of users) {
      expect(newPd.isSealedUnderCurrent(u.phone!)).toBe(true);
      expect(u.phone_index).toBe(newPd.index("phone", newPd.open(u.phone!)));
    }
    // Only the new key now: the old one is no longer needed to read anything.
    const newOnly = new PersonalData(keyring(rotated.personalDataKey));
    const person = applicantOf("person", 0);
    const row = await p.db.selectFrom("users").select("id_number").where("id_number_index", "=", newOnly.index("id-number", person.idNumber!)).executeTakeFirstOrThrow();
    expect(newOnly.open(row.id_number!)).toBe(person.idNumber);
    expect(oldPd.index("phone", person.phone)).not.toBe(newOnly.index("phone", person.phone));
    expect(DEMO_PASSWORD).toBeTruthy();
  }, 120_000);
});

async function firstItemId(p: TestPlatform): Promise<string> {
  return (await p.request({ method: "GET", url: "/api/catalog/items" })).json().items[0].id;
}
