import { SafetyCertificateOutlined, SearchOutlined } from "@ant-design/icons";
import { Button, Card, DatePicker, Form, Input, Result, Select, Space, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading, Section } from "../../common/components/Misc.tsx";
import { formatDateTime, shortHash } from "../../common/format.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import type { AuditEntry } from "../../common/data/supervision.ts";
import { WorkbenchPage } from "./Page.tsx";
import { useAudit, useVerifyAudit, type AuditFilters } from "../../common/data/supervision.ts";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

type Filters = AuditFilters;

function filtersOf(params: URLSearchParams): Filters {
  const limit = Number(params.get("limit"));
  return {
    caseId: params.get("caseId") ?? "",
    actorId: params.get("actorId") ?? "",
    from: DAY.test(params.get("from") ?? "") ? params.get("from")! : "",
    to: DAY.test(params.get("to") ?? "") ? params.get("to")! : "",
    limit: [50, 100, 200, 500].includes(limit) ? limit : 100,
  };
}

function Values({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <div style={{ flex: 1, minWidth: 240 }}>
      <Typography.Text strong>{label}</Typography.Text>
      <pre className="json-box">{JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

/** 审计: who did what, when, on whose authority, and whether the hash chain is intact (R39, R40). */
export default function Audit() {
  const { t } = useTranslation();
  useTitle(t("sv.audit.title"));
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersOf(params), [params]);
  const [form] = Form.useForm<{ caseId: string; actorId: string; period: [Dayjs, Dayjs] | null; limit: number }>();

  const query = useAudit(filters);
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);

  const verify = useVerifyAudit();

  const search = (v: { caseId?: string; actorId?: string; period?: [Dayjs, Dayjs] | null; limit?: number }) => {
    const next = new URLSearchParams();
    if (v.caseId?.trim()) next.set("caseId", v.caseId.trim());
    if (v.actorId?.trim()) next.set("actorId", v.actorId.trim());
    if (v.period?.[0]) next.set("from", v.period[0].format("YYYY-MM-DD"));
    if (v.period?.[1]) next.set("to", v.period[1].format("YYYY-MM-DD"));
    if (v.limit && v.limit !== 100) next.set("limit", String(v.limit));
    setParams(next);
  };
  const filterBy = (patch: Partial<Filters>) => {
    const merged = { ...filters, ...patch };
    form.setFieldsValue({ caseId: merged.caseId, actorId: merged.actorId });
    search({ ...merged, period: merged.from && merged.to ? [dayjs(merged.from), dayjs(merged.to)] : null });
  };

  const columns: TableColumnsType<AuditEntry> = [
    { title: t("sv.audit.seq"), dataIndex: "seq", width: 72 },
    { title: t("sv.audit.at"), dataIndex: "at", render: (v: string) => <span style={{ whiteSpace: "nowrap" }}>{formatDateTime(v)}</span> },
    {
      title: t("sv.audit.actor"),
      key: "actor",
      render: (_: unknown, e) => (
        <div>
          {e.actorId ? (
            <Button type="link" size="small" style={{ padding: 0, height: "auto" }} onClick={() => filterBy({ actorId: e.actorId ?? "" })} aria-label={t("sv.audit.byActor", { name: e.actorName ?? e.actorId })}>
              {e.actorName ?? e.actorId}
            </Button>
          ) : (
            <span>{e.actorName ?? t("sv.audit.system")}</span>
          )}
          {e.actorKind && <div className="muted" style={{ fontSize: "0.85em" }}>{t(`sv.audit.actorKind.${e.actorKind}`, { defaultValue: e.actorKind })}</div>}
        </div>
      ),
    },
    { title: t("sv.audit.action"), dataIndex: "action", render: (v: string) => <Tag className="mono">{v}</Tag> },
    {
      title: t("sv.audit.object"),
      key: "object",
      responsive: ["md"],
      render: (_: unknown, e) => (e.objectType ? <span className="mono" style={{ fontSize: "0.9em" }}>{e.objectType}{e.objectId ? `:${shortHash(e.objectId)}` : ""}</span> : "—"),
    },
    {
      title: t("sv.audit.case"),
      dataIndex: "caseId",
      render: (v: string | null) =>
        v ? (
          <Space size={4} wrap>
            <Link to={`/workbench/cases/${encodeURIComponent(v)}`} className="mono" style={{ fontSize: "0.9em" }}>{shortHash(v)}</Link>
            <Button size="small" type="text" icon={<SearchOutlined aria-hidden />} aria-label={t("sv.audit.byCase", { id: v })} onClick={() => filterBy({ caseId: v })} />
          </Space>
        ) : (
          "—"
        ),
    },
    { title: t("sv.audit.ip"), dataIndex: "ip", responsive: ["lg"], render: (v: string | null) => <span className="mono">{v ?? "—"}</span> },
    { title: t("sv.audit.hash"), dataIndex: "hash", responsive: ["xl"], render: (v: string) => <span className="hash mono" title={v}>{shortHash(v)}</span> },
  ];

  const verified = verify.data;
  return (
    <WorkbenchPage wide>
      <PageHeading
        title={t("sv.audit.title")}
        subtitle={t("sv.audit.subtitle")}
        actions={
          <Button type="primary" icon={<SafetyCertificateOutlined aria-hidden />} loading={verify.isPending} onClick={() => verify.mutate()}>
            {t("sv.audit.verify")}
          </Button>
        }
      />
      <div aria-live="polite">
        {verify.isError && (
          <Card className="section-card">
            <ErrorResult error={verify.error} onRetry={() => verify.mutate()} homePath="/workbench" loginPath="/workbench/login" />
          </Card>
        )}
        {verified && (
          <Card className="section-card">
            <Result
              status={verified.ok ? "success" : "error"}
              title={verified.ok ? t("sv.audit.chainOk") : t("sv.audit.chainBroken")}
              subTitle={
                verified.ok
                  ? t("sv.audit.chainOkText", { count: verified.entries })
                  : t("sv.audit.chainBrokenText", { count: verified.entries, id: verified.firstBadEntry ?? "—" })
              }
              extra={<Button onClick={() => verify.reset()}>{t("sv.audit.closeResult")}</Button>}
            />
          </Card>
        )}
      </div>

      <Card className="section-card">
        <Form
          form={form}
          layout="vertical"
          className="filter-bar"
          role="search"
          aria-label={t("sv.audit.search")}
          initialValues={{
            caseId: filters.caseId,
            actorId: filters.actorId,
            period: filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null,
            limit: filters.limit,
          }}
          onFinish={search}
        >
          <Form.Item name="caseId" label={t("sv.audit.caseId")}>
            <Input allowClear className="mono" style={{ width: 240 }} maxLength={64} />
          </Form.Item>
          <Form.Item name="actorId" label={t("sv.audit.actorId")}>
            <Input allowClear className="mono" style={{ width: 240 }} maxLength={64} />
          </Form.Item>
          <Form.Item name="period" label={t("sv.audit.period")}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="limit" label={t("sv.audit.limit")}>
            <Select<number> style={{ width: 110 }} options={[50, 100, 200, 500].map((n) => ({ value: n, label: String(n) }))} />
          </Form.Item>
          <Form.Item label={<span aria-hidden="true">&nbsp;</span>}>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>{t("common.query")}</Button>
              <Button
                onClick={() => {
                  form.setFieldsValue({ caseId: "", actorId: "", period: null, limit: 100 });
                  setParams(new URLSearchParams());
                }}
              >
                {t("sv.audit.clear")}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>

      <Section title={t("sv.audit.results", { count: rows.length })}>
        {query.isError ? (
          <ErrorResult error={query.error} onRetry={() => void query.refetch()} homePath="/workbench" loginPath="/workbench/login" />
        ) : (
          <>
            <Table<AuditEntry>
              rowKey="id"
              size="small"
              columns={columns}
              dataSource={rows}
              loading={query.isLoading}
              pagination={false}
              scroll={{ x: "max-content" }}
              expandable={{
                columnTitle: <span className="sr-only">{t("sv.audit.details")}</span>,
                rowExpandable: (e) => e.oldValues !== null || e.newValues !== null || !!e.requestId,
                expandedRowRender: (e) => (
                  <div>
                    <div style={{ display: "flex", gap: 12, flexWrap: "wrap" }}>
                      <Values label={t("sv.audit.oldValues")} value={e.oldValues} />
                      <Values label={t("sv.audit.newValues")} value={e.newValues} />
                    </div>
                    <div className="hash mono" style={{ marginTop: 8 }}>
                      {t("sv.audit.entryId")}: {e.id} · {t("sv.audit.requestId")}: {e.requestId ?? "—"} · {t("sv.audit.hash")}: {e.hash}
                    </div>
                  </div>
                ),
              }}
              locale={{ emptyText: t("sv.audit.empty") }}
            />
            {query.hasNextPage && (
              <div style={{ textAlign: "center", marginTop: 16 }}>
                <Button onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>{t("common.loadMore")}</Button>
              </div>
            )}
          </>
        )}
      </Section>
    </WorkbenchPage>
  );
}
