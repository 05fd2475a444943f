import { ArrowLeftOutlined, CloudUploadOutlined, PlusOutlined, SaveOutlined, SendOutlined, UndoOutlined } from "@ant-design/icons";
import { Alert, App, Button, Form, Select, Skeleton, Space, Tag, Typography } from "antd";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { isApiError } from "../../common/api/errors.ts";
import { ErrorResult, errorKind } from "../../common/components/ErrorResult.tsx";
import { LinkButton } from "../../common/components/LinkButton.tsx";
import { PageHeading, Section } from "../../common/components/Misc.tsx";
import { formatDateTime } from "../../common/format.ts";
import { useMe } from "../../common/data/me.ts";
import { useTitle } from "../../common/hooks/useTitle.ts";
import { defaultStepRole } from "../abilities.ts";
import { WorkbenchPage } from "../supervision/Page.tsx";
import { AgreementPanel } from "./AgreementPanel.tsx";
import { useDepartmentOptions } from "../../common/data/catalog.ts";
import { type Department, type ItemProcess, type ProcessDef, type ProcessProblem, type ProcessStep, useItemProcess, useRefreshProcesses, processCommands } from "../../common/data/processes.ts";
import { FlowchartPreview } from "./FlowchartPreview.tsx";
import { countedDays, groupProblems, insertAfter, involvedDepartments, localProblems, moveStep, newStep, problemsOf, removeAt, sameProcess, toBody } from "./processModel.ts";
import { ProcessTable } from "./ProcessTable.tsx";
import { StepEditor, type EditStep, type StepAction } from "./StepEditor.tsx";

type Action = "save" | "submit" | "publish";

let uidSeq = 0;
const withUids = (steps: ProcessStep[]): EditStep[] => steps.map((s) => ({ ...s, uid: `s${++uidSeq}` }));

class LocalProblems extends Error {}

function pendingDepartmentsOf(error: unknown): { id: string; name: string; status: string }[] | null {
  if (!isApiError(error) || error.code !== "AGREEMENT_PENDING") return null;
  const list = error.details?.departments;
  if (!Array.isArray(list)) return [];
  return list.flatMap((d: unknown) => {
    if (typeof d !== "object" || d === null) return [];
    const r = d as Record<string, unknown>;
    return [{ id: String(r.id ?? ""), name: String(r.name ?? r.id ?? ""), status: String(r.status ?? "pending") }];
  });
}

/** 流程编辑: a department admin's draft of an item's process, with a live flowchart (R6, R10). */
export default function ProcessEditor() {
  const { t } = useTranslation();
  const { itemId = "" } = useParams();
  const query = useItemProcess(itemId);
  const departments = useDepartmentOptions();
  const [chosenDraft, setChosenDraft] = useState<string | undefined>(undefined);
  const data = query.data;
  useTitle(data ? t("cfg.editor.pageTitle", { name: data.item.name }) : t("cfg.editor.title"));

  if (query.isError)
    return (
      <WorkbenchPage>
        <PageHeading title={t("cfg.editor.title")} />
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} homePath="/workbench/processes" loginPath="/workbench/login" />
      </WorkbenchPage>
    );
  if (!data || departments.isLoading)
    return (
      <WorkbenchPage>
        <Skeleton active paragraph={{ rows: 10 }} />
      </WorkbenchPage>
    );

  const draftId = chosenDraft && data.drafts.some((d) => d.id === chosenDraft) ? chosenDraft : data.drafts[0]?.id;
  return (
    <WorkbenchPage wide>
      <Editor
        key={`${itemId}:${draftId ?? "current"}`}
        data={data}
        initialDraftId={draftId ?? null}
        departments={departments.data ?? []}
        draftChooser={
          data.drafts.length > 1 ? (
            <Select<string>
              aria-label={t("cfg.editor.chooseDraft")}
              style={{ minWidth: 240 }}
              value={draftId}
              onChange={setChosenDraft}
              options={data.drafts.map((d) => ({ value: d.id, label: `${t(`cfg.draftStatus.${d.status}`, { defaultValue: d.status })} · ${formatDateTime(d.updatedAt)}` }))}
            />
          ) : null
        }
      />
    </WorkbenchPage>
  );
}

function Editor({ data, initialDraftId, departments, draftChooser }: { data: ItemProcess; initialDraftId: string | null; departments: Department[]; draftChooser: ReactNode }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const itemId = data.item.id;
  const lead = data.item.departmentId;
  const leadName = departments.find((d) => d.id === lead)?.name ?? "";

  const initial: ProcessDef = data.drafts.find((d) => d.id === initialDraftId) ?? data.current;
  const { me } = useMe();
  const [draftId, setDraftId] = useState<string | null>(initialDraftId);
  const [localStatus, setLocalStatus] = useState<string | null>(initialDraftId ? (data.drafts.find((d) => d.id === initialDraftId)?.status ?? "draft") : null);
  const [baseline, setBaseline] = useState<ProcessDef>(() => toBody(initial));
  const [steps, setSteps] = useState<EditStep[]>(() => withUids(initial.steps));
  const [assisting, setAssisting] = useState<string[]>(initial.assistingDepartmentIds);
  const [serverProblems, setServerProblems] = useState<ProcessProblem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [pendingDepts, setPendingDepts] = useState<{ id: string; name: string; status: string }[] | null>(null);
  const [busy, setBusy] = useState<Action | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const problemsRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  const working: ProcessDef = useMemo(() => ({ steps, assistingDepartmentIds: assisting }), [steps, assisting]);
  const dirty = !sameProcess(working, baseline);
  const draft = draftId ? data.drafts.find((d) => d.id === draftId) : undefined;
  const status = draftId ? (draft?.status ?? localStatus ?? "draft") : null;

  // Leaving with unsaved changes: the browser asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const live = localProblems(working);
  const shown = [...live, ...serverProblems.filter((p) => !live.some((l) => l.stepId === p.stepId && l.problem === p.problem))];
  const stepIds = new Set(steps.map((s) => s.id));
  const { byStep, general } = groupProblems(shown.map((p) => (p.stepId && !stepIds.has(p.stepId) ? { problem: p.problem } : p)));
  const involved = involvedDepartments(working, lead).map((id) => ({ id, name: departments.find((d) => d.id === id)?.name ?? id }));
  const counted = countedDays(steps);

  const update = (uid: string, patch: Partial<ProcessStep>) => setSteps((list) => list.map((s) => (s.uid === uid ? { ...s, ...patch } : s)));

  const act = (index: number, action: StepAction) => {
    const step = steps[index];
    if (!step) return;
    if (action === "up" || action === "down") {
      const delta = action === "up" ? -1 : 1;
      setSteps(moveStep(steps, index, delta));
      const to = index + delta;
      // Keep the focus on the button that was pressed, now at the step's new place.
      const edge = (action === "up" && to === 0) || (action === "down" && to === steps.length - 1);
      setFocusId(`step-${step.uid}-${edge ? (action === "up" ? "down" : "up") : action}`);
      void message.info({ content: t("cfg.step.moved", { name: step.name || step.id, n: to + 1 }), duration: 1.5 });
    } else if (action === "insert") {
      const added = { ...newStep(steps, "review", t("cfg.step.newName"), defaultStepRole(me, "review")), uid: `s${++uidSeq}` };
      setSteps(insertAfter(steps, index, added));
      setFocusId(`step-${added.uid}-name`);
    } else {
      const next = steps[index + 1] ?? steps[index - 1];
      setSteps(removeAt(steps, index));
      setFocusId(next ? `step-${next.uid}-name` : "add-step");
      void message.info({ content: t("cfg.step.removed", { name: step.name || step.id }), duration: 1.5 });
    }
  };

  const addStep = () => {
    const added = { ...newStep(steps, "review", t("cfg.step.newName"), defaultStepRole(me, "review")), uid: `s${++uidSeq}` };
    setSteps([...steps, added]);
    setFocusId(`step-${added.uid}-name`);
  };

  const refresh = useRefreshProcesses();

  async function saveDraft(): Promise<string> {
    const body = toBody(working);
    if (localProblems(body).length) throw new LocalProblems();
    const out = await processCommands.saveDraft(itemId, draftId, body);
    setDraftId(out.id);
    setLocalStatus("draft");
    setBaseline(body);
    setServerProblems([]);
    return out.id;
  }

  async function run(action: Action) {
    setBusy(action);
    setError(null);
    setPendingDepts(null);
    try {
      if (action === "save") {
        await saveDraft();
        void message.success(t("cfg.editor.saved"));
      } else if (action === "submit") {
        const id = dirty || !draftId || status !== "draft" ? await saveDraft() : draftId;
        const out = await processCommands.submitDraft(id);
        if (out.status === "published") {
          setDraftId(null);
          setLocalStatus(null);
          void message.success(t("cfg.editor.published", { version: out.version ?? "" }));
        } else {
          setLocalStatus(out.status);
          void message.success(t("cfg.editor.submitted"));
        }
      } else if (draftId) {
        const out = await processCommands.publishDraft(draftId);
        setDraftId(null);
        setLocalStatus(null);
        void message.success(t("cfg.editor.published", { version: out.version }));
      }
      await refresh();
    } catch (e) {
      if (e instanceof LocalProblems) {
        setError(new LocalProblems(t("cfg.editor.fixLocal")));
      } else {
        const found = problemsOf(e);
        if (found.length) setServerProblems(found);
        setPendingDepts(pendingDepartmentsOf(e));
        setError(e);
        // A saved draft may have changed state meanwhile (another admin, an agreement): show it.
        if (isApiError(e) && e.status === 409) void refresh();
      }
      requestAnimationFrame(() => problemsRef.current?.focus());
    } finally {
      setBusy(null);
    }
  }

  const reset = () => {
    setSteps(withUids(baseline.steps));
    setAssisting(baseline.assistingDepartmentIds);
    setServerProblems([]);
    setError(null);
  };

  // Nothing to save or submit until something differs from the published version or a draft exists.
  const canSubmit = dirty || status === "draft";
  const canPublish = !!draftId && !dirty && status === "awaiting-agreement";
  const errorMessage = error instanceof Error ? error.message : null;

  return (
    <>
      <PageHeading
        title={t("cfg.editor.heading", { name: data.item.name })}
        subtitle={
          <Space wrap size={[8, 4]}>
            <span className="mono">{data.item.code}</span>
            <Tag color="blue">{t("cfg.editor.currentVersion", { version: data.item.version })}</Tag>
            <span>{t("cfg.editor.promised", { count: data.item.promisedDays })}</span>
            {status && <Tag color={status === "awaiting-agreement" ? "processing" : "default"}>{t(`cfg.draftStatus.${status}`, { defaultValue: status })}</Tag>}
            {dirty && <Tag color="warning">{t("cfg.editor.unsaved")}</Tag>}
          </Space>
        }
        actions={
          <Space wrap>
            <LinkButton to="/workbench/processes" icon={<ArrowLeftOutlined aria-hidden />}>{t("cfg.editor.back")}</LinkButton>
            {draftChooser}
            <Button icon={<UndoOutlined aria-hidden />} disabled={!dirty || !!busy} onClick={reset}>{t("cfg.editor.reset")}</Button>
            <Button icon={<SaveOutlined aria-hidden />} loading={busy === "save"} disabled={!dirty || (!!busy && busy !== "save")} onClick={() => void run("save")}>
              {t("cfg.editor.save")}
            </Button>
            <Button type="primary" icon={<SendOutlined aria-hidden />} loading={busy === "submit"} disabled={!canSubmit || (!!busy && busy !== "submit")} onClick={() => void run("submit")}>
              {t("cfg.editor.submit")}
            </Button>
            <Button icon={<CloudUploadOutlined aria-hidden />} loading={busy === "publish"} disabled={!canPublish || (!!busy && busy !== "publish")} onClick={() => void run("publish")}>
              {t("cfg.editor.publish")}
            </Button>
          </Space>
        }
      />

      <Alert
        type={status === "awaiting-agreement" ? "warning" : "info"}
        showIcon
        style={{ marginBottom: 16 }}
        title={t(status ? `cfg.editor.state.${status}` : "cfg.editor.state.none", { version: data.item.version, defaultValue: "" })}
        description={
          dirty && status === "awaiting-agreement"
            ? t("cfg.editor.editResetsAgreement")
            : status === "awaiting-agreement" && draft?.agreements.some((a) => a.status === "rejected")
              ? t("cfg.editor.rejectedHint")
              : undefined
        }
      />

      <div ref={problemsRef} tabIndex={-1} aria-live="assertive" style={{ outline: "none" }}>
        {(errorMessage || general.length > 0) && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={errorMessage ?? t("cfg.editor.hasProblems")}
            description={
              <>
                {general.length > 0 && (
                  <ul className="evidence-list">
                    {general.map((p) => (
                      <li key={p}>{t(`cfg.problem.${p}`, { defaultValue: p })}</li>
                    ))}
                  </ul>
                )}
                {byStep.size > 0 && <div>{t("cfg.editor.seeSteps")}</div>}
                {pendingDepts && pendingDepts.length > 0 && (
                  <div>
                    {t("cfg.agreement.stillPending")}
                    {pendingDepts.map((d) => `${d.name}（${t(`cfg.agreement.${d.status}`, { defaultValue: d.status })}）`).join("、")}
                  </div>
                )}
                {error !== null && !(error instanceof LocalProblems) && !pendingDepts && byStep.size === 0 && general.length === 0 && <div>{t(`error.next.${errorKind(error)}`)}</div>}
              </>
            }
          />
        )}
      </div>

      <div className="process-layout">
        <div>
          <Section title={t("cfg.editor.steps")} extra={<span className={counted > data.item.promisedDays ? "" : "muted"}>{t("cfg.editor.counted", { count: counted, promised: data.item.promisedDays })}</span>}>
            {steps.map((s, i) => (
              <StepEditor
                key={s.uid}
                step={s}
                index={i}
                count={steps.length}
                departments={departments}
                leadDepartmentId={lead}
                problems={byStep.get(s.id) ?? []}
                disabled={!!busy}
                onChange={(patch) => update(s.uid, patch)}
                onAction={(a) => act(i, a)}
              />
            ))}
            <Button id="add-step" type="dashed" block icon={<PlusOutlined aria-hidden />} disabled={!!busy || steps.length >= 30} onClick={addStep}>
              {t("cfg.step.add")}
            </Button>
            <Form layout="vertical" component="div" style={{ marginTop: 16 }}>
              <Form.Item label={t("cfg.editor.assisting")} htmlFor="assisting-departments" extra={t("cfg.editor.assistingHint")}>
                <Select<string[]>
                  id="assisting-departments"
                  mode="multiple"
                  value={assisting}
                  onChange={setAssisting}
                  disabled={!!busy}
                  showSearch={{ optionFilterProp: "label" }}
                  options={departments.filter((d) => d.id !== lead).map((d) => ({ value: d.id, label: d.name }))}
                  placeholder={t("cfg.editor.assistingPlaceholder")}
                />
              </Form.Item>
            </Form>
          </Section>

          <Section title={t("cfg.editor.currentTitle", { version: data.item.version })}>
            <Typography.Paragraph type="secondary">{t("cfg.editor.currentHint")}</Typography.Paragraph>
            <ProcessTable steps={data.current.steps} departments={departments} leadName={leadName} caption={t("cfg.editor.currentTitle", { version: data.item.version })} />
            {data.current.assistingDepartmentIds.length > 0 && (
              <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
                {t("cfg.editor.assisting")}：{data.current.assistingDepartmentIds.map((id) => departments.find((d) => d.id === id)?.name ?? id).join("、")}
              </Typography.Paragraph>
            )}
          </Section>
        </div>

        <aside className="process-side" aria-label={t("cfg.editor.side")}>
          <Section title={t("cfg.flow.title")}>
            <FlowchartPreview process={working} title={data.item.name} />
          </Section>
          <Section title={t("cfg.agreement.title")}>
            <AgreementPanel status={status} agreements={draft?.agreements ?? []} involved={involved} />
          </Section>
        </aside>
      </div>
    </>
  );
}
