import type { FormField } from "../platform/schema.ts";

interface MaterialDef { id: string; name: string; required: boolean }
interface Upload { material_id: string; removed_at: Date | null }

/** Required materials with no active upload (file, paper original or certificate). */
export function missingMaterials(defs: MaterialDef[], uploads: Upload[]): { materialId: string; name: string }[] {
  const present = new Set(uploads.filter((u) => !u.removed_at).map((u) => u.material_id));
  return defs.filter((d) => d.required && !present.has(d.id)).map((d) => ({ materialId: d.id, name: d.name }));
}

/**
 * The uploads that count as provided: files and paper originals, and certificates from the library
 * still in force (`verdictOf` answers what the library says of a number today): one revoked or
 * expired since it was chosen no longer does.
 */
export function providedUploads<U extends { certificate_no: string | null }>(uploads: U[], verdictOf: (certificateNo: string) => string | undefined): U[] {
  return uploads.filter((u) => !u.certificate_no || verdictOf(u.certificate_no) === "valid");
}

/** Required form fields left empty. */
export function missingFields(fields: FormField[], data: Record<string, unknown>): string[] {
  return fields
    .filter((f) => f.required)
    .filter((f) => {
      const v = data[f.key];
      return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
    })
    .map((f) => f.key);
}
