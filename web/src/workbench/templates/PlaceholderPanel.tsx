import { Button, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { usePlaceholderLabel } from "./parts.tsx";

interface Props {
  placeholders: { name: string; label: string }[];
  /** What the next insertion goes into, in words ("第 2 段"). */
  target: string | null;
  onInsert: (name: string) => void;
  disabled: boolean;
}

/** The kind's placeholders with their labels; a click puts `{{…}}` at the cursor of the field last used. */
export function PlaceholderPanel({ placeholders, target, onInsert, disabled }: Props) {
  const { t } = useTranslation();
  const labelOf = usePlaceholderLabel();
  return (
    <div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t("tpl.placeholders.hint")}</Typography.Paragraph>
      <p className="tpl-target" aria-live="polite">{target ? t("tpl.placeholders.target", { field: target }) : t("tpl.placeholders.noTarget")}</p>
      <ul className="tpl-ph-list" aria-label={t("tpl.placeholders.list")}>
        {placeholders.map((p) => {
          const label = labelOf(p.name, p.label);
          return (
            <li key={p.name}>
              <Button
                size="small"
                disabled={disabled}
                // Keeps the cursor where it is in the text while the mouse is down.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => onInsert(p.name)}
                aria-label={t("tpl.placeholders.insert", { name: `{{${p.name}}}`, label })}
                title={label}
              >
                <span className="tpl-ph">{`{{${p.name}}}`}</span>
              </Button>
              <span className="tpl-ph-label">{label}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
