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
      title={<h1 className="result-h1">{t("notFound.title")}</h1>}
      subTitle={t("notFound.text")}
      extra={<LinkButton to="/workbench" type="primary">{t("wb.worklist")}</LinkButton>}
    />
  );
}
