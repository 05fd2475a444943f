import { DownOutlined } from "@ant-design/icons";
import { Button, Dropdown } from "antd";
import { useLayoutEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, useLocation, useNavigate } from "react-router-dom";
import { linksThatFit } from "./priorityNavFit.ts";

export interface NavEntry {
  to: string;
  label: string;
  end?: boolean;
}

const GAP = 2;

/**
 * A header menu that stays on one line: the links that fit are shown, the rest go under "更多"
 * (English and elder mode are wider than Chinese). The widths are measured on an invisible copy
 * (`visibility: hidden`: neither seen, focused nor read), again whenever the room changes.
 */
export function PriorityNav({ links, label }: { links: readonly NavEntry[]; label: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const room = useRef<HTMLDivElement>(null);
  const ruler = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(links.length);

  useLayoutEffect(() => {
    const box = room.current;
    const measure = ruler.current;
    if (!box || !measure) return;
    const fit = () => {
      const widths = [...measure.children].map((c) => (c as HTMLElement).offsetWidth);
      const more = widths.pop() ?? 0;
      setShown(linksThatFit(widths, more, box.clientWidth, GAP));
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(box);
    observer.observe(measure);
    return () => observer.disconnect();
  }, [links, i18n.language]);

  const hidden = links.slice(shown);
  const isActive = (l: NavEntry) => (l.end ? pathname === l.to : pathname === l.to || pathname.startsWith(`${l.to}/`));
  return (
    <div ref={room} className="priority-nav">
      <nav className="header-nav" aria-label={label}>
        {links.slice(0, shown).map((link) => (
          <NavLink key={link.to} to={link.to} end={link.end ?? false}>
            {link.label}
          </NavLink>
        ))}
        {hidden.length > 0 && (
          <Dropdown
            trigger={["click"]}
            menu={{
              items: hidden.map((l) => ({ key: l.to, label: l.label })),
              selectedKeys: hidden.filter(isActive).map((l) => l.to),
              onClick: ({ key }) => navigate(key),
            }}
          >
            <Button type="text" className={`header-nav-more${hidden.some(isActive) ? " active" : ""}`}>
              {t("nav.more")} <DownOutlined aria-hidden="true" />
            </Button>
          </Dropdown>
        )}
      </nav>
      <div ref={ruler} className="header-nav header-nav-ruler" aria-hidden="true">
        {links.map((link) => (
          <span key={link.to} className="header-nav-measure">{link.label}</span>
        ))}
        <span className="header-nav-measure">{t("nav.more")} ▾</span>
      </div>
    </div>
  );
}
