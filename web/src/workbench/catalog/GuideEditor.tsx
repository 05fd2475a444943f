import { ArrowLeftOutlined, EyeOutlined, SaveOutlined, SendOutlined } from "@ant-design/icons";
import { Alert, App, Badge, Button, DatePicker, Form, Skeleton, Space, Tabs, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams, useSearchParams } from "react-router-dom";
import { isApiError } from "../../common/api/errors.ts";
import { ErrorResult, errorKind } from "../../common/components/ErrorResult.tsx";
import { LinkButton } from "../../common/components/LinkButton.tsx";
import { PageHeading } from "../../common/components/Misc.tsx";
import { useDepartmentOptions } from "../../common/data/catalog.ts";
import {
  guideProblemsOf, useAdminItems, useCreateVersion, useSaveVersion, useSubmitVersion, useVersion, type AdminItem, type Guide, type GuideProblem,
} from "../../common/data/catalogAdmin.ts";
import { useMe } from "../../common/data/me.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { defaultStepRole } from "../abilities.ts";
import { WorkbenchPage } from "../supervision/Page.tsx";
import { BasicsSection, CcSection, ConditionsSection, ContactSection, LimitsSection, ResultSection } from "./EditorSections.tsx";
import { EditorProvider, inputId } from "./editorKit.tsx";
import { blankGuide, countBySection, editorSections, localGuideProblems, sectionOfPath, toGuideInput, type EditorSection } from "./guideModel.ts";
import { FormFieldsSection, MaterialsSection } from "./ListSections.tsx";
import { ProcessSection } from "./ProcessSection.tsx";
import { VersionPreview } from "./VersionPreview.tsx";

/**
 * 编写新版本 / 编辑草稿: the whole guide of an item in sections. `versions/new/edit?from=<id>`
 * starts from that version (the one in effect, or a rejected one); `versions/<id>/edit` edits a
 * draft. The first save names the new draft in the address; the editor stays as it is meanwhile.
 */
export default function GuideEditor() {
  const { t } = useTranslation();
  const { itemId = "", versionId = "new" } = useParams();
  const [search] = useSearchParams();
  const isNew = versionId === "new";
  const from = isNew ? (search.get("from") ?? undefined) : versionId;
  const items = useAdminItems();
  const base = useVersion(from);
  const departments = useDepartmentOptions();
  const { me } = useMe();
  const item = items.data?.items.find((i) => i.id === itemId);
  const shown = useRef<{ itemId: string; props: EditorProps } | null>(null);
  useTitle(item ? t("cat.editor.pageTitle", { name: item.name }) : t("cat.editor.title"));

  const failed = items.error ?? base.error ?? departments.error;
  if (failed)
    return (
      <WorkbenchPage>
        <ErrorResult error={failed} onRetry={() => void Promise.all([items.refetch(), base.refetch(), departments.refetch()])} homePath="/workbench/catalog" loginPath="/workbench/login" />
      </WorkbenchPage>
    );
  if (!items.data || (from && !base.data) || !departments.data) {
    // A draft just saved for the first time: its address changed, the editor keeps its state while the draft loads.
    if (shown.current?.itemId === itemId)
      return (
        <WorkbenchPage wide>
          <Editor key={itemId} {...shown.current.props} />
        </WorkbenchPage>
      );
    return (
      <WorkbenchPage>
        <Skeleton active paragraph={{ rows: 12 }} />
      </WorkbenchPage>
    );
  }
  if (!item)
    return (
      <WorkbenchPage>
        <ErrorResult error={null} homePath="/workbench/catalog" loginPath="/workbench/login" />
      </WorkbenchPage>
    );
  if (!isNew && base.data && !base.data.abilities.edit)
    return (
      <WorkbenchPage>
        <PageHeading title={t("cat.editor.heading", { name: item.name })} />
        <Alert type="warning" showIcon title={t("cat.editor.notEditable")} action={<LinkButton to={`/workbench/catalog/${encodeURIComponent(item.id)}`}>{t("cat.editor.back")}</LinkButton>} />
      </WorkbenchPage>
    );

  // Names of every department the guide may name: the public list, and those the version names (a disabled one keeps its name).
  const named = new Map([...(base.data?.departments ?? []), ...departments.data].map((d) => [d.id, { id: d.id, name: d.name }]));
  const initial =
    base.data?.guide ??
    blankGuide(item.department.id, { accept: t("stepKind.accept"), review: t("stepKind.review"), decide: t("stepKind.decide"), deliver: t("stepKind.deliver") }, (kind) => defaultStepRole(me, kind));
  const props: EditorProps = {
    item,
    initial,
    initialEffectiveFrom: isNew ? null : (base.data?.effectiveFrom ?? null),
    draftId: isNew ? null : versionId,
    baseNumber: isNew ? (base.data?.number ?? null) : null,
    departments: [...named.values()],
  };
  shown.current = { itemId, props: shown.current?.itemId === itemId ? { ...props, baseNumber: shown.current.props.baseNumber } : props };
  return (
    <WorkbenchPage wide>
      <Editor key={itemId} {...props} />
    </WorkbenchPage>
  );
}

interface EditorProps {
  item: AdminItem;
  initial: Guide;
  initialEffectiveFrom: string | null;
  draftId: string | null;
  baseNumber: number | null;
  departments: { id: string; name: string }[];
}

type Busy = "save" | "submit" | null;

function Editor({ item, initial, initialEffectiveFrom, draftId: initialDraftId, baseNumber, departments }: EditorProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const [guide, setGuide] = useState<Guide>(initial);
  const [effectiveFrom, setEffectiveFrom] = useState<string | null>(initialEffectiveFrom);
  const [saved, setSaved] = useState<string>(() => JSON.stringify([initial, initialEffectiveFrom]));
  const [draftId, setDraftId] = useState<string | null>(initialDraftId);
  const [serverProblems, setServerProblems] = useState<GuideProblem[]>([]);
  const [showLocal, setShowLocal] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [tab, setTab] = useState<EditorSection>("basics");
  const [previewing, setPreviewing] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const createVersion = useCreateVersion();
  const saveVersion = useSaveVersion();
  const submitVersion = useSubmitVersion();

  const dirty = JSON.stringify([guide, effectiveFrom]) !== saved;
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const local = useMemo(() => localGuideProblems(guide), [guide]);
  // Local problems show once the person tried to save (not while a new guide is still empty); the server's stay until the next save.
  const shown = useMemo(() => {
    const seen = new Set<string>();
    return [...(showLocal ? local : []), ...serverProblems].filter((p) => {
      const k = `${p.path}|${p.problem}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }, [local, serverProblems, showLocal]);
  const counts = countBySection(shown);

  const change = (patch: Partial<Guide>) => setGuide((g) => ({ ...g, ...patch }));

  const goTo = (path: string) => {
    setTab(sectionOfPath(path));
    // After the tab renders, put the focus on the field (or its list).
    setTimeout(() => {
      const el = document.getElementById(inputId(path)) ?? document.getElementById(inputId(path.replace(/\.[A-Za-z]+$/, "")));
      el?.focus();
      el?.scrollIntoView({ block: "center" });
    }, 50);
  };

  async function save(): Promise<string | null> {
    setShowLocal(true);
    if (local.length) {
      setServerProblems([]);
      setError(new Error(t("cat.editor.fixLocal")));
      return null;
    }
    const body = { guide: toGuideInput(guide), effectiveFrom };
    const out = draftId ? await saveVersion.mutateAsync({ id: draftId, ...body }) : await createVersion.mutateAsync({ itemId: item.id, ...body });
    setSaved(JSON.stringify([guide, effectiveFrom]));
    setServerProblems([]);
    if (!draftId) {
      setDraftId(out.id);
      // The address names the draft from now on, so a reload edits it.
      navigate(`/workbench/catalog/${encodeURIComponent(item.id)}/versions/${encodeURIComponent(out.id)}/edit`, { replace: true });
    }
    return out.id;
  }

  async function run(action: "save" | "submit") {
    setBusy(action);
    setError(null);
    try {
      const id = dirty || !draftId ? await save() : draftId;
      if (!id) {
        requestAnimationFrame(() => summaryRef.current?.focus());
        return;
      }
      if (action === "save") {
        void message.success(t("cat.editor.saved"));
        return;
      }
      await submitVersion.mutateAsync(id);
      void message.success(t("cat.editor.submitted"));
      navigate(`/workbench/catalog/${encodeURIComponent(item.id)}`);
    } catch (e) {
      setServerProblems(guideProblemsOf(e));
      setError(e);
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      setBusy(null);
    }
  }

  const confirmSubmit = () =>
    modal.confirm({
      title: t("cat.editor.confirmSubmit"),
      content: effectiveFrom ? t("cat.editor.confirmSubmitDated", { date: effectiveFrom }) : t("cat.editor.confirmSubmitText"),
      okText: t("cat.editor.submit"),
      cancelText: t("cat.cancel"),
      onOk: () => run("submit"),
    });

  const sectionLabel = (s: EditorSection) => {
    const n = counts.get(s) ?? 0;
    return (
      <span>
        {t(`cat.section.${s}`)}
        {n > 0 && <Badge count={n} size="small" style={{ marginInlineStart: 6 }} title={t("cat.editor.problemsIn", { count: n })} />}
      </span>
    );
  };
  const body: Record<EditorSection, React.ReactNode> = {
    basics: <BasicsSection />,
    conditions: <ConditionsSection />,
    limits: <LimitsSection />,
    materials: <MaterialsSection />,
    formFields: <FormFieldsSection />,
    process: <ProcessSection title={item.name} />,
    result: <ResultSection />,
    contact: <ContactSection />,
    cc: <CcSection />,
  };
  const errorMessage = error instanceof Error ? error.message : null;
  const disabled = busy !== null;

  return (
    <EditorProvider value={{ guide, change, problems: shown, disabled, itemId: item.id, leadDepartmentId: item.department.id, departments }}>
      <PageHeading
        title={t("cat.editor.heading", { name: item.name })}
        subtitle={
          <Space wrap size={[8, 4]}>
            <span>{item.department.name}</span>
            {draftId ? <Tag>{t("cat.status.draft")}</Tag> : <Tag color="blue">{t("cat.editor.unsavedNew")}</Tag>}
            {baseNumber !== null && <span>{t("cat.editor.basedOn", { version: baseNumber })}</span>}
            {dirty && <Tag color="warning">{t("cat.editor.unsaved")}</Tag>}
          </Space>
        }
        actions={
          <Space wrap>
            <LinkButton to={`/workbench/catalog/${encodeURIComponent(item.id)}`} icon={<ArrowLeftOutlined aria-hidden />}>{t("cat.editor.back")}</LinkButton>
            <Button icon={<EyeOutlined aria-hidden />} disabled={!draftId || dirty || disabled} title={dirty || !draftId ? t("cat.editor.previewNeedsSave") : undefined} onClick={() => setPreviewing(true)}>
              {t("cat.preview.open")}
            </Button>
            <Button icon={<SaveOutlined aria-hidden />} loading={busy === "save"} disabled={(!dirty && !!draftId) || (disabled && busy !== "save")} onClick={() => void run("save")}>
              {t("cat.editor.save")}
            </Button>
            <Button type="primary" icon={<SendOutlined aria-hidden />} loading={busy === "submit"} disabled={disabled && busy !== "submit"} onClick={confirmSubmit}>
              {t("cat.editor.submit")}
            </Button>
          </Space>
        }
      />

      <Form layout="vertical" component="div" style={{ marginBottom: 8 }}>
        <Form.Item label={t("cat.editor.effectiveFrom")} htmlFor="guide-effectiveFrom" extra={t("cat.editor.effectiveFromHint")}>
          <DatePicker
            id="guide-effectiveFrom"
            value={effectiveFrom ? dayjs(effectiveFrom) : null}
            disabled={disabled}
            placeholder={t("cat.editor.onApproval")}
            style={{ width: 240 }}
            disabledDate={(d) => d.isBefore(dayjs().startOf("day"))}
            onChange={(d) => setEffectiveFrom(d ? d.format("YYYY-MM-DD") : null)}
          />
        </Form.Item>
      </Form>

      <div ref={summaryRef} tabIndex={-1} aria-live="assertive" style={{ outline: "none" }}>
        {(errorMessage || shown.length > 0) && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={errorMessage ?? t("cat.editor.hasProblems")}
            description={
              shown.length > 0 ? (
                <ul className="evidence-list">
                  {shown.map((p) => (
                    <li key={`${p.path}|${p.problem}`}>
                      <Button type="link" size="small" style={{ padding: 0, height: "auto", whiteSpace: "normal", textAlign: "start" }} onClick={() => goTo(p.path)}>
                        {t(`cat.section.${sectionOfPath(p.path)}`)}：{t(`cat.problem.${p.problem}`, { defaultValue: t("cat.problem.invalid") })}
                      </Button>
                    </li>
                  ))}
                </ul>
              ) : error !== null && !isApiError(error) ? null : error !== null ? (
                <div>{t(`error.next.${errorKind(error)}`)}</div>
              ) : null
            }
          />
        )}
      </div>

      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as EditorSection)}
        items={editorSections.map((s) => ({ key: s, label: sectionLabel(s), children: (
            <div className="section-card" style={{ padding: 16 }}>
              <h2 className="section-title" style={{ marginTop: 0 }}>{t(`cat.section.${s}`)}</h2>
              <Form layout="vertical" component="div">{body[s]}</Form>
            </div>
          ),
        }))}
      />
      <Typography.Paragraph type="secondary">{t("cat.editor.footer")}</Typography.Paragraph>
      {previewing && draftId && <VersionPreview versionId={draftId} title={t("cat.preview.titleDraft", { name: item.name })} onClose={() => setPreviewing(false)} />}
    </EditorProvider>
  );
}
