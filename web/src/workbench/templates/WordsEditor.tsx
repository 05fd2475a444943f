import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input, Space, Tooltip } from "antd";
import type { TemplateKind } from "@cq/contracts";
import type { SyntheticEvent } from "react";
import { useTranslation } from "react-i18next";
import { LIMITS, moveItem, newKey, unknownIn, type Draft, type DraftProblem } from "./model.ts";
import { MarkedText } from "./parts.tsx";

/** Where a placeholder goes: a field of the draft (`title`, `footnote` or a paragraph's key) and the selection in it. */
export interface Caret {
  field: "title" | "footnote" | number;
  start: number;
  end: number;
}

export const fieldId = (field: Caret["field"]) => (typeof field === "number" ? `tpl-paragraph-${field}` : `tpl-${field}`);

interface Props {
  kind: TemplateKind;
  draft: Draft;
  onChange: (draft: Draft) => void;
  onCaret: (caret: Caret) => void;
  problems: DraftProblem[];
  disabled: boolean;
}

/** The title, paragraphs (added, removed, moved) and footnote of a template, each marking its unknown placeholders at once. */
export function WordsEditor({ kind, draft, onChange, onCaret, problems, disabled }: Props) {
  const { t } = useTranslation();
  const track = (field: Caret["field"]) => (e: SyntheticEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const el = e.currentTarget;
    onCaret({ field, start: el.selectionStart ?? el.value.length, end: el.selectionEnd ?? el.value.length });
  };
  const problemText = (p: DraftProblem) => t(`tpl.problem.${p.problem}`);

  /** The problems of one field: the limits, then the placeholders this kind does not know. */
  const status = (text: string, own: DraftProblem[]) => {
    const unknown = unknownIn(kind, text);
    const texts = [...own.map(problemText), ...(unknown.length ? [t("tpl.problem.unknownHere", { names: unknown.map((u) => `{{${u}}}`).join("、") })] : [])];
    return {
      validateStatus: texts.length ? ("error" as const) : undefined,
      help: texts.length ? (
        <div>
          {texts.map((x) => <div key={x}>{x}</div>)}
          {unknown.length > 0 && (
            <div className="tpl-marked" aria-hidden="true">
              <MarkedText kind={kind} text={text} />
            </div>
          )}
        </div>
      ) : undefined,
    };
  };

  const setParagraph = (key: number, text: string) => onChange({ ...draft, paragraphs: draft.paragraphs.map((p) => (p.key === key ? { ...p, text } : p)) });
  const listProblems = problems.filter((p) => p.field === "paragraphs");

  return (
    <Form layout="vertical" component="div" disabled={disabled}>
      <Form.Item label={t("tpl.field.title")} htmlFor={fieldId("title")} required {...status(draft.title, problems.filter((p) => p.field === "title"))}>
        <Input
          id={fieldId("title")}
          value={draft.title}
          maxLength={LIMITS.titleMax}
          showCount
          onChange={(e) => { onChange({ ...draft, title: e.target.value }); track("title")(e); }}
          onSelect={track("title")}
          onFocus={track("title")}
        />
      </Form.Item>
      <fieldset className="tpl-paragraphs">
        <legend>{t("tpl.field.paragraphs")}</legend>
        {listProblems.length > 0 && <Alert type="error" showIcon title={listProblems.map(problemText).join(" ")} style={{ marginBottom: 12 }} />}
        {draft.paragraphs.map((p, index) => {
          const n = index + 1;
          const own = problems.filter((x) => x.field === "paragraph" && x.index === index);
          return (
            <div key={p.key} className="tpl-paragraph">
              <Form.Item label={t("tpl.field.paragraph", { n })} htmlFor={fieldId(p.key)} required {...status(p.text, own)} style={{ flex: 1, marginBottom: 12 }}>
                <Input.TextArea
                  id={fieldId(p.key)}
                  value={p.text}
                  autoSize={{ minRows: 2, maxRows: 12 }}
                  maxLength={LIMITS.paragraphMax}
                  onChange={(e) => { setParagraph(p.key, e.target.value); track(p.key)(e); }}
                  onSelect={track(p.key)}
                  onFocus={track(p.key)}
                />
              </Form.Item>
              {!disabled && (
                <Space orientation="vertical" size={4} className="tpl-paragraph-tools">
                  <Tooltip title={t("tpl.paragraph.moveUp", { n })}>
                    <Button size="small" icon={<ArrowUpOutlined aria-hidden />} aria-label={t("tpl.paragraph.moveUp", { n })} disabled={index === 0}
                      onClick={() => onChange({ ...draft, paragraphs: moveItem(draft.paragraphs, index, index - 1) })} />
                  </Tooltip>
                  <Tooltip title={t("tpl.paragraph.moveDown", { n })}>
                    <Button size="small" icon={<ArrowDownOutlined aria-hidden />} aria-label={t("tpl.paragraph.moveDown", { n })} disabled={index === draft.paragraphs.length - 1}
                      onClick={() => onChange({ ...draft, paragraphs: moveItem(draft.paragraphs, index, index + 1) })} />
                  </Tooltip>
                  <Tooltip title={t("tpl.paragraph.remove", { n })}>
                    <Button size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={t("tpl.paragraph.remove", { n })} disabled={draft.paragraphs.length <= 1}
                      onClick={() => onChange({ ...draft, paragraphs: draft.paragraphs.filter((x) => x.key !== p.key) })} />
                  </Tooltip>
                </Space>
              )}
            </div>
          );
        })}
        {!disabled && (
          <Button icon={<PlusOutlined aria-hidden />} disabled={draft.paragraphs.length >= LIMITS.paragraphsMax}
            onClick={() => onChange({ ...draft, paragraphs: [...draft.paragraphs, { key: newKey(), text: "" }] })}>
            {t("tpl.paragraph.add")}
          </Button>
        )}
      </fieldset>
      <Form.Item label={t("tpl.field.footnote")} htmlFor={fieldId("footnote")} extra={t("tpl.field.footnoteHint")} {...status(draft.footnote, problems.filter((p) => p.field === "footnote"))}>
        <Input.TextArea
          id={fieldId("footnote")}
          value={draft.footnote}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={LIMITS.footnoteMax}
          onChange={(e) => { onChange({ ...draft, footnote: e.target.value }); track("footnote")(e); }}
          onSelect={track("footnote")}
          onFocus={track("footnote")}
        />
      </Form.Item>
    </Form>
  );
}
