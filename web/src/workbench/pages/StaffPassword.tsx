import { Alert, Card } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { ChangePasswordForm } from "../../common/account/ChangePasswordForm.tsx";
import { PageHeading } from "../../common/components/Misc.tsx";
import { useMe } from "../../common/data/me.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";

/**
 * 修改密码 for staff. It is also the one page open to a staff member whose account still has the
 * initial password sent by SMS (RequireStaff sends every other page here until it is changed).
 */
export default function StaffPassword() {
  const { t } = useTranslation();
  useTitle(t("acct.change.title"));
  const { me } = useMe();
  const navigate = useNavigate();
  const firstLogin = me?.mustChangePassword === true;
  return (
    <div className="container page" style={{ maxWidth: 720 }}>
      <PageHeading title={t("acct.change.title")} subtitle={t("acct.change.subtitle")} />
      {firstLogin && <Alert type="warning" showIcon title={t("acct.firstLogin.title")} description={t("acct.firstLogin.text")} style={{ marginBottom: 16 }} />}
      <Card>
        <ChangePasswordForm onDone={() => navigate("/workbench", { replace: firstLogin })} cancelTo={firstLogin ? undefined : "/workbench"} />
      </Card>
    </div>
  );
}
