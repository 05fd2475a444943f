import { Table, Tag } from "antd";
import type { TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import type { DepartmentOption } from "./StepEditor.tsx";
import type { Step } from "./processModel.ts";

/** A process as a read-only table (a version's steps in a diff or a review). */
export function ProcessTable({ steps, departments, caption }: { steps: Step[]; departments: DepartmentOption[] | undefined; caption: string }) {
  const { t } = useTranslation();
  const deptName = (id: string | null) => (id ? (departments?.find((d) => d.id === id)?.name ?? t("cfg.step.unknownDepartment")) : t("cfg.step.eachAssisting"));
  const columns: TableColumnsType<Step & { n: number }> = [
    { title: t("cfg.table.no"), dataIndex: "n", width: 56 },
    {
      title: t("cfg.step.name"),
      dataIndex: "name",
      render: (_: unknown, s) => (
        <span>
          {s.name}
          {s.clockStops && (
            <Tag style={{ marginLeft: 6 }}>{t("cfg.step.clockStopsOn")}</Tag>
          )}
        </span>
      ),
    },
    { title: t("cfg.step.kind"), dataIndex: "kind", render: (k: string) => t(`stepKind.${k}`, { defaultValue: k }) },
    { title: t("cfg.step.department"), dataIndex: "departmentId", render: (d: string | null) => deptName(d), responsive: ["md"] },
    { title: t("cfg.step.role"), dataIndex: "role", render: (r: string) => t(`role.${r}`, { defaultValue: r }), responsive: ["sm"] },
    { title: t("cfg.step.workingDays"), dataIndex: "workingDays", render: (v: number) => t("cfg.days", { count: v }) },
  ];
  return (
    <div role="region" aria-label={caption}>
    <Table<Step & { n: number }>
      size="small"
      rowKey={(s) => `${s.n}-${s.id}`}
      columns={columns}
      dataSource={steps.map((s, i) => ({ ...s, n: i + 1 }))}
      pagination={false}
      scroll={{ x: "max-content" }}
    />
    </div>
  );
}
