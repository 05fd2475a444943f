import { useQuery } from "@tanstack/react-query";
import { apiGet } from "../api/client.ts";

/** One item of a department (GET /api/public/departments/:id → `items`). */
export interface DepartmentItem {
  id: string;
  code: string;
  name: string;
  promisedDays: number;
  statutoryDays: number;
}

/** Cases closed in one month (Beijing time), and how many of them within the time limit. */
export interface MonthlyPoint {
  /** `YYYY-MM` */
  month: string;
  closed: number;
  onTime: number;
}

/** The service figures of the last 365 days. */
export interface DepartmentFigures {
  period: string;
  closed: number;
  /** 0..1; null when nothing was closed. */
  onTimeRate: number | null;
  /** Working days; null when nothing was closed. */
  averageWorkingDays: number | null;
  open: number;
  /** Share of 满意/非常满意 ratings, 0..1; null without ratings. */
  satisfaction: number | null;
  /** How many ratings there were. */
  evaluations: number;
  monthly: MonthlyPoint[];
}

/** GET /api/public/departments/:id */
export interface PublicDepartment {
  id: string;
  name: string;
  shortName: string;
  regionCode: string;
  phone: string | null;
  address: string | null;
  items: DepartmentItem[];
  figures: DepartmentFigures;
}

/** A department's public page: contact, items and the figures of the last year (no login). */
export function usePublicDepartment(id: string | undefined) {
  return useQuery({
    queryKey: ["public", "department", id],
    queryFn: ({ signal }) => apiGet<PublicDepartment>(`/api/public/departments/${encodeURIComponent(id ?? "")}`, undefined, signal),
    enabled: Boolean(id),
    staleTime: 5 * 60_000,
  });
}
