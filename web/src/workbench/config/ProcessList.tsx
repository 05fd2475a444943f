import { EditOutlined } from "@ant-design/icons";
import { Card, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { LinkButton } from "../../common/components/LinkButton.tsx";
import { PageHeading } from "../../common/components/Misc.tsx";
import { formatDate } from "../../common/format.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { WorkbenchPage } from "../supervision/Page.tsx";
import { useDepartmentOptions } from "../../common/data/catalog.ts";
import { type AdminItem, useAdminItems } from "../../common/data/processes.ts";

/** 事项与流程: the items of the departments the user administers, each with its process. */
export default function ProcessList() {
  const { t } = useTranslation();
  useTitle(t("cfg.items.title"));
  const items = useAdminItems();
  const departments = useDepartmentOptions();
  const deptName = (id: string) => departments.data?.find((d) => d.id === id)?.name ?? "—";

  const columns: TableColumnsType<AdminItem> = [
    { title: t("cfg.items.code"), dataIndex: "code", render: (v: string) => <span className="mono">{v}</span>, responsive: ["md"] },
    {
      title: t("cfg.items.name"),
      dataIndex: "name",
      render: (_: unknown, r) => (
        <div>
          <Link to={`/workbench/processes/${encodeURIComponent(r.id)}`}>{r.name}</Link>
          <div className="muted" style={{ fontSize: "0.85em" }}>{deptName(r.departmentId)}</div>
        </div>
      ),
    },
    { title: t("cfg.items.version"), dataIndex: "version", render: (v: number) => t("cfg.versionN", { version: v }) },
    { title: t("cfg.items.promised"), dataIndex: "promisedDays", render: (v: number) => t("cfg.days", { count: v }), responsive: ["sm"] },
    { title: t("cfg.items.since"), dataIndex: "versionCreatedAt", render: (v: string | undefined) => formatDate(v), responsive: ["lg"] },
    {
      title: t("cfg.items.actions"),
      key: "actions",
      render: (_: unknown, r) => (
        <LinkButton to={`/workbench/processes/${encodeURIComponent(r.id)}`} icon={<EditOutlined aria-hidden />} aria-label={t("cfg.items.editFor", { name: r.name })}>
          {t("cfg.items.edit")}
        </LinkButton>
      ),
    },
  ];

  return (
    <WorkbenchPage>
      <PageHeading title={t("cfg.items.title")} subtitle={t("cfg.items.subtitle")} />
      <Card>
        {items.isError ? (
          <ErrorResult error={items.error} onRetry={() => void items.refetch()} homePath="/workbench" loginPath="/workbench/login" />
        ) : (
          <Table<AdminItem>
            rowKey="id"
            columns={columns}
            dataSource={items.data?.items ?? []}
            loading={items.isLoading}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: <Typography.Text type="secondary">{t("cfg.items.empty")}</Typography.Text> }}
            scroll={{ x: "max-content" }}
          />
        )}
      </Card>
    </WorkbenchPage>
  );
}
