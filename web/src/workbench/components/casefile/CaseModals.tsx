import { useTranslation } from "react-i18next";
import { AcceptModal, NotAcceptModal } from "../DecisionModals.tsx";
import { SupplementModal } from "../SupplementModal.tsx";
import { useAnnounce } from "./announce.tsx";
import { ExplainModal, ExtendModal, ResumeModal, SuspendModal } from "./ClockModals.tsx";
import { DecideModal } from "./DecideModal.tsx";
import { DeliverModal } from "./DeliverModal.tsx";
import type { Outcome } from "./OutcomeBanner.tsx";
import { HandoverModal, ThirdPartyModal, VerifyModal } from "./RecordModals.tsx";
import { ResultModal } from "./ResultModal.tsx";
import type { CaseModal } from "./WorkCard.tsx";
import { type CaseDetail } from "../../../common/data/cases.ts";

/** Every case-level dialog; only the open one renders its content. */
export function CaseModals({
  detail,
  modal,
  resultDepartments,
  onClose,
  onOutcome,
}: {
  detail: CaseDetail;
  modal: CaseModal | null;
  resultDepartments: { id: string; name: string }[];
  onClose: () => void;
  onOutcome: (o: Outcome) => void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const done = (o: Outcome, text: string) => {
    onClose();
    onOutcome(o);
    announce(text);
    window.scrollTo({ top: 0, behavior: "smooth" });
  };
  const props = { detail, onClose };
  return (
    <>
      <AcceptModal detail={detail} open={modal === "accept"} onClose={onClose} onDone={(r) => done({ kind: "accepted", supervisionCode: r.supervisionCode, documentId: r.documentId }, t("wb.accepted.title"))} />
      <NotAcceptModal detail={detail} open={modal === "notAccept"} onClose={onClose} onDone={(r) => done({ kind: "notAccepted", documentId: r.documentId }, t("wb.notAccepted.title"))} />
      <SupplementModal detail={detail} open={modal === "supplement"} onClose={onClose} onDone={(r) => done({ kind: "supplement", documentId: r.documentId }, t("wb.supplement.doneTitle"))} />
      <DecideModal {...props} open={modal === "decide"} />
      <ResultModal {...props} departments={resultDepartments} open={modal === "result"} />
      <DeliverModal {...props} open={modal === "deliver"} />
      <SuspendModal {...props} open={modal === "suspend"} />
      <ResumeModal {...props} open={modal === "resume"} />
      <ExtendModal {...props} open={modal === "extend"} />
      <ExplainModal {...props} open={modal === "explain"} />
      <VerifyModal {...props} open={modal === "verify"} />
      <ThirdPartyModal {...props} open={modal === "thirdParty"} />
      <HandoverModal {...props} open={modal === "handover"} />
    </>
  );
}
