import { maskIdNumber, maskPhone, isValidIdNumber } from "../identity/checkCharacters.ts";
import { AppError } from "../platform/errors.ts";
import type { PersonalData } from "../platform/personalData.ts";
import type { FormField } from "../platform/schema.ts";

// Application-form values of the personal kinds (a phone number, an ID card number) are checked when
// saved, stored sealed (platform/personalData.ts), shown in full only in the case file, and masked
// in the audit. Any sealed value is opened on reading, whatever the field's type now is: a draft
// moved to a newer version of its item keeps its values.

type Form = Record<string, unknown>;

const PHONE = /^\+?[0-9][0-9 ()-]{5,18}[0-9]$/;
const isPersonal = (f: FormField) => f.type === "phone" || f.type === "idNumber";
const filled = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";

/** The keys of personal fields whose value is not a phone or ID card number. */
export function invalidFormValues(fields: FormField[], data: Form, today: Date): string[] {
  return fields
    .filter(isPersonal)
    .filter((f) => {
      const v = data[f.key];
      if (v === undefined || v === null || v === "") return false;
      if (typeof v !== "string") return true;
      return f.type === "phone" ? !PHONE.test(v.trim()) : !isValidIdNumber(v.trim().toUpperCase(), today);
    })
    .map((f) => f.key);
}

/** The form as stored: checked, its personal values sealed. */
export function sealForm(pd: PersonalData, fields: FormField[], data: Form, today: Date): Form {
  const invalid = invalidFormValues(fields, data, today);
  if (invalid.length) throw new AppError("FORM_VALUE_INVALID", { fields: invalid });
  const out = { ...data };
  for (const f of fields.filter(isPersonal)) {
    const v = out[f.key];
    if (filled(v)) out[f.key] = pd.seal(f.type === "idNumber" ? v.trim().toUpperCase() : v.trim());
  }
  return out;
}

/** The form as read by those entitled to the case file. */
export function openForm(pd: PersonalData, data: Form): Form {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === "string" ? pd.open(v) : v]));
}

/** The form as the audit keeps it: personal values (of a personal field, or stored sealed) masked. */
export function maskedForm(pd: PersonalData, fields: FormField[], data: Form): Form {
  const types = new Map(fields.map((f) => [f.key, f.type]));
  return Object.fromEntries(
    Object.entries(data).map(([k, raw]) => {
      const personal = types.get(k) === "phone" || types.get(k) === "idNumber" || (typeof raw === "string" && pd.isSealed(raw));
      if (!personal || !filled(raw)) return [k, raw];
      const v = pd.open(raw);
      return [k, types.get(k) === "idNumber" ? maskIdNumber(v) : maskPhone(v)];
    }),
  );
}
