import { GlobalOutlined, EyeOutlined } from "@ant-design/icons";
import { Button, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { usePrefs } from "../prefs.tsx";

/** Switches between 中文 and English; shows the language it switches to, in that language. */
export function LanguageSwitch({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { language, setLanguage } = usePrefs();
  const target = language === "zh-CN" ? "en" : "zh-CN";
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => setLanguage(target)}
      title={t("prefs.switchLanguage")}
      lang={target}
    >
      {compact ? (target === "en" ? "EN" : "中") : target === "en" ? "English" : "中文"}
    </Button>
  );
}

/** Elder mode (适老化): larger type, higher contrast. */
export function ElderToggle({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { elder, setElder } = usePrefs();
  const button = (
    <Button
      type={elder ? "primary" : "text"}
      ghost={elder}
      icon={<EyeOutlined />}
      aria-pressed={elder}
      aria-label={compact ? t("prefs.elder") : undefined}
      onClick={() => setElder(!elder)}
    >
      {compact ? null : elder ? t("prefs.elderOn") : t("prefs.elder")}
    </Button>
  );
  return <Tooltip title={t("prefs.elderHint")}>{button}</Tooltip>;
}
