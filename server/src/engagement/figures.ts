/** Evaluation figures of one department (R37): how many, the average level, the share satisfied (4–5). */
export function presentEvaluationFigures(e: { n: number | string; average: number | string | null; satisfied: number | string; dissatisfied: number | string } | undefined) {
  const count = Number(e?.n ?? 0);
  if (!e || !count) return { count: 0, averageLevel: null, satisfactionRate: null, dissatisfied: 0 };
  return {
    count,
    averageLevel: Math.round(Number(e.average) * 100) / 100,
    satisfactionRate: Number(e.satisfied) / count,
    dissatisfied: Number(e.dissatisfied),
  };
}
