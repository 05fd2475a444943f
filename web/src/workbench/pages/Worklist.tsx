import { ReloadOutlined } from "@ant-design/icons";
import { Button, Card, Table, Tag, Typography } from "antd";
import type { TableColumnsType } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useSearchParams } from "react-router-dom";
import { useWorklist } from "../../common/data/worklist.ts";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { PageHeading } from "../../common/components/Misc.tsx";
import { LightTag, StatusTag } from "../../common/components/StatusTag.tsx";
import { formatDate, formatDateTime } from "../../common/format.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { byText, compareUrgency, lightRank } from "../../common/status.ts";
import { TaskStatusTag } from "../components/casefile/TaskParts.tsx";
import { ClaimButton } from "../components/worklist/ClaimButton.tsx";
import { CountCards } from "../components/worklist/CountCards.tsx";
import { WorklistCards, type WorklistRow } from "../components/worklist/WorklistCards.tsx";
import { WorklistFilters, type FilterState, type SortMode } from "../components/worklist/WorklistFilters.tsx";
import { useIsMobile } from "../../common/hooks/useIsMobile.ts";

/** A worklist row: an acceptance waiting at the window, or a task of a step. */
type Row = WorklistRow;
/** A task the signed-in person claimed (a case waiting for acceptance is nobody's yet). */
const byMe = (r: Row) => r.claimedByMe === true;

const startOf = (r: Row) => r.openedAt ?? r.submittedAt;

function sortRows(rows: Row[], sort: SortMode): Row[] {
  const copy = [...rows];
  if (sort === "due") return copy.sort((a, b) => byText(a.dueDate, b.dueDate) || lightRank(a.light) - lightRank(b.light));
  return copy.sort((a, b) => compareUrgency({ ...a, submittedAt: startOf(a) }, { ...b, submittedAt: startOf(b) }));
}

/** 待办: my tasks and my role's tasks, with the lights, sortable, and 签收 right here. */
export default function Worklist() {
  const { t } = useTranslation();
  useTitle(t("wb.worklist"));
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [live, setLive] = useState("");
  const isMobile = useIsMobile();
  const state: FilterState = {
    view: params.get("view") === "mine" ? "mine" : "all",
    kind: params.get("kind") ?? "",
    itemId: params.get("itemId") ?? "",
    status: params.get("status") ?? "",
    sort: params.get("sort") === "due" ? "due" : "urgency",
  };

  const query = useWorklist(state.kind, state.itemId);
  const all = useMemo(() => query.data?.items ?? [], [query.data]);
  const rows = useMemo(() => {
    let list = all;
    if (state.view === "mine") list = list.filter(byMe);
    if (state.status) list = list.filter((r) => r.status === state.status);
    return sortRows(list, state.sort);
  }, [all, state.view, state.status, state.sort]);

  const itemOptions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const r of all) seen.set(r.itemId ?? r.itemName, r.itemName);
    if (state.itemId && !seen.has(state.itemId)) seen.set(state.itemId, state.itemId);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [all, state.itemId]);
  const statusLabel = (r: Row) => (r.taskId ? t(`cw.task.status.${r.status}`, { defaultValue: r.status }) : t(`status.${r.status}`, { defaultValue: r.status }));
  const statusOptions = [...new Map(all.map((r) => [r.status, statusLabel(r)]))].map(([value, label]) => ({ value, label }));

  const set = (key: keyof FilterState, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const columns: TableColumnsType<Row> = [
    {
      title: t("wb.col.light"),
      key: "light",
      width: 110,
      sorter: (a, b) => lightRank(a.light) - lightRank(b.light),
      render: (_: unknown, r) => (r.light ? <LightTag light={r.light} /> : <span className="muted">{t("cw.worklist.noLight")}</span>),
    },
    {
      title: t("wb.col.item"),
      key: "item",
      render: (_: unknown, r) => (
        <div>
          <Link to={`/workbench/cases/${r.caseId}`} onClick={(e) => e.stopPropagation()}>{r.itemName}</Link>
          {r.supervisionCode && <div className="supervision-code muted" style={{ fontSize: "0.85em", fontWeight: 400 }}>{r.supervisionCode}</div>}
          {!r.supervisionCode && r.referenceNo && <div className="muted" style={{ fontSize: "0.85em" }}>{t("refNo.label")} <span className="supervision-code" style={{ fontWeight: 400 }}>{r.referenceNo}</span></div>}
        </div>
      ),
    },
    { title: t("wb.col.applicant"), dataIndex: "applicantName", responsive: ["md"] },
    {
      title: t("wb.col.step"),
      key: "step",
      render: (_: unknown, r) => (
        <span>
          {r.name || t(`stepKind.${r.kind}`, { defaultValue: r.kind })} <Tag>{t(`stepKind.${r.kind}`, { defaultValue: r.kind })}</Tag>
          {r.department?.name ? <div className="muted" style={{ fontSize: "0.85em" }}>{r.department.name}</div> : null}
        </span>
      ),
    },
    {
      title: t("wb.col.status"),
      key: "status",
      render: (_: unknown, r) => (
        <>
          {r.taskId ? <TaskStatusTag status={r.status} /> : <StatusTag status={r.status} />}
          {byMe(r) && <Tag color="geekblue">{t("cw.worklist.byMe")}</Tag>}
        </>
      ),
    },
    { title: t("cw.worklist.start"), key: "start", responsive: ["xl"], sorter: (a, b) => byText(startOf(a), startOf(b)), render: (_: unknown, r) => formatDateTime(startOf(r)) },
    { title: t("wb.col.dueDate"), dataIndex: "dueDate", sorter: (a, b) => byText(a.dueDate, b.dueDate), render: (v: string | undefined) => formatDate(v) },
    {
      title: t("cw.worklist.actions"),
      key: "actions",
      fixed: "end",
      render: (_: unknown, r) =>
        r.taskId && r.status === "open" ? (
          <ClaimButton taskId={r.taskId} caseId={r.caseId} stepName={r.name} onClaimed={setLive} />
        ) : (
          <Link to={`/workbench/cases/${r.caseId}`} onClick={(e) => e.stopPropagation()}>{t("cw.worklist.open")}<span className="sr-only">：{r.itemName}</span></Link>
        ),
    },
  ];

  return (
    <div className="container page" style={{ maxWidth: 1400 }}>
      <PageHeading
        title={t("wb.worklist")}
        subtitle={t("wb.worklistSubtitle")}
        actions={<Button icon={<ReloadOutlined aria-hidden="true" />} onClick={() => void query.refetch()} loading={query.isFetching}>{t("common.refresh")}</Button>}
      />
      <CountCards counts={query.data?.counts} loading={query.isLoading} />
      <Card>
        <WorklistFilters state={state} set={set} itemOptions={itemOptions} statusOptions={statusOptions} mineCount={all.filter(byMe).length} />
        {query.isError ? (
          <ErrorResult error={query.error} onRetry={() => void query.refetch()} homePath="/workbench" loginPath="/workbench/login" />
        ) : isMobile && !query.isLoading ? (
          <WorklistCards rows={rows} empty={state.view === "mine" ? t("cw.worklist.emptyMine") : t("wb.empty")} onClaimed={setLive} />
        ) : (
          <Table<Row>
            rowKey={(r) => r.taskId ?? `accept-${r.caseId}`}
            columns={columns}
            dataSource={rows}
            loading={query.isLoading}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: <Typography.Text type="secondary">{state.view === "mine" ? t("cw.worklist.emptyMine") : t("wb.empty")}</Typography.Text> }}
            onRow={(r) => ({ onClick: () => navigate(`/workbench/cases/${r.caseId}`), style: { cursor: "pointer" } })}
            scroll={{ x: "max-content" }}
          />
        )}
      </Card>
      <div className="sr-only" role="status" aria-live="polite">{live}</div>
    </div>
  );
}
