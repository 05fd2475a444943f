import { Button, Descriptions, Drawer, Space, Table, Tabs, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { LightTag, StatusTag } from "../../common/components/StatusTag.tsx";
import { formatDate } from "../../common/format.ts";
import { useIsMobile } from "../../common/hooks/useIsMobile.ts";
import { useMe } from "../../common/data/me.ts";
import { canEscalate } from "../abilities.ts";
import type { SupervisedCase, WarningLight } from "../../common/data/supervision.ts";
import { EscalateModal, type EscalateTarget } from "./EscalateModal.tsx";
import { StaffStats } from "./StaffStats.tsx";
import { percent, type Row } from "./statsModel.ts";
import { useLightCases } from "../../common/data/supervision.ts";

/** The yellow or red cases of one department (or all in scope), each with a link and, for supervisors, 督办. */
export function LightCases({ light, departmentId }: { light: WarningLight; departmentId?: string | undefined }) {
  const { t } = useTranslation();
  const { me } = useMe();
  const [target, setTarget] = useState<EscalateTarget | null>(null);
  const query = useLightCases(light, departmentId);
  const escalating = canEscalate(me);
  const columns: TableColumnsType<SupervisedCase> = [
    { title: t("sv.col.light"), dataIndex: "light", render: (_: unknown, r) => <LightTag light={r.light} />, width: 110 },
    {
      title: t("sv.col.case"),
      dataIndex: "itemName",
      render: (_: unknown, r) => (
        <div>
          <Link to={`/workbench/cases/${encodeURIComponent(r.caseId)}`} id={`case-${r.caseId}`}>{r.itemName}</Link>
          {r.supervisionCode && <div className="supervision-code muted" style={{ fontSize: "0.85em", fontWeight: 400 }}>{r.supervisionCode}</div>}
          {!departmentId && <div className="muted" style={{ fontSize: "0.85em" }}>{r.department.name}</div>}
        </div>
      ),
    },
    { title: t("sv.col.status"), dataIndex: "status", render: (s: string) => <StatusTag status={s} />, responsive: ["md"] },
    { title: t("sv.col.dueDate"), dataIndex: "dueDate", render: (v: string | null) => formatDate(v) },
    {
      title: t("sv.col.marks"),
      key: "marks",
      render: (_: unknown, r) => (
        <Space size={[4, 4]} wrap>
          {r.extended && <Tag color="blue">{t("sv.mark.extended")}</Tag>}
          {r.explained && <Tag color="green">{t("sv.mark.explained")}</Tag>}
          {r.escalated && <Tag color="red">{t("sv.mark.escalated")}</Tag>}
          {!r.extended && !r.explained && !r.escalated && <span className="muted">—</span>}
        </Space>
      ),
    },
    ...(escalating
      ? [
          {
            title: t("sv.col.actions"),
            key: "actions",
            render: (_: unknown, r: SupervisedCase) =>
              r.escalated ? (
                <span className="muted">{t("sv.mark.escalated")}</span>
              ) : (
                <Button
                  size="small"
                  danger
                  aria-describedby={`case-${r.caseId}`}
                  onClick={() => setTarget({ caseId: r.caseId, itemName: r.itemName, supervisionCode: r.supervisionCode, departmentName: r.department.name })}
                >
                  {t("sv.escalate.button")}
                </Button>
              ),
          },
        ]
      : []),
  ];
  if (query.isError) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} homePath="/workbench" loginPath="/workbench/login" />;
  return (
    <>
      <Table<SupervisedCase>
        rowKey="caseId"
        size="small"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isLoading}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: t(light === "red" ? "sv.cases.noneRed" : "sv.cases.noneYellow") }}
      />
      {target && <EscalateModal target={target} onClose={() => setTarget(null)} />}
    </>
  );
}

/** Drill-down from the dashboard: one department's figures, its yellow and red cases, and the staff who handled its cases in the period. */
export function CasesDrawer({ row, onClose, fromDay = "", toDay = "", initialTab }: { row: Row; onClose: () => void; fromDay?: string; toDay?: string; initialTab?: "staff" }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [tab, setTab] = useState<WarningLight | "staff">(initialTab ?? (row.overdue === 0 && row.yellow > 0 ? "yellow" : "red"));
  return (
    <Drawer open onClose={onClose} title={t(tab === "staff" ? "sv.staff.title" : "sv.drill.title", { name: row.name })} size={isMobile ? "100%" : 880} placement="right" destroyOnHidden>
      <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t("sv.fig.received")}>{row.received}</Descriptions.Item>
        <Descriptions.Item label={t("sv.fig.closed")}>{row.closed}</Descriptions.Item>
        <Descriptions.Item label={t("sv.fig.onTimeRate")}>{percent(row.onTimeRate) ?? t("sv.noClosed")}</Descriptions.Item>
        <Descriptions.Item label={t("sv.fig.overdue")}>{row.overdue}</Descriptions.Item>
        <Descriptions.Item label={t("sv.fig.yellow")}>{row.yellow}</Descriptions.Item>
        <Descriptions.Item label={t("sv.fig.escalationsOpen")}>{row.escalationsOpen}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary">{t("sv.drill.hint")}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as WarningLight | "staff")}
        items={[
          { key: "red", label: t("sv.drill.red", { count: row.overdue }), children: <LightCases light="red" departmentId={row.departmentId} /> },
          { key: "yellow", label: t("sv.drill.yellow", { count: row.yellow }), children: <LightCases light="yellow" departmentId={row.departmentId} /> },
          ...(row.departmentId ? [{ key: "staff", label: t("sv.staff.tab"), children: <StaffStats departmentId={row.departmentId} fromDay={fromDay} toDay={toDay} /> }] : []),
        ]}
      />
    </Drawer>
  );
}
