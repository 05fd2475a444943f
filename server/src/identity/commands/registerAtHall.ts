import type { ApplicantType } from "@cq/contracts";
import { randomBytes } from "node:crypto";
import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { allowApplicantLookup, enforce } from "../../policy/index.ts";
import { isValidCreditCode, isValidIdNumber } from "../checkCharacters.ts";
import { hashPassword } from "../passwords.ts";
import { findApplicantConflicts, insertUser } from "../repository.ts";
import { personalDataOf } from "../../platform/personalData.ts";

export interface HallApplicantInput {
  type: ApplicantType;
  name: string;
  idNumber?: string;
  creditCode?: string;
  legalRepresentative?: { name: string; idNumber: string };
  phone: string;
}

/**
 * A window clerk records an applicant who came in person, after checking the ID card or business
 * licence on the spot (R20). The account has no usable password until the applicant sets one by SMS.
 */
export async function registerApplicantAtHall(ctx: Ctx, input: HallApplicantInput): Promise<{ id: string }> {
  // The hall desk's rule (clerks); not logged in → 401, like every other route.
  enforce(ctx.actor, allowApplicantLookup(ctx.actor));
  const idNumber = input.type === "person" ? (input.idNumber ?? "").toUpperCase() : null;
  const creditCode = input.type === "organization" ? (input.creditCode ?? "").toUpperCase() : null;
  if (idNumber !== null && !isValidIdNumber(idNumber, ctx.now)) throw new AppError("INVALID_ID_NUMBER", { field: "idNumber" });
  if (creditCode !== null && !isValidCreditCode(creditCode)) throw new AppError("INVALID_CREDIT_CODE", { field: "creditCode" });
  const conflicts = await findApplicantConflicts(ctx.trx, personalDataOf(ctx.deps.config), input.phone, idNumber, creditCode);
  if (conflicts.phone) throw new AppError("PHONE_TAKEN");
  if (conflicts.identity) throw new AppError("ID_NUMBER_TAKEN");
  const id = newId();
  await insertUser(ctx.trx, personalDataOf(ctx.deps.config), {
    id, kind: "applicant", applicant_type: input.type, name: input.name, username: null, phone: input.phone, id_number: idNumber,
    credit_code: creditCode, legal_rep_name: input.legalRepresentative?.name ?? null, legal_rep_id_number: input.legalRepresentative?.idNumber?.toUpperCase() ?? null,
    // A random secret nobody knows: the applicant sets a password through the SMS reset.
    password_hash: await hashPassword(randomBytes(24).toString("base64url")),
    department_id: null, hall_id: null, trained_at: null, locked_until: null, created_at: ctx.now,
  });
  await ctx.audit({ action: "applicant.registered-at-hall", objectType: "user", objectId: id, newValues: { type: input.type } });
  return { id };
}
