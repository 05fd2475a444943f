import { CommentOutlined, ExperimentOutlined, FieldTimeOutlined, PauseCircleOutlined, PhoneOutlined, PlayCircleOutlined, SwapOutlined } from "@ant-design/icons";
import { Button, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Section } from "../../../common/components/Misc.tsx";
import { clockRights } from "./access.ts";
import type { CaseModal } from "./WorkCard.tsx";
import { type CaseDetail } from "../../../common/data/cases.ts";

function Group({ title, buttons }: { title: string; buttons: ReactNode[] }) {
  if (buttons.length === 0) return null;
  return (
    <div style={{ marginBottom: 12 }} role="group" aria-label={title}>
      <Typography.Text type="secondary" style={{ display: "block", marginBottom: 6 }}>{title}</Typography.Text>
      <Space wrap>{buttons}</Space>
    </div>
  );
}

/** 时限管理 and 记录: both offered from the case's abilities, as the server's policy decides them. */
export function MoreActions({ detail, onOpen }: { detail: CaseDetail; onOpen: (m: CaseModal) => void }) {
  const { t } = useTranslation();
  const clock = clockRights(detail);
  const a = detail.abilities;
  const clockButtons = [
    clock.suspend && <Button key="suspend" icon={<PauseCircleOutlined aria-hidden="true" />} onClick={() => onOpen("suspend")}>{t("cw.suspend.button")}</Button>,
    clock.resume && <Button key="resume" icon={<PlayCircleOutlined aria-hidden="true" />} onClick={() => onOpen("resume")}>{t("cw.resume.button")}</Button>,
    clock.extend && <Button key="extend" icon={<FieldTimeOutlined aria-hidden="true" />} onClick={() => onOpen("extend")}>{t("cw.extend.button")}</Button>,
    clock.explain && <Button key="explain" icon={<CommentOutlined aria-hidden="true" />} onClick={() => onOpen("explain")}>{t("cw.explain.button")}</Button>,
  ].filter(Boolean);
  const recordButtons = [
    a.record && <Button key="verify" icon={<PhoneOutlined aria-hidden="true" />} onClick={() => onOpen("verify")}>{t("cw.verify.button")}</Button>,
    a.record && <Button key="thirdParty" icon={<ExperimentOutlined aria-hidden="true" />} onClick={() => onOpen("thirdParty")}>{t("cw.thirdParty.button")}</Button>,
    a.handover && <Button key="handover" icon={<SwapOutlined aria-hidden="true" />} onClick={() => onOpen("handover")}>{t("cw.handover.button")}</Button>,
  ].filter(Boolean);
  if (clockButtons.length === 0 && recordButtons.length === 0) return null;
  return (
    <Section title={t("cw.more.title")}>
      <Group title={t("cw.more.clock")} buttons={clockButtons} />
      <Group title={t("cw.more.records")} buttons={recordButtons} />
    </Section>
  );
}
