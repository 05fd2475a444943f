import { PlusOutlined } from "@ant-design/icons";
import { integrationEventTypes, type IntegrationEventType } from "@cq/contracts";
import { Alert, App, Button, Card, Checkbox, Empty, Form, Input, Modal, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  useCreateWebhook, useDeleteWebhook, useReplayDelivery, useResumeWebhook, useWebhookDeliveries, useWebhooks, type WebhookDelivery, type WebhookSubscription,
} from "../../common/data/webhooks.ts";
import { formatDateTime } from "../../common/format.ts";

const statusColor = { active: "green", paused: "orange" } as const;
const deliveryColor = { queued: "blue", delivering: "processing", delivered: "green", failed: "red", held: "orange" } as const;

/**
 * 事件回调: the webhook subscriptions of one integration client (R5) — the URL, the events by name,
 * the status; create (the secret shown once, to copy), delete, resume a paused one, and each one's
 * deliveries with their attempts, replayable. What may be done comes from the server's `abilities`.
 */
export function WebhooksPanel({ integrationId }: { integrationId: string }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const list = useWebhooks(integrationId);
  const remove = useDeleteWebhook();
  const resume = useResumeWebhook();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const eventName = (type: IntegrationEventType) => t(`wh.eventNames.${type}`);

  const columns: ColumnsType<WebhookSubscription> = [
    { title: t("wh.url"), dataIndex: "url", render: (url: string) => <Typography.Text style={{ wordBreak: "break-all" }}>{url}</Typography.Text> },
    {
      title: t("wh.events"),
      dataIndex: "events",
      render: (events: IntegrationEventType[]) => (
        <Space size={[4, 4]} wrap>
          {events.map((e) => (
            <Tag key={e}>{eventName(e)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t("wh.status"),
      dataIndex: "status",
      render: (_: unknown, s) => (
        <Space direction="vertical" size={0}>
          <Tag color={statusColor[s.status]}>{t(`wh.statuses.${s.status}`)}</Tag>
          {s.failingSince ? <Typography.Text type="secondary">{t("wh.failingSince", { time: formatDateTime(s.failingSince) })}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      title: t("wh.actions"),
      key: "actions",
      render: (_: unknown, s) => (
        <Space wrap>
          <Button size="small" onClick={() => setOpen(open === s.id ? null : s.id)} aria-expanded={open === s.id}>
            {t("wh.deliveries")}
          </Button>
          {s.abilities.resume ? (
            <Button
              size="small"
              type="primary"
              loading={resume.isPending}
              onClick={() =>
                resume.mutate(s.id, {
                  onSuccess: (r) => void message.success(t("wh.resumed", { count: r.released })),
                  onError: (e) => void message.error(e.message),
                })
              }
            >
              {t("wh.resume")}
            </Button>
          ) : null}
          {s.abilities.delete ? (
            <Button
              size="small"
              danger
              onClick={() =>
                modal.confirm({
                  title: t("wh.remove"),
                  content: t("wh.removeConfirm"),
                  okText: t("wh.remove"),
                  okButtonProps: { danger: true },
                  cancelText: t("wh.cancel"),
                  onOk: () =>
                    remove.mutateAsync(s.id).then(
                      () => {
                        if (open === s.id) setOpen(null);
                        void message.success(t("wh.removed"));
                      },
                      (e: Error) => void message.error(e.message),
                    ),
                })
              }
            >
              {t("wh.remove")}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t("wh.title")}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t("wh.add")}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t("wh.intro")}</Typography.Paragraph>
      {list.isError ? <Alert type="error" showIcon role="alert" title={list.error.message} /> : null}
      <Table<WebhookSubscription>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t("wh.none")} /> }}
        scroll={{ x: true }}
      />
      {open ? <Deliveries webhookId={open} /> : null}
      {creating ? (
        <CreateWebhook
          integrationId={integrationId}
          onClose={() => setCreating(false)}
          onCreated={(s) => {
            setCreating(false);
            setSecret(s);
          }}
        />
      ) : null}
      {secret ? (
        <Modal open title={t("wh.secretTitle")} onOk={() => setSecret(null)} onCancel={() => setSecret(null)} okText={t("wh.close")} cancelButtonProps={{ style: { display: "none" } }} destroyOnHidden>
          <Alert type="warning" showIcon title={t("wh.secretOnce")} style={{ marginBottom: 12 }} />
          <Typography.Paragraph code copyable={{ text: secret, tooltips: [t("wh.copy"), t("wh.copied")] }} style={{ wordBreak: "break-all" }}>
            {secret}
          </Typography.Paragraph>
        </Modal>
      ) : null}
    </Card>
  );
}

function CreateWebhook({ integrationId, onClose, onCreated }: { integrationId: string; onClose: () => void; onCreated: (secret: string) => void }) {
  const { t } = useTranslation();
  const create = useCreateWebhook();
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<IntegrationEventType[]>([]);
  const [touched, setTouched] = useState(false);
  const urlMissing = touched && !/^https?:\/\/\S+$/i.test(url.trim());
  const eventsMissing = touched && events.length === 0;
  return (
    <Modal
      open
      title={t("wh.add")}
      okText={t("wh.create")}
      cancelText={t("wh.cancel")}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => {
        setTouched(true);
        if (!/^https?:\/\/\S+$/i.test(url.trim())) document.getElementById("webhook-url")?.focus();
        else if (!events.length) document.querySelector<HTMLInputElement>(".webhook-events input")?.focus();
        else create.mutate({ integrationId, url: url.trim(), events }, { onSuccess: (r) => onCreated(r.secret) });
      }}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t("wh.url")} htmlFor="webhook-url" required validateStatus={urlMissing ? "error" : undefined} help={urlMissing ? t("wh.urlRequired") : undefined}>
          <Input id="webhook-url" type="url" maxLength={2000} value={url} placeholder={t("wh.urlPlaceholder")} onChange={(e) => setUrl(e.target.value)} />
        </Form.Item>
        <Form.Item label={t("wh.events")} required validateStatus={eventsMissing ? "error" : undefined} help={eventsMissing ? t("wh.eventsRequired") : undefined}>
          <Checkbox.Group
            className="webhook-events"
            role="group"
            aria-label={t("wh.events")}
            value={events}
            onChange={(v) => setEvents(v as IntegrationEventType[])}
            options={integrationEventTypes.map((e) => ({ value: e, label: t(`wh.eventNames.${e}`) }))}
          />
        </Form.Item>
      </Form>
      {create.isError ? <Alert type="error" showIcon role="alert" title={create.error.message} /> : null}
    </Modal>
  );
}

function Deliveries({ webhookId }: { webhookId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const deliveries = useWebhookDeliveries(webhookId);
  const replay = useReplayDelivery();
  const columns: ColumnsType<WebhookDelivery> = [
    { title: t("wh.delivery.event"), dataIndex: "eventType", render: (type: IntegrationEventType) => t(`wh.eventNames.${type}`) },
    { title: t("wh.delivery.status"), dataIndex: "status", render: (s: WebhookDelivery["status"]) => <Tag color={deliveryColor[s]}>{t(`wh.delivery.statuses.${s}`)}</Tag> },
    { title: t("wh.delivery.attempts"), dataIndex: "attempts" },
    { title: t("wh.delivery.lastCode"), dataIndex: "lastStatusCode", render: (code: number | null, d) => (code ?? (d.attempts ? t("wh.delivery.noCode") : "—")) },
    { title: t("wh.delivery.time"), dataIndex: "createdAt", render: (at: string, d) => formatDateTime(d.deliveredAt ?? d.attemptLog.at(-1)?.at ?? at) },
    {
      title: t("wh.actions"),
      key: "replay",
      render: (_: unknown, d) =>
        d.abilities.replay ? (
          <Button
            size="small"
            loading={replay.isPending && replay.variables?.deliveryId === d.id}
            onClick={() =>
              replay.mutate({ id: webhookId, deliveryId: d.id }, { onSuccess: () => void message.success(t("wh.delivery.replayed")), onError: (e) => void message.error(e.message) })
            }
          >
            {t("wh.delivery.replay")}
          </Button>
        ) : null,
    },
  ];
  return (
    <section aria-label={t("wh.delivery.title")} style={{ marginTop: 16 }}>
      <Typography.Title level={3} style={{ fontSize: "1em" }}>{t("wh.delivery.title")}</Typography.Title>
      {deliveries.isError ? <Alert type="error" showIcon role="alert" title={deliveries.error.message} /> : null}
      <Table<WebhookDelivery>
        rowKey="id"
        size="small"
        loading={deliveries.isLoading}
        columns={columns}
        dataSource={deliveries.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t("wh.delivery.none")} /> }}
        scroll={{ x: true }}
      />
    </section>
  );
}
