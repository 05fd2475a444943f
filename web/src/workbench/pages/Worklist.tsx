import { ReloadOutlined } from "@ant-design/icons";
import { Button, Card, Col, Row, Select, Space, Statistic, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { apiGet } from "../../common/api/client.ts";
import type { Worklist as WorklistData, WorklistItem } from "../../common/api/types.ts";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading } from "../../common/components/Misc.tsx";
import { LightTag, StatusTag } from "../../common/components/StatusTag.tsx";
import { formatDate, formatDateTime } from "../../common/format.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { byText, compareUrgency, lightRank, statusKey } from "../../common/status.ts";

export default function Worklist() {
  const { t } = useTranslation();
  useTitle(t("wb.worklist"));
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const kind = params.get("kind") ?? "";
  const itemId = params.get("itemId") ?? "";
  const status = params.get("status") ?? "";

  const query = useQuery({
    queryKey: ["worklist", kind, itemId],
    queryFn: ({ signal }) => apiGet<WorklistData>("/api/worklist", { kind, itemId }, signal),
    refetchInterval: 60_000,
  });

  const all = useMemo(() => [...(query.data?.items ?? [])].sort(compareUrgency), [query.data]);
  const rows = status ? all.filter((r) => r.status === status) : all;
  const itemOptions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of query.data?.items ?? []) seen.set(r.itemId ?? r.itemName, r.itemName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [query.data]);
  const statusOptions = [...new Set(all.map((r) => r.status))].map((s) => ({ value: s, label: t(statusKey(s)) }));
  const kindOptions = ["accept", "review", "decide", "co-handle", "offline", "third-party", "push", "deliver"].map((k) => ({ value: k, label: t(`stepKind.${k}`) }));

  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };

  // The API filters by itemId when items carry one; otherwise filter by name here.
  const itemFiltered = itemId && !(query.data?.items ?? []).some((r) => r.itemId) ? rows.filter((r) => r.itemName === itemId) : rows;

  const columns: TableColumnsType<WorklistItem> = [
    {
      title: t("wb.col.light"),
      dataIndex: "light",
      width: 110,
      sorter: (a, b) => lightRank(a.light) - lightRank(b.light),
      render: (_: unknown, r) => <LightTag light={r.light} /> ,
    },
    {
      title: t("wb.col.item"),
      dataIndex: "itemName",
      sorter: (a, b) => a.itemName.localeCompare(b.itemName),
      render: (_: unknown, r) => (
        <div>
          <Link to={`/workbench/cases/${r.caseId}`} onClick={(e) => e.stopPropagation()}>{r.itemName}</Link>
          {r.supervisionCode && <div className="supervision-code muted" style={{ fontSize: "0.85em", fontWeight: 400 }}>{r.supervisionCode}</div>}
        </div>
      ),
    },
    { title: t("wb.col.applicant"), dataIndex: "applicantName", responsive: ["md"] },
    {
      title: t("wb.col.step"),
      dataIndex: "name",
      responsive: ["lg"],
      render: (_: unknown, r) => <span>{r.name || t(`stepKind.${r.kind}`, { defaultValue: r.kind })}{r.department?.name ? <div className="muted" style={{ fontSize: "0.85em" }}>{r.department.name}</div> : null}</span>,
    },
    { title: t("wb.col.status"), dataIndex: "status", render: (_: unknown, r) => <StatusTag status={r.status} /> },
    {
      title: t("wb.col.submittedAt"),
      dataIndex: "submittedAt",
      responsive: ["lg"],
      sorter: (a, b) => byText(a.submittedAt, b.submittedAt),
      render: (v: string | undefined) => formatDateTime(v),
    },
    {
      title: t("wb.col.dueDate"),
      dataIndex: "dueDate",
      sorter: (a, b) => byText(a.dueDate, b.dueDate),
      render: (v: string | undefined) => formatDate(v),
    },
  ];

  const counts = query.data?.counts;

  return (
    <div className="container page" style={{ maxWidth: 1400 }}>
      <PageHeading
        title={t("wb.worklist")}
        subtitle={t("wb.worklistSubtitle")}
        actions={<Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} loading={query.isFetching}>{t("common.refresh")}</Button>}
      />
      <Row gutter={[16, 16]} className="counts-row" style={{ marginBottom: 16 }}>
        <Col xs={8}>
          <Card><Statistic title={t("wb.count.total")} value={counts?.total ?? 0} loading={query.isLoading} /></Card>
        </Col>
        <Col xs={8}>
          <Card><Statistic title={<span><span aria-hidden="true" style={{ color: "#d48806" }}>● </span>{t("light.yellow")}</span>} value={counts?.yellow ?? 0} loading={query.isLoading} styles={{ content: { color: "#ad6800" } }} /></Card>
        </Col>
        <Col xs={8}>
          <Card><Statistic title={<span><span aria-hidden="true" style={{ color: "#cf1322" }}>● </span>{t("light.red")}</span>} value={counts?.red ?? 0} loading={query.isLoading} styles={{ content: { color: "#a8071a" } }} /></Card>
        </Col>
      </Row>
      <Card>
        <Space wrap style={{ marginBottom: 16 }} role="search" aria-label={t("items.filters")}>
          <Select
            style={{ minWidth: 220 }}
            allowClear
            placeholder={t("wb.filter.item")}
            aria-label={t("wb.filter.item")}
            value={itemId || undefined}
            options={itemOptions}
            showSearch={{ optionFilterProp: "label" }}
            onChange={(v: string | undefined) => set("itemId", v)}
          />
          <Select
            style={{ minWidth: 160 }}
            allowClear
            placeholder={t("wb.filter.status")}
            aria-label={t("wb.filter.status")}
            value={status || undefined}
            options={statusOptions}
            onChange={(v: string | undefined) => set("status", v)}
          />
          <Select
            style={{ minWidth: 160 }}
            allowClear
            placeholder={t("wb.filter.kind")}
            aria-label={t("wb.filter.kind")}
            value={kind || undefined}
            options={kindOptions}
            onChange={(v: string | undefined) => set("kind", v)}
          />
        </Space>
        {query.isError ? (
          <ErrorResult error={query.error} onRetry={() => void query.refetch()} homePath="/workbench" loginPath="/workbench/login" />
        ) : (
          <Table<WorklistItem>
            rowKey={(r) => r.taskId ?? r.caseId}
            columns={columns}
            dataSource={itemFiltered}
            loading={query.isLoading}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: <Typography.Text type="secondary">{t("wb.empty")}</Typography.Text> }}
            onRow={(r) => ({
              onClick: () => navigate(`/workbench/cases/${r.caseId}`),
              style: { cursor: "pointer" },
            })}
            scroll={{ x: "max-content" }}
          />
        )}
      </Card>
    </div>
  );
}
