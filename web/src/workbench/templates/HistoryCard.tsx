import { App, Button, Modal, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { TemplateBody, TemplateKind } from "@cq/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { TemplateVersion } from "../../common/data/templates.ts";
import { formatDateTime } from "../../common/format.ts";
import { MarkedText, useKindName } from "./parts.tsx";

/** A version's words as they read (placeholders set off). */
export function BodyText({ kind, body }: { kind: TemplateKind; body: TemplateBody }) {
  const { t } = useTranslation();
  return (
    <div className="tpl-body-text">
      <h3 className="tpl-body-title"><MarkedText kind={kind} text={body.title} /></h3>
      {body.paragraphs.map((p, i) => <p key={i}><MarkedText kind={kind} text={p} /></p>)}
      {body.footnote && (
        <p className="tpl-body-foot">
          <span className="muted">{t("tpl.field.footnote")}：</span>
          <MarkedText kind={kind} text={body.footnote} />
        </p>
      )}
    </div>
  );
}

interface Props {
  kind: TemplateKind;
  history: TemplateVersion[];
  canEdit: boolean;
  /** Saves a version's words again as the newest version. */
  onRestore: (version: TemplateVersion & { body: TemplateBody }) => Promise<void>;
  restoring: boolean;
}

/** The versions of a template, newest first: source, who, when, note; each one's words to read and restore. */
export function HistoryCard({ kind, history, canEdit, onRestore, restoring }: Props) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const kindName = useKindName();
  const [viewing, setViewing] = useState<(TemplateVersion & { body: TemplateBody }) | null>(null);
  const newest = history[0];
  const isNewest = (v: TemplateVersion) => v === newest || (v.version === newest?.version && v.source === newest.source);

  const restore = (v: TemplateVersion & { body: TemplateBody }) =>
    modal.confirm({
      title: t("tpl.history.restoreTitle", { version: v.version }),
      content: t("tpl.history.restoreText", { version: v.version }),
      okText: t("tpl.history.restore", { version: v.version }),
      cancelText: t("tpl.cancel"),
      onOk: async () => {
        setViewing(null);
        await onRestore(v);
      },
    });

  const columns: ColumnsType<TemplateVersion> = [
    {
      title: t("tpl.history.col.version"),
      key: "version",
      render: (_: unknown, v) => (
        <Space size={4} wrap>
          {t("tpl.version", { version: v.version })}
          {isNewest(v) && <Tag color="green">{t("tpl.history.current")}</Tag>}
        </Space>
      ),
    },
    { title: t("tpl.history.col.source"), key: "source", render: (_: unknown, v) => (v.body === null ? (v.source === "platform" ? t("tpl.history.backToBuiltin") : t("tpl.history.backToDefault")) : t(`tpl.history.source.${v.source}`)) },
    { title: t("tpl.history.col.who"), key: "who", render: (_: unknown, v) => v.createdBy ?? t("tpl.system") },
    { title: t("tpl.history.col.when"), key: "when", render: (_: unknown, v) => (v.createdAt ? formatDateTime(v.createdAt) : "—") },
    { title: t("tpl.history.col.note"), key: "note", render: (_: unknown, v) => v.note ?? "—" },
    {
      title: t("tpl.history.col.actions"),
      key: "actions",
      render: (_: unknown, v) => {
        const body = v.body;
        if (body === null) return null;
        const withBody = { ...v, body };
        return (
          <Space size={0} wrap>
            <Button type="link" size="small" onClick={() => setViewing(withBody)}>{t("tpl.history.view", { version: v.version })}</Button>
            {canEdit && !isNewest(v) && (
              <Button type="link" size="small" loading={restoring} onClick={() => restore(withBody)}>{t("tpl.history.restore", { version: v.version })}</Button>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <>
      <div role="region" aria-label={t("tpl.history.table", { kind: kindName(kind) })}>
        <Table<TemplateVersion>
          rowKey={(v) => `${v.source}-${v.version}`}
          size="small"
          columns={columns}
          dataSource={history}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t("tpl.history.empty") }}
          scroll={{ x: "max-content" }}
        />
      </div>
      <Modal
        open={viewing !== null}
        title={viewing ? t("tpl.history.viewTitle", { version: viewing.version }) : ""}
        onCancel={() => setViewing(null)}
        footer={
          <Space>
            <Button onClick={() => setViewing(null)}>{t("tpl.history.close")}</Button>
            {viewing && canEdit && !isNewest(viewing) && (
              <Button type="primary" loading={restoring} onClick={() => restore(viewing)}>{t("tpl.history.restore", { version: viewing.version })}</Button>
            )}
          </Space>
        }
        width={720}
      >
        {viewing && (
          <>
            <Typography.Paragraph type="secondary">
              {t(`tpl.history.source.${viewing.source}`)} · {viewing.createdBy ?? t("tpl.system")} · {viewing.createdAt ? formatDateTime(viewing.createdAt) : "—"}
            </Typography.Paragraph>
            <BodyText kind={kind} body={viewing.body} />
          </>
        )}
      </Modal>
    </>
  );
}
