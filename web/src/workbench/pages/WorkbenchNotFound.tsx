import { Result } from "antd";
import { useTranslation } from "react-i18next";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { LinkButton } from "../../common/components/LinkButton.tsx";

export default function WorkbenchNotFound() {
  const { t } = useTranslation();
  useTitle(t("notFound.title"));
  return (
    <Result
      status="404"
      title={t("notFound.title")}
      subTitle={t("notFound.text")}
      extra={<LinkButton to="/workbench" type="primary">{t("wb.worklist")}</LinkButton>}
    />
  );
}
