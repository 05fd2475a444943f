import { Card } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { ChangePasswordForm } from "../../common/account/ChangePasswordForm.tsx";
import { PageHeading } from "../../common/components/Misc.tsx";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { RequireApplicant } from "../RequireApplicant.tsx";

function ChangePasswordPage() {
  const { t } = useTranslation();
  useTitle(t("acct.change.title"));
  const navigate = useNavigate();
  return (
    <div className="container page" style={{ maxWidth: 720 }}>
      <PageHeading title={t("acct.change.title")} subtitle={t("acct.change.subtitle")} />
      <Card>
        <ChangePasswordForm onDone={() => navigate("/my/cases")} cancelTo="/my/cases" />
      </Card>
    </div>
  );
}

/** 修改密码 for a logged-in applicant (个人 or 法人). */
export default function ChangePassword() {
  return (
    <RequireApplicant>
      <ChangePasswordPage />
    </RequireApplicant>
  );
}
