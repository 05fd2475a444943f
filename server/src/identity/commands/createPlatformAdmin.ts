import { systemActor } from "../../platform/actor.ts";
import type { Db, Executor } from "../../platform/db.ts";
import { newId } from "../../platform/ids.ts";
import { systemClock } from "../../platform/clock.ts";
import type { AuditKeys } from "../../audit/keys.ts";
import { sequencePending } from "../../audit/sequencer.ts";
import { writeAudit } from "../../audit/writer.ts";
import { isValidIdNumber } from "../checkCharacters.ts";
import { hashPassword, isStrongEnoughForStaff } from "../passwords.ts";
import { insertUser } from "../repository.ts";
import type { PersonalData } from "../../platform/personalData.ts";

export async function hasPlatformAdmin(db: Executor): Promise<boolean> {
  const row = await db.selectFrom("role_assignments").select("id").where("role", "=", "platform-admin").limit(1).executeTakeFirst();
  return !!row;
}

/** The first platform admin of a production database, created from the command line (no HTTP path exists). */
export async function createPlatformAdmin(
  db: Db,
  keys: AuditKeys,
  pd: PersonalData,
  input: { username: string; name: string; phone: string; idNumber: string; password: string },
): Promise<string> {
  if (!/^[a-z][a-z0-9._-]{2,31}$/.test(input.username)) throw new Error("username: 3–32 lowercase letters, digits, . _ -");
  if (!isValidIdNumber(input.idNumber.toUpperCase())) throw new Error("id number fails its check digit");
  if (!/^1[3-9]\d{9}$/.test(input.phone)) throw new Error("phone must be an 11-digit mobile number");
  if (!isStrongEnoughForStaff(input.password)) throw new Error("password: at least 12 characters with three of upper-case, lower-case, digits, symbols");
  const passwordHash = await hashPassword(input.password);
  const now = systemClock.now();
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await insertUser(trx, pd, {
      id, kind: "staff", applicant_type: null, name: input.name, username: input.username, phone: input.phone,
      id_number: input.idNumber.toUpperCase(), credit_code: null, legal_rep_name: null, legal_rep_id_number: null,
      password_hash: passwordHash, department_id: null, hall_id: null, trained_at: now, locked_until: null, created_at: now,
    });
    await trx.insertInto("role_assignments").values({ id: newId(), user_id: id, role: "platform-admin", department_id: null, region_code: null, created_at: now }).execute();
    await writeAudit(trx, systemActor("cli"), now, { ip: null, requestId: null }, {
      action: "user.created", objectType: "user", objectId: id, newValues: { username: input.username, roles: ["platform-admin"] },
    });
  });
  await sequencePending(db, keys);
  return id;
}
