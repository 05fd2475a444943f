import { CheckOutlined, MailOutlined, ReloadOutlined } from "@ant-design/icons";
import { App, Badge, Button, Card, Empty, Segmented, Skeleton, Space, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useInbox, useMarkRead } from "../data/inbox.ts";
import { ErrorResult } from "./ErrorResult.tsx";
import { formatDateTime } from "../format.ts";
import "./inbox.css";

/**
 * The caller's in-app messages (站内消息), newest first; each links to its case. Used by both
 * faces: `caseLink` says where a case opens (portal or workbench). Opening a case or pressing
 * 标为已读 marks a message read (for this person only).
 */
export function InboxList({ caseLink, homePath, loginPath }: { caseLink: (caseId: string) => string; homePath: string; loginPath: string }) {
  const { t } = useTranslation();
  const query = useInbox();
  const { message } = App.useApp();
  const markRead = useMarkRead();
  const [filter, setFilter] = useState<"all" | "unread">("all");
  if (query.isLoading) return <Card><Skeleton active paragraph={{ rows: 6 }} /></Card>;
  if (query.isError) return <ErrorResult error={query.error} onRetry={() => void query.refetch()} homePath={homePath} loginPath={loginPath} />;
  const all = [...(query.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const unread = all.filter((m) => !m.readAt).length;
  const items = filter === "unread" ? all.filter((m) => !m.readAt) : all;
  return (
    <Card>
      <Space wrap style={{ display: "flex", justifyContent: "space-between", marginBottom: 8 }}>
        <Segmented
          value={filter}
          onChange={(v) => setFilter(v === "unread" ? "unread" : "all")}
          options={[
            { value: "all", label: t("cw.inbox.all", { count: all.length }) },
            { value: "unread", label: t("cw.inbox.unread", { count: unread }) },
          ]}
          aria-label={t("cw.inbox.filter")}
        />
        <Space wrap>
          {unread > 0 && (
            <Button
              icon={<CheckOutlined aria-hidden="true" />}
              loading={markRead.isPending && markRead.variables === null}
              onClick={() =>
                markRead.mutate(null, {
                  onSuccess: (r) => void message.success(t("cw.inbox.markedAll", { count: r.marked })),
                  onError: (e) => void message.error(e.message),
                })
              }
            >
              {t("cw.inbox.markAllRead")}
            </Button>
          )}
          <Button icon={<ReloadOutlined aria-hidden="true" />} loading={query.isFetching} onClick={() => void query.refetch()}>{t("common.refresh")}</Button>
        </Space>
      </Space>
      {items.length === 0 ? (
        <Empty description={t("cw.inbox.empty")} />
      ) : (
        <ul style={{ listStyle: "none", margin: 0, padding: 0 }} aria-label={t("cw.inbox.title")}>
          {items.map((m) => (
            <li key={m.id} className={`cw-inbox-item${m.readAt ? "" : " unread"}`}>
              <Badge dot={!m.readAt} offset={[-2, 4]}>
                <MailOutlined aria-hidden="true" style={{ fontSize: 20, color: "#1f5fbf" }} />
              </Badge>
              <div style={{ minWidth: 0, flex: 1 }}>
                <Space size={[8, 2]} wrap>
                  <span className="cw-inbox-title">{m.title}</span>
                  {!m.readAt && <span className="sr-only">{t("cw.inbox.unreadMark")}</span>}
                  <span className="muted" style={{ fontSize: "0.9em" }}>{formatDateTime(m.createdAt)}</span>
                </Space>
                <Typography.Paragraph style={{ margin: "2px 0 0" }} className="prose">{m.text}</Typography.Paragraph>
                <Space size={12} wrap>
                  {m.caseId && (
                    <Link to={caseLink(m.caseId)} onClick={() => !m.readAt && markRead.mutate(m.id)}>
                      {t("cw.inbox.openCase")}
                      <span className="sr-only">：{m.title}</span>
                    </Link>
                  )}
                  {!m.readAt && (
                    <Button type="link" size="small" style={{ padding: 0 }} loading={markRead.isPending && markRead.variables === m.id} onClick={() => markRead.mutate(m.id)}>
                      {t("cw.inbox.markRead")}
                      <span className="sr-only">：{m.title}</span>
                    </Button>
                  )}
                </Space>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
