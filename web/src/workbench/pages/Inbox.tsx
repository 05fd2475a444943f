import { useTranslation } from "react-i18next";
import { PageHeading } from "../../common/components/Misc.tsx";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { InboxList } from "../../common/components/InboxList.tsx";
import "../components/casework.css";

/** 站内消息 for staff: new tasks, returned opinions, hand-overs to sign for, escalations. */
export default function Inbox() {
  const { t } = useTranslation();
  useTitle(t("cw.inbox.title"));
  return (
    <div className="container page" style={{ maxWidth: 960 }}>
      <PageHeading title={t("cw.inbox.title")} subtitle={t("cw.inbox.staffSubtitle")} />
      <InboxList caseLink={(id) => `/workbench/cases/${encodeURIComponent(id)}`} homePath="/workbench" loginPath="/workbench/login" />
    </div>
  );
}
