import {
  ApiOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  ClusterOutlined,
  CommentOutlined,
  QuestionCircleOutlined,
  FileTextOutlined,
  FlagOutlined,
  InboxOutlined,
  NodeIndexOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from "@ant-design/icons";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router-dom";
import { canOpen, type Section } from "../abilities.ts";
import { type Me } from "../../common/data/me.ts";

interface NavEntry {
  section: Section;
  to: string;
  labelKey: string;
  icon: ReactNode;
  end?: boolean;
}

interface NavGroup {
  key: string;
  labelKey: string;
  entries: NavEntry[];
}

/** The workbench menu: 业务办理, 配置管理, 效能监管; each entry shown by the user's roles. */
export const navGroups: NavGroup[] = [
  {
    key: "work",
    labelKey: "wbnav.group.work",
    entries: [
      { section: "worklist", to: "/workbench", labelKey: "wbnav.worklist", icon: <UnorderedListOutlined />, end: true },
      { section: "hall", to: "/workbench/hall", labelKey: "wbnav.hall", icon: <ShopOutlined /> },
      { section: "inbox", to: "/workbench/inbox", labelKey: "wbnav.inbox", icon: <InboxOutlined /> },
      { section: "certificates", to: "/workbench/certificates", labelKey: "cert.nav", icon: <SafetyCertificateOutlined /> },
    ],
  },
  {
    key: "config",
    labelKey: "wbnav.group.config",
    entries: [
      { section: "catalog", to: "/workbench/catalog", labelKey: "wbnav.catalog", icon: <NodeIndexOutlined /> },
      { section: "approvals", to: "/workbench/approvals", labelKey: "wbnav.approvals", icon: <ClusterOutlined /> },
      // Document templates (文书模板)
      { section: "templates", to: "/workbench/templates", labelKey: "tpl.nav", icon: <FileTextOutlined /> },
      { section: "calendar", to: "/workbench/calendar", labelKey: "wbnav.calendar", icon: <CalendarOutlined /> },
      { section: "staff", to: "/workbench/config/staff", labelKey: "wbnav.staff", icon: <TeamOutlined /> },
      { section: "organization", to: "/workbench/organization", labelKey: "org.nav", icon: <ApartmentOutlined /> },
      { section: "integrations", to: "/workbench/integrations", labelKey: "intg.nav", icon: <ApiOutlined /> },
    ],
  },
  {
    key: "supervision",
    labelKey: "wbnav.group.supervision",
    entries: [
      { section: "supervision", to: "/workbench/supervision", labelKey: "wbnav.supervision", icon: <BarChartOutlined /> },
      { section: "escalations", to: "/workbench/escalations", labelKey: "wbnav.escalations", icon: <AlertOutlined /> },
      { section: "consultations", to: "/workbench/consultations", labelKey: "cst.wb.nav", icon: <QuestionCircleOutlined /> },
      { section: "complaints", to: "/workbench/complaints", labelKey: "eng.wb.nav", icon: <CommentOutlined /> },
      { section: "flags", to: "/workbench/flags", labelKey: "wbnav.flags", icon: <FlagOutlined /> },
      { section: "audit", to: "/workbench/audit", labelKey: "wbnav.audit", icon: <AuditOutlined /> },
    ],
  },
];

/** The menu entries the user may open (its abilities), grouped; empty groups are left out. */
export function visibleGroups(me: Pick<Me, "abilities"> | null | undefined): NavGroup[] {
  return navGroups.map((g) => ({ ...g, entries: g.entries.filter((e) => canOpen(me, e.section)) })).filter((g) => g.entries.length > 0);
}

/** The workbench menu as grouped lists of links (plain links: Tab moves through them, Enter opens). */
export function WorkbenchNav({ me, onNavigate }: { me: Me; onNavigate?: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      {visibleGroups(me).map((g) => (
        <div key={g.key} className="wb-nav-group">
          <div className="wb-nav-heading" id={`wb-nav-${g.key}`}>
            {t(g.labelKey)}
          </div>
          <ul aria-labelledby={`wb-nav-${g.key}`}>
            {g.entries.map((e) => (
              <li key={e.to}>
                <NavLink to={e.to} end={e.end ?? false} onClick={onNavigate}>
                  <span className="wb-nav-icon" aria-hidden="true">{e.icon}</span>
                  <span>{t(e.labelKey)}</span>
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
