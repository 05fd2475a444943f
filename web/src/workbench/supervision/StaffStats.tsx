import { Empty, Skeleton, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { wholePercent } from "../../common/engagement/model.ts";
import { type StaffHandlingStats, useStaffStats } from "../../common/data/supervision.ts";
import { StaffChart } from "./charts.tsx";
import { percent } from "./statsModel.ts";

/** 办理人员: each person who handled the department's cases in the period, with a chart above the sortable table (R37(2)). */
export function StaffStats({ departmentId, fromDay, toDay }: { departmentId: string; fromDay: string; toDay: string }) {
  const { t } = useTranslation();
  const query = useStaffStats(departmentId, fromDay, toDay);
  const items = query.data?.items ?? [];
  const columns: TableColumnsType<StaffHandlingStats> = [
    { title: t("sv.staff.col.name"), key: "name", render: (_: unknown, r) => r.staff.name, sorter: (a, b) => a.staff.name.localeCompare(b.staff.name, "zh-CN") },
    { title: t("sv.staff.col.cases"), dataIndex: "casesHandled", align: "right", sorter: (a, b) => a.casesHandled - b.casesHandled, defaultSortOrder: "descend" },
    { title: t("sv.staff.col.tasks"), dataIndex: "tasksCompleted", align: "right", sorter: (a, b) => a.tasksCompleted - b.tasksCompleted, responsive: ["md"] },
    {
      title: t("sv.staff.col.onTime"),
      key: "onTime",
      align: "right",
      render: (_: unknown, r) =>
        r.onTimeRate === null ? <span className="muted">{t("sv.staff.noTimed")}</span> : t("sv.staff.onTimeValue", { rate: percent(r.onTimeRate), onTime: r.onTimeTasks, timed: r.timedTasks }),
      sorter: (a, b) => (a.onTimeRate ?? -1) - (b.onTimeRate ?? -1),
    },
    { title: t("sv.staff.col.evaluations"), key: "evaluations", align: "right", render: (_: unknown, r) => r.evaluations.count, sorter: (a, b) => a.evaluations.count - b.evaluations.count },
    {
      title: t("sv.staff.col.satisfaction"),
      key: "satisfaction",
      align: "right",
      render: (_: unknown, r) => wholePercent(r.evaluations.satisfactionRate) ?? "—",
      sorter: (a, b) => (a.evaluations.satisfactionRate ?? -1) - (b.evaluations.satisfactionRate ?? -1) || a.evaluations.count - b.evaluations.count,
    },
  ];
  if (query.isError) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} homePath="/workbench" loginPath="/workbench/login" />;
  return (
    <section aria-label={t("sv.staff.tab")}>
      {query.isLoading ? <Skeleton active /> : items.length ? <StaffChart items={items} /> : <Empty description={t("sv.staff.empty")} />}
      {items.length > 0 && (
        <Table<StaffHandlingStats>
          rowKey={(r) => r.staff.id}
          size="small"
          columns={columns}
          dataSource={items}
          pagination={false}
          scroll={{ x: "max-content" }}
          style={{ marginTop: 12 }}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>{t("sv.staff.note")}</Typography.Paragraph>
    </section>
  );
}
