import type { AdminDepartment, AdminHall, AdminRegion } from "@cq/contracts";
import type { Actor } from "../platform/actor.ts";
import {
  allowCreateDepartment, allowCreateHall, allowCreateRegionUnder, allowEditDepartmentContact, allowEditHall, allowManageDepartment,
  type RegionPath,
} from "../policy/index.ts";
import type { DepartmentRow, HallRow } from "./repository.ts";

/** A region's path from a map of parents (codes up to the city). */
export function pathIn(parents: Map<string, string | null>, code: string): RegionPath {
  const path = [code];
  for (let p = parents.get(code); p && path.length < 8; p = parents.get(p)) path.push(p);
  return path;
}

export function presentRegion(actor: Actor, r: { code: string; name: string; level: AdminRegion["level"]; parent_code: string | null }, path: RegionPath): AdminRegion {
  return {
    code: r.code, name: r.name, level: r.level, parentCode: r.parent_code,
    abilities: {
      createChild: r.level !== "township" && allowCreateRegionUnder(actor, path),
      createDepartment: allowCreateDepartment(actor, path),
      createHall: allowCreateHall(actor, path),
    },
  };
}

export function presentDepartment(actor: Actor, d: DepartmentRow, path: RegionPath): AdminDepartment {
  const place = { id: d.id, regionPath: path };
  return {
    id: d.id, name: d.name, shortName: d.short_name, regionCode: d.region_code, phone: d.phone, address: d.address,
    counterpart: d.counterpart_id ? { id: d.counterpart_id, name: d.counterpart_name ?? "" } : null,
    disabled: d.disabled_at !== null, disabledAt: d.disabled_at?.toISOString() ?? null,
    abilities: { editContact: allowEditDepartmentContact(actor, place), manage: allowManageDepartment(actor, place) },
  };
}

export function presentHall(actor: Actor, h: HallRow, path: RegionPath): AdminHall {
  return {
    id: h.id, name: h.name, regionCode: h.region_code, address: h.address, phone: h.phone, openingHours: h.hours,
    disabled: h.disabled_at !== null, disabledAt: h.disabled_at?.toISOString() ?? null,
    abilities: { edit: allowEditHall(actor, path) },
  };
}
