import type { CaseStatus, NextAction } from "@cq/contracts";
import { useTranslation } from "react-i18next";
import { LinkButton } from "../../../common/components/LinkButton.tsx";

const warn: ReadonlySet<NextAction> = new Set(["complete-and-submit", "supplement", "collect-result"]);

/**
 * "What you need to do now" (您现在需要), from the server's `expectedOfApplicant` (or the list's
 * `nextAction`), with the button that does it.
 */
export function ExpectedAction({ code, status, caseId, itemId, big }: { code: NextAction | null | undefined; status: CaseStatus; caseId: string; itemId: string; big?: boolean }) {
  const { t } = useTranslation();
  const text = code ? t(`nextAction.${code}`) : t(`nextAction.status.${status}`, { defaultValue: t("nextAction.none") });
  const button =
    code === "complete-and-submit" ? (
      <LinkButton to={`/apply/${itemId}?case=${caseId}`} type="primary" size={big ? "middle" : "small"}>{t("myCases.continue")}</LinkButton>
    ) : code === "supplement" ? (
      <LinkButton to={`/my/cases/${caseId}#supplement`} type="primary" size={big ? "middle" : "small"}>{t("myCases.supplement")}</LinkButton>
    ) : code === "collect-result" ? (
      <LinkButton to={`/my/cases/${caseId}#results`} type="primary" size={big ? "middle" : "small"}>{t("cw.expected.viewResults")}</LinkButton>
    ) : code === "evaluate" ? (
      <LinkButton to={`/my/cases/${caseId}#evaluation`} type="primary" size={big ? "middle" : "small"}>{t("eng.eval.go")}</LinkButton>
    ) : null;
  return (
    <div className={`next-action${code && warn.has(code) ? " warn" : ""}${big ? " cw-expected" : ""}`} data-testid="expected-action">
      {!big && <div style={{ fontWeight: 600 }}>{t("myCases.nextLabel")}</div>}
      <div>{text}</div>
      {button && <div style={{ marginTop: 8 }}>{button}</div>}
    </div>
  );
}
