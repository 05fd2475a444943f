import type { Deps } from "../platform/context.ts";
import type { SupervisionScope } from "../policy/supervision.ts";
import { latestCheckpoint } from "../audit/checkpoints.ts";
import { renderTablePdf } from "../documents/tablePdf.ts";
import { departmentStats } from "./statsRepository.ts";

const header = ["部门", "区划", "收件", "受理", "办结", "按时办结率", "平均用时(工作日)", "超期", "中止", "延期", "视为受理", "未回复督办"];

/** The monthly efficiency report for the city government (R37), as CSV or PDF. */
export async function monthlyReport(deps: Deps, scope: Exclude<SupervisionScope, null>, month: string, format: "pdf" | "csv") {
  const [y, m] = month.split("-").map(Number) as [number, number];
  // Month boundaries in Asia/Shanghai (UTC+8, no daylight saving).
  const from = new Date(Date.UTC(y, m - 1, 1) - 8 * 3_600_000);
  const to = new Date(Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1) - 8 * 3_600_000);
  const rows = await departmentStats(deps.db, scope, from, to);
  const n = (v: unknown) => Number(v ?? 0);
  const table = rows.map((r) => [
    r.department_name,
    r.region_name,
    String(n(r.received)),
    String(n(r.accepted)),
    String(n(r.closed)),
    n(r.closed) ? `${((n(r.closed_on_time) / n(r.closed)) * 100).toFixed(1)}%` : "—",
    r.avg_working_days === null ? "—" : Number(r.avg_working_days).toFixed(1),
    String(n(r.overdue)),
    String(n(r.suspended)),
    String(n(r.extended)),
    String(n(r.deemed_accepted)),
    String(n(r.escalations_open)),
  ]);
  if (format === "csv") {
    const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    // A BOM so that spreadsheet programs open the Chinese text correctly.
    const body = "\ufeff" + [header, ...table].map((r) => r.map(esc).join(",")).join("\r\n") + "\r\n";
    return { contentType: "text/csv; charset=utf-8", body };
  }
  // The chain's newest signed checkpoint, on paper: a later deletion of entries cannot undo the printout.
  const checkpoint = await latestCheckpoint(deps.db, deps.config);
  const totals = rows.reduce((a, r) => ({ received: a.received + n(r.received), closed: a.closed + n(r.closed), onTime: a.onTime + n(r.closed_on_time), overdue: a.overdue + n(r.overdue) }), { received: 0, closed: 0, onTime: 0, overdue: 0 });
  const body = await renderTablePdf({
    title: `${y}年${m}月行政审批效能监察报告`,
    subtitle: "重庆市网上行政审批平台 · 效能监察",
    summary: [
      `本月收件 ${totals.received} 件，办结 ${totals.closed} 件，按时办结率 ${totals.closed ? ((totals.onTime / totals.closed) * 100).toFixed(1) + "%" : "—"}，当前超期 ${totals.overdue} 件。`,
      checkpoint
        ? `审计链检查点：截至 ${checkpoint.at} 共 ${checkpoint.entries} 条记录，链头 ${checkpoint.headHash}，签名 ${checkpoint.mac}（密钥 ${checkpoint.keyId}）。`
        : "审计链检查点：尚无。",
    ],
    header,
    rows: table,
    generatedAt: deps.clock.now(),
  });
  return { contentType: "application/pdf", body };
}
