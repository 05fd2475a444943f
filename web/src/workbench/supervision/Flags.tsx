import { offplatformFlagKinds, type OffplatformFlagKind } from "@cq/contracts";
import { ReloadOutlined } from "@ant-design/icons";
import { Button, Card, Collapse, Select, Space, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading } from "../../common/components/Misc.tsx";
import { formatDate, formatDateTime } from "../../common/format.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import type { OffplatformFlag } from "../../common/data/supervision.ts";
import { evidenceLines } from "./flagEvidence.ts";
import { WorkbenchPage } from "./Page.tsx";
import { useFlags } from "../../common/data/supervision.ts";

const kindColor: Record<OffplatformFlagKind, string> = {
  "burst-after-acceptance": "volcano",
  "decision-without-review": "red",
  "deemed-acceptance": "orange",
  "certificate-without-code": "purple",
};

export function FlagKindTag({ kind }: { kind: OffplatformFlagKind }) {
  const { t } = useTranslation();
  return <Tag color={kindColor[kind]}>{t(`sv.flags.kind.${kind}`, { defaultValue: kind })}</Tag>;
}

function Evidence({ flag }: { flag: OffplatformFlag }) {
  const { t } = useTranslation();
  // Seconds matter here: a burst is steps recorded within minutes of each other.
  const { lines, rest } = evidenceLines(flag.kind, flag.evidence, (iso) => formatDate(iso, "seconds"));
  if (!lines.length && !rest.length) return <span className="muted">—</span>;
  return (
    <div style={{ maxWidth: 360, minWidth: 220 }}>
      {lines.map((l) => (
        <div key={l.key}>{t(l.key, l.values)}</div>
      ))}
      {rest.length > 0 && (
        <ul className="evidence-list muted" style={{ fontSize: "0.9em" }}>
          {rest.map(([k, v]) => (
            <li key={k}>
              <span className="mono">{k}</span>：{v}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** 体外循环预警: signs that a case was handled off the platform (R37, R38). */
export default function Flags() {
  const { t } = useTranslation();
  useTitle(t("sv.flags.title"));
  const [params, setParams] = useSearchParams();
  const kind = params.get("kind") ?? "";
  const query = useFlags();
  const all = useMemo(() => query.data?.items ?? [], [query.data]);
  const rows = kind ? all.filter((f) => f.kind === kind) : all;
  const count = (k: string) => all.filter((f) => f.kind === k).length;

  const columns: TableColumnsType<OffplatformFlag> = [
    { title: t("sv.flags.kindCol"), dataIndex: "kind", render: (k: OffplatformFlagKind) => <FlagKindTag kind={k} /> },
    {
      title: t("sv.flags.subject"),
      key: "subject",
      render: (_: unknown, f) => (
        <div>
          {f.caseId ? <Link to={`/workbench/cases/${encodeURIComponent(f.caseId)}`}>{f.itemName ?? f.caseId}</Link> : f.itemName && <span>{f.itemName}</span>}
          {f.supervisionCode && <div className="supervision-code muted" style={{ fontSize: "0.85em", fontWeight: 400 }}>{f.supervisionCode}</div>}
          {f.certificateNo && (
            <div style={{ fontSize: "0.9em" }}>
              {t("sv.flags.certificate")}：
              <a className="mono" href={`/verify/${encodeURIComponent(f.certificateNo)}`} target="_blank" rel="noreferrer">
                {f.certificateNo}
              </a>
            </div>
          )}
        </div>
      ),
    },
    { title: t("sv.col.department"), dataIndex: ["department", "name"], render: (v: string | undefined) => v ?? "—", responsive: ["md"] },
    { title: t("sv.flags.evidence"), dataIndex: "evidence", render: (_: unknown, f) => <Evidence flag={f} /> },
    { title: t("sv.flags.createdAt"), dataIndex: "createdAt", render: (v: string) => formatDateTime(v), sorter: (a, b) => a.createdAt.localeCompare(b.createdAt), defaultSortOrder: "descend" },
  ];

  return (
    <WorkbenchPage wide>
      <PageHeading
        title={t("sv.flags.title")}
        subtitle={t("sv.flags.subtitle")}
        actions={<Button icon={<ReloadOutlined aria-hidden />} onClick={() => void query.refetch()} loading={query.isFetching}>{t("common.refresh")}</Button>}
      />
      <Collapse
        style={{ marginBottom: 16, background: "#fff" }}
        items={[
          {
            key: "about",
            label: t("sv.flags.aboutTitle"),
            children: (
              <dl style={{ margin: 0 }}>
                {offplatformFlagKinds.map((k) => (
                  <div key={k} style={{ marginBottom: 8 }}>
                    <dt><FlagKindTag kind={k} /></dt>
                    <dd style={{ margin: "4px 0 0" }}>{t(`sv.flags.about.${k}`)}</dd>
                  </div>
                ))}
              </dl>
            ),
          },
        ]}
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<string>
            aria-label={t("sv.flags.filter")}
            style={{ minWidth: 260 }}
            value={kind}
            onChange={(v) => setParams(v ? { kind: v } : {}, { replace: true })}
            options={[
              { value: "", label: t("sv.flags.allKinds", { count: all.length }) },
              ...offplatformFlagKinds.map((k) => ({ value: k, label: t("sv.flags.kindCount", { kind: t(`sv.flags.kind.${k}`), count: count(k) }) })),
            ]}
          />
        </Space>
        {query.isError ? (
          <ErrorResult error={query.error} onRetry={() => void query.refetch()} homePath="/workbench" loginPath="/workbench/login" />
        ) : (
          <Table<OffplatformFlag>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={query.isLoading}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: "max-content" }}
            locale={{ emptyText: <Typography.Text type="secondary">{t("sv.flags.empty")}</Typography.Text> }}
          />
        )}
      </Card>
    </WorkbenchPage>
  );
}
