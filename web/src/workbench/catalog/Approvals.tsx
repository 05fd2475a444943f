import { Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading } from "../../common/components/Misc.tsx";
import { useVersionInbox, type VersionInboxEntry } from "../../common/data/catalogAdmin.ts";
import { formatDate, formatDateTime } from "../../common/format.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { WorkbenchPage } from "../supervision/Page.tsx";
import { ChangedFields } from "./parts.tsx";

/** Where an inbox entry opens: the review of the version, for the department asked where it is an agreement. */
export const reviewPath = (e: Pick<VersionInboxEntry, "versionId" | "department">) =>
  `/workbench/approvals/${encodeURIComponent(e.versionId)}${e.department ? `?for=${encodeURIComponent(e.department.id)}` : ""}`;

/** 事项审核: versions waiting for the caller — to approve as a second person, or to agree to for a department (R9, R10). */
export default function Approvals() {
  const { t } = useTranslation();
  useTitle(t("cat.inbox.title"));
  const inbox = useVersionInbox();
  const columns: ColumnsType<VersionInboxEntry> = [
    {
      title: t("cat.inbox.item"),
      render: (_: unknown, e) => (
        <div>
          <Link to={reviewPath(e)} aria-label={t("cat.inbox.openN", { name: e.item.name, version: e.number })}>{e.item.name}</Link>
          <div className="muted">{e.item.department.name}</div>
        </div>
      ),
    },
    { title: t("cat.version.number"), dataIndex: "number", render: (n: number) => t("cat.versionN", { version: n }) },
    {
      title: t("cat.inbox.awaiting"),
      render: (_: unknown, e) =>
        e.awaiting === "approval" ? <Tag color="processing">{t("cat.inbox.approval")}</Tag> : <Tag color="purple">{t("cat.inbox.agreement", { department: e.department?.name ?? "" })}</Tag>,
    },
    { title: t("cat.version.changes"), render: (_: unknown, e) => <ChangedFields changes={e.changes} /> },
    { title: t("cat.version.effectiveFrom"), render: (_: unknown, e) => (e.effectiveFrom ? formatDate(e.effectiveFrom) : t("cat.version.onApproval")), responsive: ["md"] },
    { title: t("cat.version.submitted"), render: (_: unknown, e) => (e.submittedAt ? `${e.submittedBy ?? "—"} · ${formatDateTime(e.submittedAt)}` : "—"), responsive: ["md"] },
  ];
  return (
    <WorkbenchPage>
      <PageHeading title={t("cat.inbox.title")} subtitle={t("cat.inbox.subtitle")} />
      {inbox.isError ? (
        <ErrorResult error={inbox.error} onRetry={() => void inbox.refetch()} homePath="/workbench" loginPath="/workbench/login" />
      ) : (
        <div role="region" aria-label={t("cat.inbox.table")}>
          <Table<VersionInboxEntry>
            rowKey={(e) => `${e.versionId}-${e.awaiting}-${e.department?.id ?? ""}`}
            loading={inbox.isLoading}
            columns={columns}
            dataSource={inbox.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: t("cat.inbox.empty") }}
            scroll={{ x: "max-content" }}
          />
        </div>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>{t("cat.inbox.twoPerson")}</Typography.Paragraph>
    </WorkbenchPage>
  );
}
