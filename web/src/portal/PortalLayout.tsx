import { BellOutlined, CommentOutlined, QuestionCircleOutlined, DownOutlined, KeyOutlined, LogoutOutlined, MailOutlined, MenuOutlined, ProfileOutlined, SafetyCertificateOutlined, UserOutlined } from "@ant-design/icons";
import { App, Button, Drawer, Dropdown, Layout, Space } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useLocation, useNavigate } from "react-router-dom";
import { ElderToggle, LanguageSwitch } from "../common/components/PrefsControls.tsx";
import { Grid } from "antd";
import { useLogout, useMe } from "../common/data/me.ts";
import { LinkButton } from "../common/components/LinkButton.tsx";
import { type NavEntry, PriorityNav } from "../common/components/PriorityNav.tsx";
import "./portal.css";

function useNavEntries(): NavEntry[] {
  const { t } = useTranslation();
  return [
    { to: "/", label: t("nav.home"), end: true },
    { to: "/items", label: t("nav.items") },
    { to: "/departments", label: t("dept.nav") },
    { to: "/progress", label: t("nav.progress") },
    { to: "/verify", label: t("nav.verify") },
    { to: "/my/cases", label: t("nav.myCases") },
  ];
}

function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const links = useNavEntries();
  return (
    <>
      {links.map((link) => (
        <NavLink key={link.to} to={link.to} end={link.end ?? false} onClick={onNavigate}>
          {link.label}
        </NavLink>
      ))}
    </>
  );
}

function Account({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { me, isLoading } = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();

  if (isLoading) return null;
  if (!me) {
    const next = ["/login", "/register", "/reset-password"].includes(location.pathname) ? "" : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return (
      <Space size={4}>
        <LinkButton to={`/login${next}`} onClick={onNavigate} type="primary">{t("nav.login")}</LinkButton>
        <LinkButton to="/register" onClick={onNavigate}>{t("nav.register")}</LinkButton>
      </Space>
    );
  }
  if (me.kind === "staff") {
    return (
      <LinkButton to="/workbench" onClick={onNavigate} icon={<UserOutlined aria-hidden="true" />}>{t("nav.workbench")}</LinkButton>
    );
  }
  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        items: [
          { key: "cases", icon: <ProfileOutlined />, label: t("nav.myCases") },
          { key: "inbox", icon: <MailOutlined />, label: t("cw.inbox.title") },
          { key: "certificates", icon: <SafetyCertificateOutlined />, label: t("cert.mine.menu") },
          { key: "consultations", icon: <QuestionCircleOutlined />, label: t("cst.menu") },
          { key: "complaints", icon: <CommentOutlined />, label: t("eng.cmp.menu") },
          { key: "notices", icon: <BellOutlined />, label: t("acct.notices.menu") },
          { key: "password", icon: <KeyOutlined />, label: t("acct.change.menu") },
          { type: "divider" },
          { key: "logout", icon: <LogoutOutlined />, label: t("nav.logout") },
        ],
        onClick: ({ key }) => {
          onNavigate?.();
          if (key === "cases") navigate("/my/cases");
          if (key === "inbox") navigate("/my/inbox");
          if (key === "certificates") navigate("/my/certificates");
          if (key === "consultations") navigate("/my/consultations");
          if (key === "complaints") navigate("/my/complaints");
          if (key === "password") navigate("/my/password");
          if (key === "notices") navigate("/my/notices");
          if (key === "logout")
            logout.mutate(undefined, {
              onSettled: () => {
                void message.success(t("nav.loggedOut"));
                navigate("/");
              },
            });
        },
      }}
    >
      <Button icon={<UserOutlined aria-hidden="true" />} aria-label={t("nav.accountMenu", { name: me.name })}>
        <span style={{ maxWidth: 120, overflow: "hidden", textOverflow: "ellipsis" }}>{me.name}</span> <DownOutlined />
      </Button>
    </Dropdown>
  );
}

/** Header, footer and the content outlet of the portal. */
export function PortalLayout() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  // Below lg the six links and the tools do not fit one row (English and elder mode are wider).
  const isMobile = screens.lg === false;
  const compactTools = screens.xl === false;
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  const links = useNavEntries();

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <header className="app-header">
        <div className="container app-header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">渝</span>
            <span className="brand-text">
              <span className="brand-title">{t("app.name")}</span>
              <span className="brand-sub">{t("app.portal")}</span>
            </span>
          </Link>
          {isMobile ? (
            <div className="header-tools">
              <LanguageSwitch compact />
              <Button type="text" icon={<MenuOutlined aria-hidden="true" />} aria-label={t("nav.openMenu")} aria-expanded={open} onClick={() => setOpen(true)} />
            </div>
          ) : (
            <>
              <PriorityNav links={links} label={t("nav.main")} />
              <div className="header-tools">
                <ElderToggle compact={compactTools} />
                <LanguageSwitch compact={compactTools} />
                <Account />
              </div>
            </>
          )}
        </div>
      </header>
      {isMobile && (
        <Drawer open={open} onClose={close} placement="right" title={t("nav.menu")} size={300}>
          <nav className="mobile-nav" aria-label={t("nav.main")}>
            <NavLinks onNavigate={close} />
          </nav>
          <Space orientation="vertical" style={{ marginTop: 16, width: "100%" }}>
            <Account onNavigate={close} />
            <ElderToggle />
          </Space>
        </Drawer>
      )}
      <main id="main-content" tabIndex={-1} style={{ flex: 1 }}>
        <Outlet />
      </main>
      <footer className="app-footer">
        <div className="container">
          <Space orientation="vertical" size={4}>
            <span>{t("footer.sponsor")}</span>
            <span>{t("footer.hotline")}</span>
            <span>
              <Link to="/workbench">{t("footer.staffEntry")}</Link>
              {" · "}
              <a href="/api/docs">{t("footer.apiDocs")}</a>
            </span>
          </Space>
        </div>
      </footer>
    </Layout>
  );
}
