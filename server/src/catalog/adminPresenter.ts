import type { AdminItem, GuideChange, GuideFieldName, VersionDetail, VersionStatus, VersionSummary } from "@cq/contracts";
import type { Actor } from "../platform/actor.ts";
import { shanghaiDay } from "../platform/clock.ts";
import type { Executor } from "../platform/db.ts";
import { regionParents } from "../organization/repository.ts";
import type { DepartmentPlace } from "../policy/index.ts";
import { allowAgreeForDepartment, allowApproveVersion, allowManageItem, isVersionAuthor } from "../policy/index.ts";
import {
  agreementsOf, departmentNames, guideOf, type ItemRow, listAdminItems, userName, versionNumber, type VersionRow, versionsOfItem,
} from "./versionRepository.ts";

/** Region paths (code, then its ancestors) for policy checks over many rows, from one read of the regions. */
export async function placeResolver(db: Executor): Promise<(departmentId: string, regionCode: string) => DepartmentPlace> {
  const parents = await regionParents(db);
  return (id, regionCode) => {
    const path: string[] = [];
    for (let c: string | null | undefined = regionCode; c && path.length < 8; c = parents.get(c)) path.push(c);
    return { id, regionPath: path };
  };
}

const dayOf = (d: Date | string | null): string | null => (d === null ? null : typeof d === "string" ? d : shanghaiDay(d));

function versionRef(id: string | null, number: number | null, status: string | null, day: Date | string | null) {
  return id && number !== null && status ? { id, number, status: status as VersionStatus, effectiveFrom: dayOf(day) } : null;
}

type AdminItemRow = Awaited<ReturnType<typeof listAdminItems>>[number];

export function presentAdminItem(r: AdminItemRow, actor: Actor, place: DepartmentPlace): AdminItem {
  const [lid, lnum, lstatus, lday] = r.latest ? r.latest.split(" ") : [];
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    department: { id: r.department_id, name: r.department_name },
    level: r.level,
    regionCode: r.region_code,
    regionName: r.region_name,
    status: r.status,
    current: versionRef(r.current_id, r.current_number, r.current_status, r.current_from),
    latest: lid ? versionRef(lid, Number(lnum), lstatus!, lday === "-" ? null : lday!) : null,
    promisedDays: r.current_promised_days,
    abilities: { manage: allowManageItem(actor, place) },
  };
}

export async function presentVersions(db: Executor, itemId: string): Promise<VersionSummary[]> {
  const rows = await versionsOfItem(db, itemId);
  return rows.map((v) => ({
    id: v.id,
    number: v.version,
    status: v.status,
    effectiveFrom: dayOf(v.effective_from ?? v.effective_on),
    changes: v.changes as unknown as GuideFieldName[],
    createdAt: v.created_at.toISOString(),
    createdBy: v.created_by_name,
    submittedAt: v.submitted_at?.toISOString() ?? null,
    submittedBy: v.submitted_by_name,
    decidedAt: v.decided_at?.toISOString() ?? null,
    decidedBy: v.decided_by_name,
    rejectReason: v.reject_reason,
  }));
}

export async function presentVersionDetail(db: Executor, v: VersionRow, item: ItemRow, place: DepartmentPlace, actor: Actor): Promise<VersionDetail> {
  const guide = await guideOf(db, v, item.department_id);
  const agreements = await agreementsOf(db, v.id);
  const comparedWith = await versionNumber(db, v.base_version_id);
  const deptIds = [
    item.department_id, ...guide.assistingDepartmentIds, ...guide.ccDepartmentIds, ...guide.resultDepartmentIds,
    ...guide.process.steps.map((s) => s.departmentId).filter((d): d is string => !!d),
  ];
  const diff = v.diff as unknown as GuideChange[];
  for (const c of diff) for (const x of [c.before, c.after]) if (Array.isArray(x)) for (const id of x) if (typeof id === "string") deptIds.push(id);
  const [departments, createdBy, submittedBy, decidedBy] = await Promise.all([
    departmentNames(db, deptIds), userName(db, v.created_by), userName(db, v.submitted_by), userName(db, v.decided_by),
  ]);
  const manage = allowManageItem(actor, place);
  const approver = allowApproveVersion(actor, place) && !isVersionAuthor(actor, v);
  return {
    id: v.id,
    number: v.version,
    status: v.status,
    effectiveFrom: dayOf(v.effective_from ?? v.effective_on),
    changes: v.changes as unknown as GuideFieldName[],
    createdAt: v.created_at.toISOString(),
    createdBy,
    submittedAt: v.submitted_at?.toISOString() ?? null,
    submittedBy,
    decidedAt: v.decided_at?.toISOString() ?? null,
    decidedBy,
    rejectReason: v.reject_reason,
    item: { id: item.id, code: item.code, name: item.name, department: { id: item.department_id, name: item.department_name }, regionCode: item.region_code, level: item.level },
    guide,
    comparedWith,
    diff,
    agreements: agreements.map((a) => ({
      department: { id: a.department_id, name: a.department_name }, status: a.status, note: a.note, decidedAt: a.decided_at?.toISOString() ?? null,
    })),
    departments: departments.map((d) => ({ id: d.id, name: d.name })),
    abilities: {
      edit: manage && v.status === "draft",
      submit: manage && v.status === "draft",
      approve: approver && v.status === "pending" && agreements.every((a) => a.status === "agreed"),
      reject: allowApproveVersion(actor, place) && v.status === "pending",
      agreeFor: v.status === "pending" ? agreements.filter((a) => a.status === "pending" && allowAgreeForDepartment(actor, a.department_id)).map((a) => a.department_id) : [],
    },
  };
}
