import type { Executor } from "../platform/db.ts";
import { AppError } from "../platform/errors.ts";
import type { DepartmentPlace, RegionPath } from "../policy/index.ts";
import { regionPath } from "./repository.ts";

/** The path of a region a request refers to; a region that does not exist is a bad reference (422). */
export async function referencedRegion(db: Executor, code: string): Promise<RegionPath> {
  const path = await regionPath(db, code);
  if (!path) throw new AppError("REGION_UNKNOWN", { regionCode: code });
  return path;
}

export async function departmentPlace(db: Executor, d: { id: string; region_code: string }): Promise<DepartmentPlace> {
  return { id: d.id, regionPath: (await regionPath(db, d.region_code)) ?? [d.region_code] };
}

/** A duplicate that slipped between the check and the insert (unique violation) answers like the check. */
export async function uniqueOr<T>(code: "REGION_EXISTS" | "DEPARTMENT_EXISTS" | "HALL_EXISTS", fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if ((e as { code?: string }).code === "23505") throw new AppError(code);
    throw e;
  }
}
