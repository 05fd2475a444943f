import { FilePdfOutlined } from "@ant-design/icons";
import { Button, Card, Result, Space } from "antd";
import { useTranslation } from "react-i18next";
import { LinkButton } from "../../../common/components/LinkButton.tsx";
import { documentUrl } from "../../../common/data/cases.ts";

export type Outcome =
  | { kind: "accepted"; supervisionCode: string; documentId: string }
  | { kind: "notAccepted"; documentId: string }
  | { kind: "supplement"; documentId: string };

const texts = {
  accepted: { title: "wb.accepted.title", text: "wb.accepted.notified", doc: "wb.accepted.notice" },
  supplement: { title: "wb.supplement.doneTitle", text: "wb.supplement.doneText", doc: "wb.supplement.notice" },
  notAccepted: { title: "wb.notAccepted.title", text: "wb.notAccepted.text", doc: "wb.notAccepted.decision" },
} as const;

/** What the window just did (受理 / 补正告知 / 不予受理), with the document to print. */
export function OutcomeBanner({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  const k = texts[outcome.kind];
  return (
    <Card className="section-card">
      <Result
        status={outcome.kind === "accepted" ? "success" : "info"}
        title={t(k.title)}
        subTitle={
          outcome.kind === "accepted" ? (
            <Space orientation="vertical" size={4}>
              <span>{t("wb.accepted.code")}</span>
              <span className="supervision-code supervision-code-big">{outcome.supervisionCode}</span>
              <span>{t(k.text)}</span>
            </Space>
          ) : (
            t(k.text)
          )
        }
        extra={
          <Space wrap>
            <Button type="primary" href={documentUrl(outcome.documentId)} target="_blank" icon={<FilePdfOutlined aria-hidden="true" />}>{t(k.doc)}</Button>
            <LinkButton to="/workbench">{t("wb.backToWorklist")}</LinkButton>
          </Space>
        }
      />
    </Card>
  );
}
