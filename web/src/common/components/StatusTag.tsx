import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import { lightColor, statusColor, statusKey } from "../status.ts";
import { type CaseResult, type Light } from "../data/cases.ts";

export function StatusTag({ status, result }: { status: string; result?: CaseResult | undefined }) {
  const { t } = useTranslation();
  const label = t(statusKey(status));
  const suffix = result && (status === "decided" || status === "closed") ? ` · ${t(`result.${result}`)}` : "";
  return <Tag color={statusColor(status, result)}>{label + suffix}</Tag>;
}

/** Dark enough for white text (≥ 4.5:1), unlike antd's solid presets. */
const lightSolid = { success: "#237804", warning: "#ad4e00", error: "#a8071a" } as const;

/** The supervision light (绿灯/黄灯/红灯) as a tag with a dot, never by color alone. */
export function LightTag({ light, suspended }: { light?: Light | null | undefined; suspended?: boolean | undefined }) {
  const { t } = useTranslation();
  if (suspended) return <Tag color="default">{t("light.suspended")}</Tag>;
  if (!light) return null;
  return (
    <Tag color={lightSolid[lightColor(light)]} variant="solid">
      <span aria-hidden="true">● </span>
      {t(`light.${light}`)}
    </Tag>
  );
}
