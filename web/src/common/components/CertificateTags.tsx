import { Tag, Tooltip } from "antd";
import type { CertificateVerdict } from "@cq/contracts";
import { useTranslation } from "react-i18next";

const verdictColor: Record<CertificateVerdict, string> = { valid: "success", revoked: "error", expired: "warning" };

/** A certificate's status as verification states it today (有效 / 已注销 / 已过期), in words, never a code. */
export function CertificateVerdictTag({ verdict }: { verdict: CertificateVerdict }) {
  const { t } = useTranslation();
  return <Tag color={verdictColor[verdict]}>{t(`cert.verdict.${verdict}`)}</Tag>;
}

/** The mark of a certificate registered without a supervision code: issued off the platform (R37). */
export function OffPlatformTag() {
  const { t } = useTranslation();
  return (
    <Tooltip title={t("cert.offPlatformHelp")}>
      <Tag color="orange" tabIndex={0}>{t("cert.offPlatform")}</Tag>
    </Tooltip>
  );
}
