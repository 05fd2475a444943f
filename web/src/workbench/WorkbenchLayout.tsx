import { DownOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, SafetyCertificateOutlined, UserOutlined } from "@ant-design/icons";
import { App, Button, Drawer, Dropdown, Layout, Result, Space, Tag, Tooltip } from "antd";
import { useEffect, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, Outlet, useLocation, useNavigate } from "react-router-dom";
import { ErrorResult } from "../common/components/ErrorResult.tsx";
import { PageLoading } from "../common/components/Misc.tsx";
import { ElderToggle, LanguageSwitch } from "../common/components/PrefsControls.tsx";
import { useIsMobile } from "../common/hooks/useIsMobile.ts";
import { useLogout, useMe, type Me } from "../common/data/me.ts";
import { DocumentTitle } from "../common/hooks/useTitle.ts";
import { LinkButton } from "../common/components/LinkButton.tsx";
import { forcedPasswordRedirect, STAFF_PASSWORD_PATH, STAFF_SECURITY_PATH } from "../common/account/passwordRules.ts";
import { WorkbenchNav } from "./supervision/nav.tsx";
import "./supervision/workbench.css";

/**
 * Staff only: anyone else is sent to the staff login. A staff member who still has the initial
 * password (sent by SMS) sees only the change-password page until it is changed.
 */
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
  const forced = forcedPasswordRedirect(me, location.pathname);
  if (forced) return <Navigate to={forced} replace />;
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
    <Space size={6} wrap={false} className="wb-identity" aria-label={t("wb.signedInAs", { who: label })}>
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
  const { pathname } = useLocation();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const [menuOpen, setMenuOpen] = useState(false);
  // A new page closes the phone menu (also when reached by the browser's back button).
  useEffect(() => setMenuOpen(false), [pathname]);
  if (!me) return null;
  // Until the initial password is changed (and a required second factor set up) every other page
  // leads back to it: no menu to follow.
  const firstLogin = me.mustChangePassword === true || (me.totp?.required === true && !me.totp.enabled);

  const accountLink = (to: string, label: string, icon: ReactNode, compact: boolean) => {
    const link = (
      <LinkButton type="text" to={to} icon={icon} aria-label={compact ? label : undefined} aria-current={pathname === to ? "page" : undefined}>
        {compact ? null : label}
      </LinkButton>
    );
    return compact ? <Tooltip title={label}>{link}</Tooltip> : link;
  };
  const passwordLink = (compact: boolean) => accountLink(STAFF_PASSWORD_PATH, t("acct.change.menu"), <KeyOutlined aria-hidden="true" />, compact);
  const securityLink = (compact: boolean) => accountLink(STAFF_SECURITY_PATH, t("acct.security.menu"), <SafetyCertificateOutlined aria-hidden="true" />, compact);

  const logOut = () =>
    logout.mutate(undefined, {
      onSettled: () => {
        void message.success(t("nav.loggedOut"));
        navigate("/workbench/login");
      },
    });
  // On a desk the account's pages and logging out sit under one "account" menu: the header stays
  // on one line in English and elder mode too.
  const accountMenu = (
    <Dropdown
      trigger={["click"]}
      menu={{
        items: [
          { key: STAFF_PASSWORD_PATH, icon: <KeyOutlined />, label: t("acct.change.menu") },
          { key: STAFF_SECURITY_PATH, icon: <SafetyCertificateOutlined />, label: t("acct.security.menu") },
          { type: "divider" },
          { key: "logout", icon: <LogoutOutlined />, label: t("nav.logout") },
        ],
        selectedKeys: [pathname],
        onClick: ({ key }) => (key === "logout" ? logOut() : navigate(key)),
      }}
    >
      <Button type="text" loading={logout.isPending}>
        {t("wb.account")} <DownOutlined aria-hidden="true" />
      </Button>
    </Dropdown>
  );

  const logoutButton = (
    <Tooltip title={t("nav.logout")}>
      <Button
        type="text"
        icon={<LogoutOutlined />}
        aria-label={t("nav.logout")}
        loading={logout.isPending}
        onClick={logOut}
      >
        {t("nav.logout")}
      </Button>
    </Tooltip>
  );

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <header className="app-header wb-header">
        <div className="app-header-inner" style={{ padding: "0 16px" }}>
          <Link to="/workbench" className="brand">
            <span className="brand-mark" aria-hidden="true">渝</span>
            <span className="brand-text">
              <span className="brand-title">{isMobile ? t("wb.shortName") : t("app.name")}</span>
              <span className="brand-sub">{t("app.workbench")}</span>
            </span>
          </Link>
          <div className="header-tools">
            <StaffIdentity me={me} compact={isMobile} />
            {!isMobile && <ElderToggle />}
            <LanguageSwitch compact={isMobile} />
            {!isMobile && accountMenu}
            {isMobile && (
              <Button
                type="text"
                icon={<MenuOutlined />}
                aria-label={t("nav.openMenu")}
                aria-expanded={menuOpen}
                aria-controls="wb-mobile-menu"
                onClick={() => setMenuOpen(true)}
              />
            )}
          </div>
        </div>
      </header>
      {isMobile && (
        <Drawer open={menuOpen} onClose={() => setMenuOpen(false)} placement="right" title={t("nav.menu")} size={300} id="wb-mobile-menu">
          {!firstLogin && (
            <nav className="mobile-nav" aria-label={t("wbnav.label")}>
              <WorkbenchNav me={me} onNavigate={() => setMenuOpen(false)} />
            </nav>
          )}
          <div style={{ marginTop: 16, display: "flex", flexDirection: "column", alignItems: "flex-start", gap: 8 }}>
            <ElderToggle />
            {passwordLink(false)}
            {securityLink(false)}
            {logoutButton}
          </div>
        </Drawer>
      )}
      <div className="wb-shell">
        {!isMobile && !firstLogin && (
          <aside className="wb-side">
            <nav className="wb-side-inner" aria-label={t("wbnav.label")}>
              <WorkbenchNav me={me} />
            </nav>
          </aside>
        )}
        <main id="main-content" tabIndex={-1}>
          <Outlet />
        </main>
      </div>
    </Layout>
  );
}
