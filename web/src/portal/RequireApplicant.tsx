import { Result } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router-dom";
import { ErrorResult } from "../common/components/ErrorResult.tsx";
import { PageLoading } from "../common/components/Misc.tsx";
import { useMe } from "../common/data/me.ts";
import { LinkButton } from "../common/components/LinkButton.tsx";

/** Shows its children to a logged-in applicant; sends others to log in first. */
export function RequireApplicant({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me, isLoading, error, refetch } = useMe();
  const location = useLocation();
  if (isLoading) return <PageLoading />;
  if (error) return <ErrorResult error={error} onRetry={() => void refetch()} />;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (me.kind !== "applicant")
    return (
      <Result
        status="info"
        title={t("auth.staffInPortal")}
        subTitle={t("auth.staffInPortalHint")}
        extra={
          <LinkButton to="/workbench" type="primary">{t("nav.workbench")}</LinkButton>
        }
      />
    );
  return <>{children}</>;
}
