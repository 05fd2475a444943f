import type { RegisterRequest } from "@cq/contracts";
import type { Ctx } from "../../audit/command.ts";
import { AppError } from "../../platform/errors.ts";
import { newId } from "../../platform/ids.ts";
import { isValidCreditCode, isValidIdNumber } from "../checkCharacters.ts";
import { hashPassword, isStrongEnough } from "../passwords.ts";
import { countSmsAttempt, findApplicantConflicts, insertUserIfNew, latestSmsCode, markSmsCodeUsed } from "../repository.ts";
import { openSession } from "../sessions.ts";
import { smsCodeHash } from "./sendSmsCode.ts";
import { personalDataOf } from "../../platform/personalData.ts";

const MAX_SMS_ATTEMPTS = 5;

/** Consumes a valid, unexpired SMS code or refuses; every wrong try counts. */
export async function consumeSmsCode(ctx: Ctx, phone: string, purpose: string, code: string): Promise<boolean> {
  const last = await latestSmsCode(ctx.trx, personalDataOf(ctx.deps.config), phone, purpose);
  if (!last || last.used_at || last.expires_at <= ctx.now) return false;
  // The attempt counts before the comparison, so that guesses sent in parallel cannot outrun the limit.
  if (!(await countSmsAttempt(ctx.trx, last.id, MAX_SMS_ATTEMPTS))) return false;
  if (last.code_hash !== smsCodeHash(phone, code)) return false;
  return markSmsCodeUsed(ctx.trx, last.id, ctx.now);
}

/** Real-name registration of a person or an organization (R19), signed in at once with a new session. */
export async function registerApplicant(
  ctx: Ctx,
  input: RegisterRequest,
  lang: "zh-CN" | "en" = "zh-CN",
): Promise<{ id: string; session: { token: string; expiresAt: Date } } | { refused: AppError }> {
  const idNumber = input.type === "person" ? input.idNumber.toUpperCase() : null;
  const creditCode = input.type === "organization" ? input.creditCode.toUpperCase() : null;
  if (idNumber !== null && !isValidIdNumber(idNumber, ctx.now)) throw new AppError("INVALID_ID_NUMBER", { field: "idNumber" });
  if (creditCode !== null && !isValidCreditCode(creditCode)) throw new AppError("INVALID_CREDIT_CODE", { field: "creditCode" });
  const legalRepId = input.type === "organization" ? input.legalRepresentative.idNumber.toUpperCase() : null;
  if (legalRepId !== null && !isValidIdNumber(legalRepId, ctx.now)) {
    throw new AppError("INVALID_ID_NUMBER", { field: "legalRepresentative.idNumber" });
  }
  if (!isStrongEnough(input.password)) throw new AppError("WEAK_PASSWORD", { field: "password" });

  // The SMS code first: nobody learns whether a phone or an ID number is registered without
  // holding a valid code for the phone. Refusals are returned, not thrown, so that the attempt (and a
  // used code) stays counted.
  if (!(await consumeSmsCode(ctx, input.phone, "register", input.smsCode))) {
    return { refused: new AppError("INVALID_SMS_CODE", { field: "smsCode" }) };
  }
  const conflicts = await findApplicantConflicts(ctx.trx, personalDataOf(ctx.deps.config), input.phone, idNumber, creditCode);
  if (conflicts.phone) return { refused: new AppError("PHONE_TAKEN") };
  if (conflicts.identity) return { refused: new AppError("ID_NUMBER_TAKEN") };

  const id = newId();
  const inserted = await insertUserIfNew(ctx.trx, personalDataOf(ctx.deps.config), {
    id,
    kind: "applicant",
    lang,
    applicant_type: input.type,
    name: input.name,
    username: null,
    phone: input.phone,
    id_number: idNumber,
    credit_code: creditCode,
    legal_rep_name: input.type === "organization" ? input.legalRepresentative.name : null,
    legal_rep_id_number: legalRepId,
    password_hash: await hashPassword(input.password),
    department_id: null,
    hall_id: null,
    trained_at: null,
    locked_until: null,
    created_at: ctx.now,
  });
  if (!inserted) return { refused: new AppError("PHONE_TAKEN") };
  await ctx.audit({ action: "user.registered", objectType: "user", objectId: id, newValues: { type: input.type } });
  const session = await openSession(ctx.trx, id, ctx.now, ctx.deps.config.sessionDays, ctx.meta.ip);
  return { id, session };
}
