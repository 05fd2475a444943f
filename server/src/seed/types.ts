/** Shapes of the demo data set. The catalog is a catalog file (docs/catalog-format.md); staff and applicants are plain data the seeder turns into rows. */

import type { ApplicantType, CatalogFile, CatalogFileDepartment, CatalogFileGuide, CatalogFileHall, CatalogFileItem, CatalogFileRegion, Role, StepKind } from "@cq/contracts";

// The roles and step kinds are the HTTP contract's.
export type { Role, StepKind };

export interface SeedStaff {
  username: string; // login name, ascii
  name: string; // real Chinese name
  password: string; // demo password
  phone: string;
  idNumber: string; // a valid GB 11643 number (check digit correct)
  departmentCode?: string; // absent for platform-level staff
  regionCode?: string; // for region admins
  roles: Role[];
  trained: boolean; // R17: must be true for handler/reviewer/decider/department-head
}

export interface SeedApplicant {
  type: ApplicantType;
  name: string;
  phone: string;
  password: string;
  idNumber?: string; // person
  creditCode?: string; // organization (GB 32100 check character correct)
  legalRepresentative?: { name: string; idNumber: string };
}

/** A demo item: every one has its guide. */
export type DemoItem = CatalogFileItem & { guide: CatalogFileGuide };

export interface DemoData {
  /** The catalog file loaded by the importer. */
  catalog: CatalogFile;
  /** Views of the catalog, for tests and the demo endpoints. */
  regions: CatalogFileRegion[];
  departments: CatalogFileDepartment[];
  halls: CatalogFileHall[];
  items: DemoItem[];
  staff: SeedStaff[];
  applicants: SeedApplicant[];
}
