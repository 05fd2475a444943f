import { ArrowLeftOutlined, AuditOutlined, EditOutlined, EyeOutlined, FileAddOutlined } from "@ant-design/icons";
import { Alert, Button, Skeleton, Space, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { LinkButton } from "../../common/components/LinkButton.tsx";
import { PageHeading, Section } from "../../common/components/Misc.tsx";
import { useAdminItems, useItemVersions, useVersion, type AdminItem, type VersionSummary } from "../../common/data/catalogAdmin.ts";
import { formatDate, formatDateTime } from "../../common/format.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { WorkbenchPage } from "../supervision/Page.tsx";
import { GuideDiff } from "./GuideDiff.tsx";
import { Agreements } from "./Agreements.tsx";
import { ChangedFields, ItemState, VersionStatusTag } from "./parts.tsx";
import { VersionPreview } from "./VersionPreview.tsx";

/** Who did it and when, or a dash. */
function Who({ name, at }: { name: string | null; at: string | null }) {
  if (!at) return <span className="muted">—</span>;
  return (
    <span>
      {name ?? "—"}
      <br />
      <span className="muted">{formatDateTime(at)}</span>
    </span>
  );
}

/** Where "写新版本" starts from: a rejected latest version, else the one in effect; none for a new item. */
export function newVersionPath(item: Pick<AdminItem, "id" | "current" | "latest">): string | null {
  const open = item.latest && item.latest.status !== "rejected";
  if (open) return null;
  const from = item.latest?.status === "rejected" ? item.latest.id : item.current?.id;
  return `/workbench/catalog/${encodeURIComponent(item.id)}/versions/new/edit${from ? `?from=${encodeURIComponent(from)}` : ""}`;
}

/** An item in the administration: its versions with who wrote, submitted and decided each, and any version's changes (R9). */
export default function ItemPage() {
  const { t } = useTranslation();
  const { itemId = "" } = useParams();
  const items = useAdminItems();
  const versions = useItemVersions(itemId);
  const item = items.data?.items.find((i) => i.id === itemId);
  const [chosen, setChosen] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  useTitle(item ? t("cat.item.pageTitle", { name: item.name }) : t("cat.list.title"));
  const list = versions.data?.items ?? [];
  const selectedId = chosen ?? list[0]?.id ?? null;
  const selected = list.find((v) => v.id === selectedId);
  const detail = useVersion(selectedId ?? undefined);

  if (items.isError || versions.isError)
    return (
      <WorkbenchPage>
        <ErrorResult error={items.error ?? versions.error} onRetry={() => void Promise.all([items.refetch(), versions.refetch()])} homePath="/workbench/catalog" loginPath="/workbench/login" />
      </WorkbenchPage>
    );
  if (!items.data || versions.isLoading)
    return (
      <WorkbenchPage>
        <Skeleton active paragraph={{ rows: 10 }} />
      </WorkbenchPage>
    );
  if (!item)
    return (
      <WorkbenchPage>
        <ErrorResult error={null} homePath="/workbench/catalog" loginPath="/workbench/login" />
      </WorkbenchPage>
    );

  const writePath = item.abilities.manage && item.status === "active" ? newVersionPath(item) : null;
  const editable = (v: VersionSummary) => item.abilities.manage && v.status === "draft";
  const columns: ColumnsType<VersionSummary> = [
    { title: t("cat.version.number"), dataIndex: "number", render: (n: number) => t("cat.versionN", { version: n }) },
    {
      title: t("cat.version.status"),
      render: (_: unknown, v) => (
        <div>
          <VersionStatusTag status={v.status} />
          {v.status === "rejected" && v.rejectReason && <div className="muted">{t("cat.version.reason", { reason: v.rejectReason })}</div>}
        </div>
      ),
    },
    { title: t("cat.version.effectiveFrom"), render: (_: unknown, v) => (v.effectiveFrom ? formatDate(v.effectiveFrom) : <span className="muted">{t("cat.version.onApproval")}</span>) },
    { title: t("cat.version.written"), render: (_: unknown, v) => <Who name={v.createdBy} at={v.createdAt} />, responsive: ["md"] },
    { title: t("cat.version.submitted"), render: (_: unknown, v) => <Who name={v.submittedBy} at={v.submittedAt} />, responsive: ["md"] },
    { title: t("cat.version.decided"), render: (_: unknown, v) => <Who name={v.decidedBy} at={v.decidedAt} />, responsive: ["md"] },
    { title: t("cat.version.changes"), render: (_: unknown, v) => <ChangedFields changes={v.changes} /> },
    {
      title: t("cat.version.actions"),
      render: (_: unknown, v) => (
        <Space wrap size={4}>
          <Button size="small" aria-pressed={v.id === selectedId} onClick={() => setChosen(v.id)} aria-label={t("cat.version.showN", { version: v.number })}>
            {t("cat.version.show")}
          </Button>
          {editable(v) && (
            <LinkButton size="small" to={`/workbench/catalog/${encodeURIComponent(item.id)}/versions/${encodeURIComponent(v.id)}/edit`} icon={<EditOutlined aria-hidden />} aria-label={t("cat.version.editN", { version: v.number })}>
              {t("cat.version.edit")}
            </LinkButton>
          )}
        </Space>
      ),
    },
  ];

  return (
    <WorkbenchPage wide>
      <PageHeading
        title={item.name}
        subtitle={
          <Space wrap size={[12, 4]}>
            <span>{item.department.name}</span>
            <span>{`${item.regionName} · ${t(`level.${item.level}`)}`}</span>
            <span>{t("cat.item.code", { code: item.code })}</span>
          </Space>
        }
        actions={
          <Space wrap>
            <LinkButton to="/workbench/catalog" icon={<ArrowLeftOutlined aria-hidden />}>{t("cat.item.back")}</LinkButton>
            {writePath && <LinkButton type="primary" to={writePath} icon={<FileAddOutlined aria-hidden />}>{t("cat.item.write")}</LinkButton>}
          </Space>
        }
      />
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={<ItemState item={item} />} description={!item.current ? t("cat.item.notPublicHint") : undefined} />

      <Section title={t("cat.item.history")}>
        <div role="region" aria-label={t("cat.item.history")}>
          <Table<VersionSummary>
            rowKey="id"
            columns={columns}
            dataSource={list}
            pagination={false}
            size="small"
            rowClassName={(v) => (v.id === selectedId ? "ant-table-row-selected" : "")}
            locale={{ emptyText: t("cat.item.noVersions") }}
            scroll={{ x: "max-content" }}
          />
        </div>
      </Section>

      {selected && (
        <Section
          title={t("cat.item.changesOf", { version: selected.number })}
          extra={
            <Space wrap>
              {detail.data && (detail.data.abilities.approve || detail.data.abilities.reject || detail.data.abilities.agreeFor.length > 0) && (
                <LinkButton type="primary" to={`/workbench/approvals/${encodeURIComponent(detail.data.id)}`} icon={<AuditOutlined aria-hidden />}>{t("cat.item.review")}</LinkButton>
              )}
              <Button icon={<EyeOutlined aria-hidden />} onClick={() => setPreviewing(true)}>{t("cat.preview.open")}</Button>
            </Space>
          }
        >
          {detail.isLoading || !detail.data ? (
            detail.isError ? <ErrorResult error={detail.error} onRetry={() => void detail.refetch()} homePath="/workbench/catalog" loginPath="/workbench/login" /> : <Skeleton active />
          ) : (
            <>
              <Agreements agreements={detail.data.agreements} />
              <GuideDiff diff={detail.data.diff} comparedWith={detail.data.comparedWith} departments={detail.data.departments} />
              {detail.data.status === "pending" && <Typography.Paragraph type="secondary">{t("cat.item.pendingHint")}</Typography.Paragraph>}
            </>
          )}
        </Section>
      )}
      {previewing && selected && <VersionPreview versionId={selected.id} title={t("cat.preview.title", { name: item.name, version: selected.number })} onClose={() => setPreviewing(false)} />}
    </WorkbenchPage>
  );
}
