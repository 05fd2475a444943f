import { Space, Tag } from "antd";
import type { IntegrationScope } from "@cq/contracts";
import { useTranslation } from "react-i18next";

/** The text key of a scope's label ("cases:read" → "intg.scope.casesRead": i18next reads ":" as a namespace). */
export const scopeLabelKey = (s: IntegrationScope): string => `intg.scope.${s.replace(/:(\w)/, (_, c: string) => c.toUpperCase())}`;

/** A client's scopes as readable labels. */
export function ScopeTags({ scopes }: { scopes: IntegrationScope[] }) {
  const { t } = useTranslation();
  return (
    <Space wrap size={4}>
      {scopes.map((s) => (
        <Tag key={s}>{t(scopeLabelKey(s))}</Tag>
      ))}
    </Space>
  );
}

export function StatusTag({ status }: { status: "active" | "revoked" }) {
  const { t } = useTranslation();
  return <Tag color={status === "active" ? "green" : "default"}>{t(`intg.status.${status}`)}</Tag>;
}
