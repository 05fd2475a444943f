import { ConfigProvider, Result } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { LinkButton } from "../../common/components/LinkButton.tsx";
import { useMe } from "../../common/data/me.ts";
import { DocumentTitle } from "../../common/hooks/useTitle.ts";
import { canOpen, type Section } from "../abilities.ts";
import "./workbench.css";

/**
 * The frame of the configuration and supervision pages. antd puts a space between two Chinese
 * characters of a button ("督 办"); these pages turn that off so that a button's accessible name is
 * the word itself (督办, 提交, 发布, 同意).
 */
export function WorkbenchPage({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <ConfigProvider button={{ autoInsertSpace: false }}>
      <div className="container page wb-page" style={{ maxWidth: wide ? 1400 : 1200 }}>
        {children}
      </div>
    </ConfigProvider>
  );
}

/** Shows the section only to roles that can use it; the server still refuses everyone else. */
export function RequireSection({ section, children }: { section: Section; children: ReactNode }) {
  const { t } = useTranslation();
  const { me } = useMe();
  if (canOpen(me, section)) return <>{children}</>;
  return (
    <>
      <DocumentTitle title={t("wbx.forbiddenTitle")} />
      <Result
        status="403"
        title={t("wbx.forbiddenTitle")}
        subTitle={t("wbx.forbiddenText")}
        extra={<LinkButton type="primary" to="/workbench">{t("wb.backToWorklist")}</LinkButton>}
      />
    </>
  );
}
