import { SafetyCertificateOutlined, SearchOutlined } from "@ant-design/icons";
import { Button, Card, DatePicker, Form, Input, Result, Select, Space, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading, Section } from "../../common/components/Misc.tsx";
import { formatDateTime, shortHash } from "../../common/format.ts";
import { auditActionName, auditObjectName } from "../../common/i18n/auditNames.ts";
import { useDepartments } from "../../common/data/catalog.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import type { AuditEntry } from "../../common/data/supervision.ts";
import { WorkbenchPage } from "./Page.tsx";
import { useAudit, useAuditStaff, useVerifyAudit, type AuditFilters } from "../../common/data/supervision.ts";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The filters, and the name of the staff member chosen (kept in the address so the chooser shows it). */
type Filters = AuditFilters & { actorName: string };
type FormValues = { code?: string; departmentId?: string; actorId?: string; period?: [Dayjs, Dayjs] | null; limit?: number };

function filtersOf(params: URLSearchParams): Filters {
  const limit = Number(params.get("limit"));
  return {
    code: params.get("code") ?? "",
    departmentId: params.get("departmentId") ?? "",
    actorId: params.get("actorId") ?? "",
    actorName: params.get("actor") ?? "",
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

/** Chooses a staff member by name (within the department chosen), never by id. */
function StaffChooser({ departmentId, initialName, value, onChange, onName }: {
  departmentId: string;
  initialName: string;
  value?: string;
  onChange?: (id: string | undefined) => void;
  onName: (name: string) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState("");
  const staff = useAuditStaff(q, departmentId);
  const options = (staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.department ? `${s.name}（${s.department.name}）` : s.name, name: s.name }));
  if (value && initialName && !options.some((o) => o.value === value)) options.unshift({ value, label: initialName, name: initialName });
  return (
    <Select
      id="audit-actor"
      allowClear
      style={{ width: 260 }}
      placeholder={t("sv.audit.actorPlaceholder")}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={staff.isFetching}
      value={value || undefined}
      options={options}
      onChange={(id: string | undefined, option) => {
        onChange?.(id);
        onName(id && option && !Array.isArray(option) ? option.name : "");
      }}
    />
  );
}

/** 审计: who did what, when, on whose authority, and whether the hash chain is intact (R39, R40). */
export default function Audit() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const departments = useDepartments();
  useTitle(t("sv.audit.title"));
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersOf(params), [params]);
  const [form] = Form.useForm<FormValues>();
  const [actorName, setActorName] = useState(filters.actorName);
  const departmentId = Form.useWatch("departmentId", form) ?? "";

  const query = useAudit(filters);
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);

  const verify = useVerifyAudit();

  const search = (v: FormValues, name = actorName) => {
    const next = new URLSearchParams();
    if (v.code?.trim()) next.set("code", v.code.trim());
    if (v.departmentId) next.set("departmentId", v.departmentId);
    if (v.actorId?.trim()) {
      next.set("actorId", v.actorId.trim());
      if (name) next.set("actor", name);
    }
    if (v.period?.[0]) next.set("from", v.period[0].format("YYYY-MM-DD"));
    if (v.period?.[1]) next.set("to", v.period[1].format("YYYY-MM-DD"));
    if (v.limit && v.limit !== 100) next.set("limit", String(v.limit));
    setParams(next);
  };
  const filterBy = (patch: Partial<Filters>) => {
    const merged = { ...filters, ...patch };
    setActorName(merged.actorName);
    form.setFieldsValue({ code: merged.code, departmentId: merged.departmentId || undefined, actorId: merged.actorId || undefined });
    search({ ...merged, period: merged.from && merged.to ? [dayjs(merged.from), dayjs(merged.to)] : null }, merged.actorName);
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
            <Button type="link" size="small" style={{ padding: 0, height: "auto" }} onClick={() => filterBy({ actorId: e.actorId ?? "", actorName: e.actorName ?? "" })} aria-label={t("sv.audit.byActor", { name: e.actorName ?? t("sv.audit.system") })}>
              {e.actorName ?? t("sv.audit.system")}
            </Button>
          ) : (
            <span>{e.actorName ?? t("sv.audit.system")}</span>
          )}
          {e.actorKind && <div className="muted" style={{ fontSize: "0.85em" }}>{t(`sv.audit.actorKind.${e.actorKind}`, { defaultValue: e.actorKind })}</div>}
        </div>
      ),
    },
    { title: t("sv.audit.action"), dataIndex: "action", render: (v: string) => <Tag>{auditActionName(v, lang)}</Tag> },
    {
      title: t("sv.audit.object"),
      key: "object",
      responsive: ["md"],
      render: (_: unknown, e) => (e.objectType ? auditObjectName(e.objectType, lang) : "—"),
    },
    {
      title: t("sv.audit.case"),
      dataIndex: "caseId",
      render: (v: string | null, e) =>
        v && e.caseCode ? (
          <Space size={4} wrap>
            <Link to={`/workbench/cases/${encodeURIComponent(v)}`} className="mono" style={{ fontSize: "0.9em", whiteSpace: "nowrap" }}>{e.caseCode}</Link>
            <Button size="small" type="text" icon={<SearchOutlined aria-hidden />} aria-label={t("sv.audit.byCaseCode", { code: e.caseCode })} onClick={() => filterBy({ code: e.caseCode ?? "" })} />
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
            code: filters.code,
            departmentId: filters.departmentId || undefined,
            actorId: filters.actorId || undefined,
            period: filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null,
            limit: filters.limit,
          }}
          onFinish={(v) => search(v)}
        >
          <Form.Item name="code" label={t("sv.audit.code")}>
            <Input allowClear className="mono" style={{ width: 240 }} maxLength={64} placeholder={t("sv.audit.codePlaceholder")} />
          </Form.Item>
          <Form.Item name="departmentId" label={t("sv.audit.department")}>
            <Select
              allowClear
              style={{ width: 260 }}
              placeholder={t("sv.audit.departmentPlaceholder")}
              showSearch={{ optionFilterProp: "label" }}
              loading={departments.isLoading}
              options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
              onChange={() => form.setFieldsValue({ actorId: undefined })}
            />
          </Form.Item>
          <Form.Item name="actorId" label={t("sv.audit.actorChoice")} htmlFor="audit-actor">
            <StaffChooser departmentId={departmentId} initialName={actorName} onName={setActorName} />
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
                  form.setFieldsValue({ code: "", departmentId: undefined, actorId: undefined, period: null, limit: 100 });
                  setActorName("");
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
