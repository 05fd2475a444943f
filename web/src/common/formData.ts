import dayjs, { type Dayjs } from "dayjs";
import type { FormField } from "@cq/contracts";

/** The form data the web sends (the server stores any JSON; what it sends back is read as unknown). */
export type FormData = Record<string, string | number | null>;

export type Values = Record<string, string | number | Dayjs | null | undefined>;

/** Form values as the API wants them: dates as YYYY-MM-DD, empty strings dropped to null. */
export function toFormData(fields: FormField[], values: Values): FormData {
  const out: FormData = {};
  for (const f of fields) {
    const v = values[f.key];
    if (v === undefined || v === null || v === "") out[f.key] = null;
    else if (dayjs.isDayjs(v)) out[f.key] = v.format("YYYY-MM-DD");
    else if (typeof v === "string") out[f.key] = v.trim() || null;
    else out[f.key] = v;
  }
  return out;
}

/** The API's form data as form values: dates become dayjs for the DatePicker. */
export function fromFormData(fields: FormField[], data: Record<string, unknown> | undefined): Values {
  const out: Values = {};
  for (const f of fields) {
    const v = data?.[f.key];
    if (v === undefined || v === null) continue;
    out[f.key] = f.type === "date" && typeof v === "string" ? dayjs(v) : typeof v === "number" ? v : String(v);
  }
  return out;
}
