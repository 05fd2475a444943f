import { Button, Descriptions, Empty, Space, Tag, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { caseCommands, type CaseRecord, type Handover, type OfflineRecord, type CaseDetail } from "../../../common/data/cases.ts";
import { formatDate, formatDateTime } from "../../../common/format.ts";
import { useMe } from "../../../common/data/me.ts";
import { ActionModal } from "./ActionModal.tsx";
import { worksIn } from "../../abilities.ts";
import { OfflineRecordView } from "./TaskParts.tsx";
import { useCaseAction } from "./useCaseAction.ts";

const str = (v: unknown): string => (typeof v === "string" ? v : v === undefined || v === null ? "" : String(v));

function Byline({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  return (
    <div className="muted" style={{ fontSize: "0.9em", marginBottom: 6 }}>
      {t("cw.records.by", { who: record.recordedBy ?? "—", department: record.department ?? "—", at: formatDateTime(record.recordedAt) })}
    </div>
  );
}

function Verification({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  const result = str(record.data.result);
  return (
    <div className="cw-record">
      <Space size={[8, 4]} wrap>
        <strong>{t(`cw.verify.methods.${str(record.data.method)}`, { defaultValue: str(record.data.method) })}</strong>
        <Tag color={result === "confirmed" ? "success" : result === "discrepancy" ? "error" : "warning"}>{t(`cw.verify.results.${result}`, { defaultValue: result })}</Tag>
      </Space>
      <Byline record={record} />
      {str(record.data.note) && <div className="prose">{str(record.data.note)}</div>}
    </div>
  );
}

/** A third-party result shown exactly as received (R26): the text is never reflowed or trimmed. */
function ThirdParty({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  return (
    <div className="cw-record">
      <Byline record={record} />
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: "agency", label: t("cw.thirdParty.agency"), children: str(record.data.agency) },
          { key: "reportNo", label: t("cw.thirdParty.reportNo"), children: <span className="mono">{str(record.data.reportNo)}</span> },
          { key: "conclusion", label: t("cw.thirdParty.conclusion"), children: str(record.data.conclusion) },
          { key: "receivedOn", label: t("cw.thirdParty.receivedOn"), children: formatDate(str(record.data.receivedOn)) },
          { key: "text", label: t("cw.thirdParty.text"), children: <pre className="cw-verbatim">{str(record.data.text)}</pre> },
        ]}
      />
    </div>
  );
}

function HandoverRow({ detail, handover }: { detail: CaseDetail; handover: Handover }) {
  const { t } = useTranslation();
  const { me } = useMe();
  const receive = useCaseAction(
    detail.id,
    caseCommands.receiveHandover,
    () => t("cw.handover.received"),
  );
  const [open, setOpen] = useState(false);
  const mayReceive = !handover.receivedAt && worksIn(me, handover.to.id);
  return (
    <div className="cw-record">
      <Space size={[8, 4]} wrap>
        <span className="supervision-code">{handover.label}</span>
        <span>{t("cw.handover.route", { from: handover.from.name, to: handover.to.name })}</span>
        {handover.receivedAt ? <Tag color="success">{t("cw.handover.receivedAt", { at: formatDateTime(handover.receivedAt) })}</Tag> : <Tag color="warning">{t("cw.handover.waiting")}</Tag>}
      </Space>
      <div className="muted" style={{ fontSize: "0.9em" }}>{t("cw.handover.registeredAt", { at: formatDateTime(handover.registeredAt) })}</div>
      <ul style={{ margin: "6px 0", paddingInlineStart: 20 }}>
        {handover.items.map((item, i) => <li key={i}>{item}</li>)}
      </ul>
      {handover.note && <div className="prose muted">{handover.note}</div>}
      {mayReceive && (
        <Button type="primary" onClick={() => setOpen(true)}>
          {t("cw.handover.receive")}
        </Button>
      )}
      <ActionModal
        open={open}
        title={t("cw.handover.receiveTitle")}
        okText={t("cw.handover.receiveOk")}
        effects={[t("cw.handover.receiveEffect", { to: handover.to.name, count: handover.items.length }), t("cw.handover.receiveEffect2")]}
        notify={t("cw.handover.receiveNotify", { from: handover.from.name })}
        loading={receive.isPending}
        error={receive.error}
        onOk={() => receive.mutate(handover.id, { onSuccess: () => setOpen(false) })}
        onCancel={() => {
          receive.reset();
          setOpen(false);
        }}
      />
    </div>
  );
}

function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section style={{ marginBottom: 20 }}>
      <Typography.Title level={3} style={{ fontSize: "1.05em" }}>{title}</Typography.Title>
      {children}
    </section>
  );
}

/** 记录: verifications, third-party results, offline records and paper hand-overs. */
export function RecordsPanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const records = detail.records ?? [];
  const handovers = detail.handovers ?? [];
  const of = (kind: string) => records.filter((r) => r.kind === kind);
  if (records.length === 0 && handovers.length === 0) return <Empty description={t("cw.records.none")} />;
  return (
    <div>
      {of("verification").length > 0 && <Group title={t("cw.records.verifications")}>{of("verification").map((r) => <Verification key={r.id} record={r} />)}</Group>}
      {of("third-party").length > 0 && <Group title={t("cw.records.thirdParty")}>{of("third-party").map((r) => <ThirdParty key={r.id} record={r} />)}</Group>}
      {of("offline").length > 0 && (
        <Group title={t("cw.records.offline")}>
          {of("offline").map((r) => (
            <div key={r.id} className="cw-record">
              <Byline record={r} />
              <OfflineRecordView record={r.data as Partial<OfflineRecord>} />
            </div>
          ))}
        </Group>
      )}
      {handovers.length > 0 && <Group title={t("cw.records.handovers")}>{handovers.map((h) => <HandoverRow key={h.id} detail={detail} handover={h} />)}</Group>}
    </div>
  );
}
