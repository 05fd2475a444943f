/**
 * Evaluations (好差评, R37) and complaints (R33): the pure rules the pages
 * share: the five levels, when a comment is required, what a request body holds, the reply-date tag,
 * and satisfaction as a percentage. Types and functions only (no React), so they are unit-tested.
 */
import type { Complaint, ComplaintRequest, EvaluationFigures, EvaluationRequest } from "@cq/contracts";

export type Level = 1 | 2 | 3 | 4 | 5;

/** Best first, the way the choice is offered: 非常满意 … 非常不满意. */
export const levels: readonly Level[] = [5, 4, 3, 2, 1];

export const dimensions = ["efficiency", "attitude", "quality"] as const;
export type Dimension = (typeof dimensions)[number];
export type DimensionScores = Record<Dimension, number>;

/** POST /api/cases/:id/evaluation */
export type { EvaluationRequest };

/** What the evaluation form holds (each dimension may be left out). */
export interface EvaluationForm {
  level?: Level;
  efficiency?: number;
  attitude?: number;
  quality?: number;
  comment?: string;
}

export const isLevel = (v: unknown): v is Level => typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 5;

/** 不满意 and 非常不满意 need a reason (the department has to put it right). */
export const needsComment = (level: number | null | undefined): boolean => typeof level === "number" && level <= 2;

/** A dissatisfied rating opens a work order for the department. */
export const opensWorkOrder = needsComment;

/** The detailed ratings go all three or none: "some" is what the form must refuse. */
export function dimensionsState(v: Pick<EvaluationForm, Dimension>): "none" | "some" | "all" {
  const given = dimensions.filter((d) => isLevel(v[d])).length;
  return given === 0 ? "none" : given === dimensions.length ? "all" : "some";
}

/** The request body from the form (after validation): dimensions only when all three are given. */
export function evaluationRequest(v: EvaluationForm & { level: Level }): EvaluationRequest {
  const comment = v.comment?.trim();
  return {
    level: v.level,
    ...(dimensionsState(v) === "all" ? { dimensions: { efficiency: v.efficiency as number, attitude: v.attitude as number, quality: v.quality as number } } : {}),
    ...(comment ? { comment } : {}),
  };
}

/** POST /api/complaints */
export type { ComplaintRequest };

/** The time-limit tag of a complaint, like a light: still in time, overdue, answered in time or late. */
export type ReplyTiming = "on-time" | "overdue" | "replied-on-time" | "replied-late";

export function replyTiming(c: Pick<Complaint, "status" | "overdue">): ReplyTiming {
  if (c.status === "replied") return c.overdue ? "replied-late" : "replied-on-time";
  return c.overdue ? "overdue" : "on-time";
}

/** Overdue first, then the nearest reply date, then the newest. */
export function byUrgency(a: Complaint, b: Complaint): number {
  return Number(b.overdue) - Number(a.overdue) || a.replyDueDate.localeCompare(b.replyDueDate) || b.createdAt.localeCompare(a.createdAt);
}

const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** The figures whatever the server sent (an older server sent null or a bare count). */
export function evaluationFigures(value: unknown): EvaluationFigures {
  if (finite(value)) return { count: value, averageLevel: null, satisfactionRate: null, dissatisfied: 0 };
  if (typeof value !== "object" || value === null) return { count: 0, averageLevel: null, satisfactionRate: null, dissatisfied: 0 };
  const v = value as Record<string, unknown>;
  const count = finite(v.count) ? v.count : 0;
  return {
    count,
    averageLevel: finite(v.averageLevel) ? v.averageLevel : null,
    satisfactionRate: count > 0 && finite(v.satisfactionRate) ? Math.min(1, Math.max(0, v.satisfactionRate)) : null,
    dissatisfied: finite(v.dissatisfied) ? v.dissatisfied : 0,
  };
}

/** The satisfaction of several departments together: weighted by their number of evaluations. */
export function sumSatisfaction(rows: readonly { evaluationCount: number; satisfactionRate: number | null }[]): { evaluationCount: number; satisfactionRate: number | null } {
  const rated = rows.filter((r) => r.satisfactionRate !== null && r.evaluationCount > 0);
  const count = rows.reduce((n, r) => n + (r.evaluationCount || 0), 0);
  const ratedCount = rated.reduce((n, r) => n + r.evaluationCount, 0);
  return {
    evaluationCount: count,
    satisfactionRate: ratedCount ? rated.reduce((n, r) => n + (r.satisfactionRate ?? 0) * r.evaluationCount, 0) / ratedCount : null,
  };
}

/** 0.857 → "86%"; null → null (shown as —). */
export function wholePercent(rate: number | null | undefined): string | null {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return null;
  return `${Math.round(rate * 100)}%`;
}
