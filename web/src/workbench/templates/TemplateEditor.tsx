import { ArrowLeftOutlined, RollbackOutlined, SaveOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Col, Input, Modal, Result, Row, Space, Tag } from "antd";
import { unknownPlaceholders, type TemplateBody, type TemplateKind } from "@cq/contracts";
import { useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { ErrorResult } from "../../common/components/ErrorResult.tsx";
import { LinkButton } from "../../common/components/LinkButton.tsx";
import { PageHeading, PageLoading } from "../../common/components/Misc.tsx";
import { useResetTemplate, useSaveTemplate, useTemplate, type TemplateDetail, type TemplateScope } from "../../common/data/templates.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { WorkbenchPage } from "../supervision/Page.tsx";
import { HistoryCard } from "./HistoryCard.tsx";
import { draftProblems, insertPlaceholder, sameBody, toBody, toDraft, type Draft } from "./model.ts";
import { isTemplateKind, useKindName, useTemplateScopes } from "./parts.tsx";
import { PlaceholderPanel } from "./PlaceholderPanel.tsx";
import { PreviewPane, usePreviewError } from "./PreviewPane.tsx";
import { fieldId, WordsEditor, type Caret } from "./WordsEditor.tsx";
import "./templates.css";

/** 文书模板 · one kind: its words, the placeholders, a live PDF preview, saving and the history (R12). */
export default function TemplateEditor() {
  const { t } = useTranslation();
  const { kind } = useParams();
  const { chosen, ready } = useTemplateScopes();
  const scope = chosen?.scope ?? null;
  if (!ready && !chosen) return <PageLoading />;
  if (!isTemplateKind(kind))
    return (
      <WorkbenchPage>
        <Result status="404" title={t("tpl.editor.unknownKind")} extra={<LinkButton to="/workbench/templates">{t("tpl.editor.back")}</LinkButton>} />
      </WorkbenchPage>
    );
  return <Loaded key={`${kind}|${scope ?? ""}`} kind={kind} scope={scope} scopeLabel={chosen?.label ?? ""} />;
}

function Loaded({ kind, scope, scopeLabel }: { kind: TemplateKind; scope: TemplateScope; scopeLabel: string }) {
  const kindName = useKindName();
  useTitle(kindName(kind));
  const detail = useTemplate(kind, scope);
  // Kept here: saving starts the editor afresh (below), and the confirmation should stay in view.
  const [savedVersion, setSavedVersion] = useState<number | null>(null);
  const back = `/workbench/templates${scope ? `?department=${encodeURIComponent(scope)}` : ""}`;

  if (detail.isLoading) return <PageLoading />;
  if (detail.isError || !detail.data)
    return (
      <WorkbenchPage>
        <ErrorResult error={detail.error} onRetry={() => void detail.refetch()} homePath="/workbench" loginPath="/workbench/login" />
      </WorkbenchPage>
    );
  // A new version in force (saved, restored, back to the default) starts the editor afresh from it.
  const newest = detail.data.history[0];
  return <Editor key={`${newest?.source ?? ""}-${newest?.version ?? 0}-${detail.data.inForce}`} detail={detail.data} kind={kind} scope={scope} scopeLabel={detail.data.department?.name ?? scopeLabel} back={back} savedVersion={savedVersion} onSaved={setSavedVersion} />;
}

interface EditorProps {
  detail: TemplateDetail;
  kind: TemplateKind;
  scope: TemplateScope;
  scopeLabel: string;
  back: string;
  savedVersion: number | null;
  onSaved: (version: number | null) => void;
}

function Editor({ detail, kind, scope, scopeLabel, back, savedVersion, onSaved }: EditorProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const kindName = useKindName();
  const explain = usePreviewError();
  const canEdit = detail.abilities.edit;
  const [draft, setDraft] = useState<Draft>(() => toDraft(detail.body));
  const [caret, setCaret] = useState<Caret | null>(null);
  const [saving, setSaving] = useState(false);
  const [note, setNote] = useState("");
  const [saveError, setSaveError] = useState<string | null>(null);
  const save = useSaveTemplate(kind, scope);
  const reset = useResetTemplate(kind, scope);

  const body = useMemo(() => toBody(draft), [draft]);
  const problems = useMemo(() => draftProblems(body), [body]);
  const unknown = useMemo(() => unknownPlaceholders(kind, body), [kind, body]);
  const dirty = !sameBody(body, detail.body);

  // After an insertion, the cursor goes back into the field just after the placeholder.
  const pendingCaret = useRef<{ id: string; at: number } | null>(null);
  useLayoutEffect(() => {
    const pending = pendingCaret.current;
    if (!pending) return;
    pendingCaret.current = null;
    const el = document.getElementById(pending.id) as HTMLInputElement | HTMLTextAreaElement | null;
    el?.focus();
    el?.setSelectionRange(pending.at, pending.at);
  }, [draft]);

  const lastParagraph = draft.paragraphs.at(-1);
  const target: Caret | null =
    caret && (typeof caret.field !== "number" || draft.paragraphs.some((p) => p.key === caret.field))
      ? caret
      : lastParagraph ? { field: lastParagraph.key, start: lastParagraph.text.length, end: lastParagraph.text.length } : null;
  const targetName = (c: Caret | null) => {
    if (!c) return null;
    if (c.field === "title") return t("tpl.field.title");
    if (c.field === "footnote") return t("tpl.field.footnote");
    return t("tpl.field.paragraph", { n: draft.paragraphs.findIndex((p) => p.key === c.field) + 1 });
  };

  const insert = (name: string) => {
    if (!target) return;
    const { field } = target;
    const current = field === "title" ? draft.title : field === "footnote" ? draft.footnote : (draft.paragraphs.find((p) => p.key === field)?.text ?? "");
    const out = insertPlaceholder(current, target.start, target.end, name);
    pendingCaret.current = { id: fieldId(field), at: out.caret };
    setCaret({ field, start: out.caret, end: out.caret });
    if (field === "title") setDraft({ ...draft, title: out.text });
    else if (field === "footnote") setDraft({ ...draft, footnote: out.text });
    else setDraft({ ...draft, paragraphs: draft.paragraphs.map((p) => (p.key === field ? { ...p, text: out.text } : p)) });
  };

  const openSave = () => {
    if (problems.length > 0 || unknown.length > 0) {
      void message.error(t("tpl.problem.fixFirst"));
      return;
    }
    setSaveError(null);
    setSaving(true);
  };
  const doSave = async (words: TemplateBody, saveNote: string) => {
    const out = await save.mutateAsync({ body: words, ...(saveNote.trim() ? { note: saveNote.trim() } : {}) });
    onSaved(out.version);
    void message.success(t("tpl.save.saved", { version: out.version }));
  };
  const confirmSave = async () => {
    try {
      await doSave(body, note);
      setSaving(false);
      setNote("");
    } catch (e) {
      setSaveError(explain(e));
    }
  };
  // A department goes back to the platform default; the platform default back to the built-in words.
  const toBuiltin = scope === null;
  const canReset = toBuiltin ? detail.inForce === "platform" : detail.inForce === "department";
  const confirmReset = () =>
    modal.confirm({
      title: toBuiltin ? t("tpl.reset.builtinTitle") : t("tpl.reset.title"),
      content: toBuiltin ? t("tpl.reset.builtinText", { kind: kindName(kind) }) : t("tpl.reset.text", { kind: kindName(kind) }),
      okText: toBuiltin ? t("tpl.reset.builtinOk") : t("tpl.reset.ok"),
      cancelText: t("tpl.cancel"),
      onOk: async () => {
        try {
          const out = await reset.mutateAsync();
          onSaved(null);
          void message.success(toBuiltin ? t("tpl.reset.builtinDone", { version: out.version }) : t("tpl.reset.done", { version: out.version }));
        } catch (e) {
          void message.error(explain(e));
        }
      },
    });
  const restore = async (v: { version: number; body: TemplateBody }) => {
    try {
      const out = await save.mutateAsync({ body: v.body, note: t("tpl.history.restoreNote", { version: v.version }) });
      onSaved(null);
      void message.success(t("tpl.history.restored", { version: v.version, saved: out.version }));
    } catch (e) {
      void message.error(explain(e));
    }
  };

  const version = detail.history[0]?.version ?? 0;
  return (
    <WorkbenchPage wide>
      <PageHeading
        title={kindName(kind)}
        subtitle={t("tpl.editor.subtitle", { scope: scopeLabel || t("tpl.scope.platform"), source: t(`tpl.inForce.${detail.inForce}`), version })}
        actions={<LinkButton to={back} icon={<ArrowLeftOutlined aria-hidden />}>{t("tpl.editor.back")}</LinkButton>}
      />
      {savedVersion !== null && !dirty && <Alert type="success" showIcon title={t("tpl.save.saved", { version: savedVersion })} style={{ marginBottom: 12 }} closable={{ onClose: () => onSaved(null) }} />}
      {!canEdit && <Alert type="info" showIcon title={t("tpl.editor.readOnly")} style={{ marginBottom: 12 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <Card
            className="section-card"
            title={<h2 className="section-title">{t("tpl.editor.words")}</h2>}
            extra={dirty ? <Tag color="orange">{t("tpl.editor.dirty")}</Tag> : null}
          >
            <Alert type="info" title={t("tpl.editor.fixed")} style={{ marginBottom: 16 }} />
            {unknown.length > 0 && (
              <Alert type="error" showIcon role="alert" title={t("tpl.problem.unknownSummary", { names: unknown.map((u) => `{{${u}}}`).join("、") })} style={{ marginBottom: 16 }} />
            )}
            <WordsEditor kind={kind} draft={draft} onChange={setDraft} onCaret={setCaret} problems={problems} disabled={!canEdit} />
            {canEdit && (
              <Space wrap style={{ marginTop: 8 }}>
                <Button type="primary" icon={<SaveOutlined aria-hidden />} disabled={!dirty} onClick={openSave}>{t("tpl.save.button")}</Button>
                <Button disabled={!dirty} onClick={() => setDraft(toDraft(detail.body))}>{t("tpl.editor.discard")}</Button>
                {canReset && (
                  <Button icon={<RollbackOutlined aria-hidden />} loading={reset.isPending} onClick={confirmReset}>
                    {toBuiltin ? t("tpl.reset.builtinButton") : t("tpl.reset.button")}
                  </Button>
                )}
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          <div className="tpl-side">
            {canEdit && (
              <Card className="section-card" size="small" title={<h2 className="section-title">{t("tpl.placeholders.title")}</h2>}>
                <PlaceholderPanel placeholders={detail.placeholders} target={targetName(target)} onInsert={insert} disabled={!canEdit} />
              </Card>
            )}
            <Card className="section-card" size="small" title={<h2 className="section-title">{t("tpl.preview.title")}</h2>} style={{ marginTop: canEdit ? 16 : 0 }}>
              <PreviewPane kind={kind} scope={scope} body={body} ready={problems.length === 0} />
            </Card>
          </div>
        </Col>
      </Row>
      <Card className="section-card" title={<h2 className="section-title">{t("tpl.history.title")}</h2>} style={{ marginTop: 16 }}>
        <HistoryCard kind={kind} history={detail.history} canEdit={canEdit} onRestore={restore} restoring={save.isPending} />
      </Card>
      <Modal
        open={saving}
        title={t("tpl.save.title")}
        okText={t("tpl.save.ok")}
        cancelText={t("tpl.cancel")}
        confirmLoading={save.isPending}
        onOk={() => void confirmSave()}
        onCancel={() => setSaving(false)}
        destroyOnHidden
      >
        {saveError && <Alert type="error" showIcon role="alert" title={saveError} style={{ marginBottom: 12 }} />}
        <label htmlFor="tpl-note" className="tpl-note-label">{t("tpl.save.note")}</label>
        <Input.TextArea id="tpl-note" value={note} maxLength={200} showCount autoSize={{ minRows: 2, maxRows: 4 }} onChange={(e) => setNote(e.target.value)} aria-describedby="tpl-note-hint" />
        <div id="tpl-note-hint" className="muted" style={{ marginTop: 4 }}>{t("tpl.save.noteHint")}</div>
      </Modal>
    </WorkbenchPage>
  );
}
