import { Result } from "antd";
import { useTranslation } from "react-i18next";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { LinkButton } from "../../common/components/LinkButton.tsx";

export default function NotFound() {
  const { t } = useTranslation();
  useTitle(t("notFound.title"));
  return (
    <div className="container page">
      <Result
        status="404"
        title={<h1 className="result-h1">{t("notFound.title")}</h1>}
        subTitle={t("notFound.text")}
        extra={[
          <LinkButton key="home" to="/" type="primary">{t("error.action.home")}</LinkButton>,
          <LinkButton key="items" to="/items">{t("nav.items")}</LinkButton>,
        ]}
      />
    </div>
  );
}
