import type { Db } from "../platform/db.ts";
import { insertPackageYear, maintainedYears } from "./repository.ts";
import { PACKAGE_YEARS, packageExceptions } from "./seedCalendar.ts";

/** Loads the package's holiday data for every year it knows that the database does not have yet. */
export async function ensureCalendar(db: Db, at: Date): Promise<number> {
  const have = new Set((await maintainedYears(db)).map((y) => y.year));
  let added = 0;
  for (let year = PACKAGE_YEARS.first; year <= PACKAGE_YEARS.last; year++) {
    if (have.has(year)) continue;
    await db.transaction().execute((trx) => insertPackageYear(trx, year, packageExceptions(year), at));
    added++;
  }
  return added;
}
