import { useTranslation } from "react-i18next";
import { PageHeading } from "../../common/components/Misc.tsx";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { InboxList } from "../../common/components/InboxList.tsx";
import { RequireApplicant } from "../RequireApplicant.tsx";
import "../portal.css";

function MyInboxPage() {
  const { t } = useTranslation();
  useTitle(t("cw.inbox.title"));
  return (
    <div className="container page" style={{ maxWidth: 960 }}>
      <PageHeading title={t("cw.inbox.title")} subtitle={t("cw.inbox.applicantSubtitle")} />
      <InboxList caseLink={(id) => `/my/cases/${encodeURIComponent(id)}`} homePath="/" loginPath="/login" />
    </div>
  );
}

/** 我的消息: what the platform told the applicant in-app, each linked to its case. */
export default function MyInbox() {
  return (
    <RequireApplicant>
      <MyInboxPage />
    </RequireApplicant>
  );
}
