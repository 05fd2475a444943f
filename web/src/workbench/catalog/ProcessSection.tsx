import { PlusOutlined } from "@ant-design/icons";
import { Alert, App, Button, InputNumber, Select, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../../common/data/me.ts";
import { defaultStepRole } from "../abilities.ts";
import { FlowchartPreview } from "../config/FlowchartPreview.tsx";
import { countedDays, insertAfter, moveStep, newStep, removeAt, type Step } from "../config/processModel.ts";
import { StepEditor, type StepAction } from "../config/StepEditor.tsx";
import { Field, inputId, useEditor, useProblemTexts } from "./editorKit.tsx";
import { indexOfPath } from "./guideModel.ts";

let uidSeq = 0;
const nextUid = () => `s${++uidSeq}`;

/** 办理流程: the step editor, the assisting departments and the live flowchart (R6, R10). */
export function ProcessSection({ title }: { title: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { me } = useMe();
  const { guide, change, problems, disabled, departments, leadDepartmentId } = useEditor();
  const steps = guide.process.steps;
  // Each step keeps a key of its own while it moves, so its inputs and focus go with it.
  const [uids, setUids] = useState<string[]>(() => steps.map(nextUid));
  const aligned = uids.length === steps.length ? uids : steps.map((_, i) => uids[i] ?? nextUid());
  const [focusId, setFocusId] = useState<string | null>(null);
  const generalTexts = useProblemTexts("process");
  const assistingTexts = useProblemTexts("assistingDepartmentIds");

  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  const byStep = useMemo(() => {
    const map = new Map<number, string[]>();
    for (const p of problems) {
      if (!p.path.startsWith("process.steps[")) continue;
      const i = indexOfPath(p.path);
      if (i !== null) map.set(i, [...(map.get(i) ?? []), p.problem]);
    }
    return map;
  }, [problems]);

  const setSteps = (next: Step[], nextUids: string[]) => {
    setUids(nextUids);
    change({ process: { steps: next } });
  };
  const fresh = () => newStep(steps, "review", t("cfg.step.newName"), defaultStepRole(me, "review"), leadDepartmentId);

  const act = (index: number, action: StepAction) => {
    const step = steps[index];
    if (!step) return;
    const uid = aligned[index] ?? "";
    if (action === "up" || action === "down") {
      const delta = action === "up" ? -1 : 1;
      const to = index + delta;
      setSteps(moveStep(steps, index, delta), moveStep(aligned, index, delta));
      const edge = (action === "up" && to === 0) || (action === "down" && to === steps.length - 1);
      setFocusId(`step-${uid}-${edge ? (action === "up" ? "down" : "up") : action}`);
      void message.info({ content: t("cfg.step.moved", { name: step.name || t(`stepKind.${step.kind}`), n: to + 1 }), duration: 1.5 });
    } else if (action === "insert") {
      const added = nextUid();
      setSteps(insertAfter(steps, index, fresh()), insertAfter(aligned, index, added));
      setFocusId(`step-${added}-name`);
    } else {
      const next = aligned[index + 1] ?? aligned[index - 1];
      setSteps(removeAt(steps, index), removeAt(aligned, index));
      setFocusId(next ? `step-${next}-name` : "add-step");
      void message.info({ content: t("cfg.step.removed", { name: step.name || t(`stepKind.${step.kind}`) }), duration: 1.5 });
    }
  };
  const addStep = () => {
    const added = nextUid();
    setSteps([...steps, fresh()], [...aligned, added]);
    setFocusId(`step-${added}-name`);
  };

  const counted = countedDays(steps);
  return (
    <div className="process-layout">
      <div>
        {generalTexts.length > 0 && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={<ul className="evidence-list">{generalTexts.map((x) => <li key={x}>{x}</li>)}</ul>} />}
        <Typography.Paragraph className={counted > guide.promisedDays ? "" : "muted"}>{t("cat.process.counted", { count: counted, promised: guide.promisedDays })}</Typography.Paragraph>
        {steps.map((s, i) => (
          <StepEditor
            key={aligned[i]}
            step={{ ...s, uid: aligned[i] ?? "" }}
            index={i}
            count={steps.length}
            departments={departments}
            leadDepartmentId={leadDepartmentId}
            problems={byStep.get(i) ?? []}
            disabled={disabled}
            onChange={(patch) => change({ process: { steps: steps.map((x, j) => (j === i ? { ...x, ...patch } : x)) } })}
            onAction={(a) => act(i, a)}
          />
        ))}
        <Button id="add-step" type="dashed" block icon={<PlusOutlined aria-hidden />} disabled={disabled || steps.length >= 30} onClick={addStep}>
          {t("cfg.step.add")}
        </Button>
        <div style={{ marginTop: 16 }}>
          <Field path="assistingDepartmentIds" label={t("cat.process.assisting")} extra={t("cat.process.assistingHint")}>
            <Select<string[]>
              id={inputId("assistingDepartmentIds")}
              mode="multiple"
              status={assistingTexts.length ? "error" : undefined}
              value={guide.assistingDepartmentIds}
              disabled={disabled}
              showSearch={{ optionFilterProp: "label" }}
              placeholder={t("cat.process.assistingPlaceholder")}
              options={departments.filter((d) => d.id !== leadDepartmentId).map((d) => ({ value: d.id, label: d.name }))}
              onChange={(ids) => change({ assistingDepartmentIds: ids, resultDepartmentIds: guide.resultDepartmentIds.filter((d) => ids.includes(d)) })}
            />
          </Field>
          {guide.assistingDepartmentIds.length > 0 && steps.some((x) => x.kind === "co-handle") && (
            <fieldset className="assisting-days">
              <legend>{t("cat.process.assistingDays")}</legend>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t("cat.process.assistingDaysHint")}</Typography.Paragraph>
              {guide.assistingDepartmentIds.map((id) => (
                <Field key={id} path={`assistingDays.${id}`} label={departments.find((d) => d.id === id)?.name ?? t("cfg.step.unknownDepartment")}>
                  <InputNumber<number>
                    id={inputId(`assistingDays.${id}`)}
                    min={0}
                    max={120}
                    precision={0}
                    value={guide.assistingDays[id] ?? null}
                    placeholder={t("cat.process.stepOwnDays")}
                    suffix={t("cfg.step.daysUnit")}
                    disabled={disabled}
                    style={{ width: 220 }}
                    onChange={(v) => {
                      const next = { ...guide.assistingDays };
                      if (v === null) delete next[id];
                      else next[id] = v;
                      change({ assistingDays: next });
                    }}
                  />
                </Field>
              ))}
            </fieldset>
          )}
          {guide.assistingDepartmentIds.length > 0 && (
            <Field path="resultDepartmentIds" label={t("cat.process.resultDepartments")} extra={t("cat.process.resultDepartmentsHint")}>
              <Select<string[]>
                id={inputId("resultDepartmentIds")}
                mode="multiple"
                value={guide.resultDepartmentIds}
                disabled={disabled}
                options={guide.assistingDepartmentIds.map((id) => ({ value: id, label: departments.find((d) => d.id === id)?.name ?? t("cfg.step.unknownDepartment") }))}
                onChange={(resultDepartmentIds) => change({ resultDepartmentIds })}
              />
            </Field>
          )}
        </div>
      </div>
      <aside className="process-side" aria-label={t("cfg.flow.title")}>
        <Typography.Title level={3} style={{ fontSize: "1.05em" }}>{t("cfg.flow.title")}</Typography.Title>
        <FlowchartPreview process={{ steps, assistingDepartmentIds: guide.assistingDepartmentIds }} title={title} />
      </aside>
    </div>
  );
}
