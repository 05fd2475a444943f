import { Descriptions, Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { VersionAgreement } from "../../common/data/catalogAdmin.ts";
import { formatDateTime } from "../../common/format.ts";

const color = { pending: "processing", agreed: "green", rejected: "error" } as const;

/** The involved departments' answers to a version (R10). */
export function Agreements({ agreements }: { agreements: readonly VersionAgreement[] }) {
  const { t } = useTranslation();
  if (!agreements.length) return null;
  return (
    <Descriptions
      title={t("cat.agreement.title")}
      size="small"
      column={1}
      bordered
      style={{ marginBottom: 16 }}
      items={agreements.map((a) => ({
        key: a.department.id,
        label: a.department.name,
        children: (
          <span>
            <Tag color={color[a.status]}>{t(`cat.agreement.${a.status}`)}</Tag>
            {a.note && <span>{t("cat.agreement.note", { note: a.note })}</span>}
            {a.decidedAt && <span className="muted"> · {formatDateTime(a.decidedAt)}</span>}
          </span>
        ),
      }))}
    />
  );
}
