import { Alert, Select, Space, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading, PageLoading } from "../../common/components/Misc.tsx";
import { useTemplates, type TemplateSummary } from "../../common/data/templates.ts";
import { tableLoading } from "../../common/data/tableLoading.ts";
import { formatDateTime } from "../../common/format.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { WorkbenchPage } from "../supervision/Page.tsx";
import { editorPath, InForceTag, useKindName, useTemplateScopes } from "./parts.tsx";
import "./templates.css";

const PLATFORM = "__platform__";

/** 文书模板: the kinds of document of the platform or a department, with whose words are in force (R12). */
export default function Templates() {
  const { t } = useTranslation();
  useTitle(t("tpl.list.title"));
  const kindName = useKindName();
  const { options, chosen, choose, ready } = useTemplateScopes();
  const scope = chosen?.scope ?? null;
  const list = useTemplates(scope, chosen !== undefined);
  const canEdit = list.data?.abilities.edit ?? false;

  const columns: ColumnsType<TemplateSummary> = [
    { title: t("tpl.col.kind"), key: "kind", render: (_: unknown, r) => <Link to={editorPath(r.kind, scope)}>{kindName(r.kind)}</Link> },
    { title: t("tpl.col.inForce"), key: "inForce", render: (_: unknown, r) => <InForceTag source={r.inForce} /> },
    { title: t("tpl.col.version"), key: "version", render: (_: unknown, r) => t("tpl.version", { version: r.version }) },
    {
      title: t("tpl.col.updated"),
      key: "updated",
      responsive: ["md"],
      render: (_: unknown, r) => (r.updatedAt ? t("tpl.byAt", { who: r.updatedBy ?? t("tpl.system"), at: formatDateTime(r.updatedAt) }) : <span className="muted">{t("tpl.notChanged")}</span>),
    },
    {
      title: t("tpl.col.actions"),
      key: "actions",
      render: (_: unknown, r) => (
        <Link to={editorPath(r.kind, scope)} aria-label={`${canEdit ? t("tpl.action.edit") : t("tpl.action.view")} ${kindName(r.kind)}`}>
          {canEdit ? t("tpl.action.edit") : t("tpl.action.view")}
        </Link>
      ),
    },
  ];

  return (
    <WorkbenchPage>
      <PageHeading title={t("tpl.list.title")} subtitle={t("tpl.list.subtitle")} />
      {!ready && options.length === 0 ? (
        <PageLoading />
      ) : options.length === 0 ? (
        <Alert type="info" showIcon title={t("tpl.scope.none")} />
      ) : (
        <>
          <Space wrap align="center" style={{ marginBottom: 8 }}>
            {options.length > 1 ? (
              <>
                <label htmlFor="tpl-scope" className="tpl-scope-label">{t("tpl.scope.label")}</label>
                <Select<string>
                  id="tpl-scope"
                  style={{ minWidth: 300 }}
                  showSearch={{ optionFilterProp: "label" }}
                  value={chosen?.scope ?? PLATFORM}
                  onChange={(v) => choose(v === PLATFORM ? null : v)}
                  options={options.map((o) => ({ value: o.scope ?? PLATFORM, label: o.label }))}
                />
              </>
            ) : (
              <span>
                <span className="tpl-scope-label">{t("tpl.scope.label")}</span>{" "}
                <strong>{list.data?.department?.name ?? chosen?.label}</strong>
              </span>
            )}
          </Space>
          <Typography.Paragraph type="secondary">{scope ? t("tpl.scope.departmentHint") : t("tpl.scope.platformHint")}</Typography.Paragraph>
          {list.data && !canEdit && <Alert type="info" showIcon title={t("tpl.list.readOnly")} style={{ marginBottom: 12 }} />}
          {list.isError ? (
            <ErrorResult error={list.error} onRetry={() => void list.refetch()} homePath="/workbench" loginPath="/workbench/login" />
          ) : (
            <div role="region" aria-label={t("tpl.list.table")}>
              <Table<TemplateSummary>
                rowKey="kind"
                loading={tableLoading(list)}
                columns={columns}
                dataSource={list.data?.items ?? []}
                pagination={false}
                locale={{ emptyText: t("tpl.list.empty") }}
                scroll={{ x: "max-content" }}
              />
            </div>
          )}
        </>
      )}
    </WorkbenchPage>
  );
}
