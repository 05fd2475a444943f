/** What the platform accepts as a material file (the server enforces the same: 413, 415). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const ACCEPTED_MIME = ["application/pdf", "image/jpeg", "image/png"];
export const ACCEPT_ATTR = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

/** A client-side check before sending, so the applicant hears at once and no bytes are wasted. */
export function fileProblem(file: { type: string; name: string; size: number }): "type" | "size" | null {
  const byName = /\.(pdf|jpe?g|png)$/i.test(file.name);
  if (!ACCEPTED_MIME.includes(file.type) && !byName) return "type";
  if (file.size > MAX_FILE_BYTES) return "size";
  return null;
}
