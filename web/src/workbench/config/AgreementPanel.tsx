import { CheckCircleOutlined, ClockCircleOutlined, CloseCircleOutlined } from "@ant-design/icons";
import { List, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ProcessAgreement, AgreementStatus } from "../../common/data/processes.ts";

const tagColor: Record<AgreementStatus, string> = { pending: "processing", agreed: "success", rejected: "error" };
const tagIcon: Record<AgreementStatus, ReactNode> = {
  pending: <ClockCircleOutlined aria-hidden />,
  agreed: <CheckCircleOutlined aria-hidden />,
  rejected: <CloseCircleOutlined aria-hidden />,
};

export function AgreementTag({ status }: { status: string }) {
  const { t } = useTranslation();
  const s = (["pending", "agreed", "rejected"] as const).find((x) => x === status) ?? "pending";
  return (
    <Tag color={tagColor[s]} icon={tagIcon[s]}>
      {t(`cfg.agreement.${s}`)}
    </Tag>
  );
}

/**
 * Where the draft stands with the other departments (R10): each involved department's answer, or,
 * before submission, who will be asked.
 */
export function AgreementPanel({
  status,
  agreements,
  involved,
}: {
  status: string | null;
  agreements: ProcessAgreement[];
  involved: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const asked = agreements.length > 0 && status === "awaiting-agreement";
  return (
    <div>
      {asked ? (
        <List
          size="small"
          dataSource={agreements}
          renderItem={(a) => (
            <List.Item>
              <div style={{ width: "100%" }}>
                <div style={{ display: "flex", justifyContent: "space-between", gap: 8, flexWrap: "wrap" }}>
                  <span>{a.departmentName}</span>
                  <AgreementTag status={a.status} />
                </div>
                {a.note && <Typography.Text type="secondary">{t("cfg.agreement.note", { note: a.note })}</Typography.Text>}
              </div>
            </List.Item>
          )}
        />
      ) : involved.length > 0 ? (
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>{t("cfg.agreement.willAsk")}</Typography.Paragraph>
          <ul className="evidence-list">
            {involved.map((d) => (
              <li key={d.id}>{d.name}</li>
            ))}
          </ul>
        </>
      ) : (
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t("cfg.agreement.onlyLead")}</Typography.Paragraph>
      )}
    </div>
  );
}
