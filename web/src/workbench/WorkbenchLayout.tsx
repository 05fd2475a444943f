import { LogoutOutlined, UserOutlined } from "@ant-design/icons";
import { App, Button, Layout, Result, Space, Tag, Tooltip } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Navigate, Outlet, useLocation, useNavigate } from "react-router-dom";
import type { Me } from "../common/api/types.ts";
import { ErrorResult } from "../common/components/ErrorResult.tsx";
import { PageLoading } from "../common/components/Misc.tsx";
import { ElderToggle, LanguageSwitch } from "../common/components/PrefsControls.tsx";
import { useIsMobile } from "../common/hooks/useIsMobile.ts";
import { useLogout, useMe } from "../common/hooks/useMe.ts";
import { DocumentTitle } from "../common/hooks/useTitle.ts";
import { LinkButton } from "../common/components/LinkButton.tsx";

/** Staff only: anyone else is sent to the staff login. */
export function RequireStaff({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me, isLoading, error, refetch } = useMe();
  const location = useLocation();
  const logout = useLogout();
  if (isLoading) return <PageLoading />;
  if (error) return <ErrorResult error={error} onRetry={() => void refetch()} homePath="/workbench" loginPath="/workbench/login" />;
  if (!me) return <Navigate to={`/workbench/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (me.kind !== "staff")
    return (
      <>
        <DocumentTitle title={t("wb.notStaff")} />
        <Result
          status="403"
          title={t("wb.notStaff")}
          subTitle={t("wb.notStaffHint")}
          extra={
            <Space>
              <Button type="primary" loading={logout.isPending} onClick={() => logout.mutate()}>{t("wb.switchAccount")}</Button>
              <LinkButton to="/">{t("wb.toPortal")}</LinkButton>
            </Space>
          }
        />
      </>
    );
  return <>{children}</>;
}

function StaffIdentity({ me, compact }: { me: Me; compact: boolean }) {
  const { t } = useTranslation();
  const department = me.department?.name ?? me.roles.find((r) => r.departmentName)?.departmentName;
  const roles = [...new Set(me.roles.map((r) => r.role))];
  const label = `${me.name}${department ? ` · ${department}` : ""}`;
  if (compact)
    return (
      <Tooltip title={`${label} · ${roles.map((r) => t(`role.${r}`, { defaultValue: r })).join("、")}`}>
        <Button type="text" icon={<UserOutlined />} aria-label={label}>{me.name}</Button>
      </Tooltip>
    );
  return (
    <Space size={6} wrap={false} aria-label={t("wb.signedInAs", { who: label })}>
      <UserOutlined aria-hidden="true" />
      <strong>{me.name}</strong>
      {department && <span className="muted">{department}</span>}
      {roles.map((r) => <Tag key={r} color="blue">{t(`role.${r}`, { defaultValue: r })}</Tag>)}
    </Space>
  );
}

export function WorkbenchLayout() {
  const { t } = useTranslation();
  const { me } = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  if (!me) return null;

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <header className="app-header">
        <div className="container app-header-inner" style={{ maxWidth: 1400 }}>
          <Link to="/workbench" className="brand">
            <span className="brand-mark" aria-hidden="true">渝</span>
            <span className="brand-text">
              <span className="brand-title">{isMobile ? t("wb.shortName") : t("app.name")}</span>
              <span className="brand-sub">{t("app.workbench")}</span>
            </span>
          </Link>
          {!isMobile && (
            <nav className="header-nav" aria-label={t("nav.main")}>
              <NavLink to="/workbench" end>{t("wb.worklist")}</NavLink>
            </nav>
          )}
          <div className="header-tools">
            <StaffIdentity me={me} compact={isMobile} />
            {!isMobile && <ElderToggle />}
            <LanguageSwitch compact={isMobile} />
            <Tooltip title={t("nav.logout")}>
              <Button
                type="text"
                icon={<LogoutOutlined />}
                aria-label={t("nav.logout")}
                loading={logout.isPending}
                onClick={() =>
                  logout.mutate(undefined, {
                    onSettled: () => {
                      void message.success(t("nav.loggedOut"));
                      navigate("/workbench/login");
                    },
                  })
                }
              >
                {isMobile ? null : t("nav.logout")}
              </Button>
            </Tooltip>
          </div>
        </div>
      </header>
      <main id="main-content" tabIndex={-1} style={{ flex: 1 }}>
        <Outlet />
      </main>
    </Layout>
  );
}
