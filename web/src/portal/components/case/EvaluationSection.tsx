import { Alert, App, Button, Descriptions, Form, Input, Radio, Space, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../common/api/errors.ts";
import { LinkButton } from "../../../common/components/LinkButton.tsx";
import { Section } from "../../../common/components/Misc.tsx";
import { dimensions, dimensionsState, evaluationRequest, levels, needsComment, opensWorkOrder, type Dimension, type EvaluationForm } from "../../../common/engagement/model.ts";
import { formatDate } from "../../../common/format.ts";
import "../../../common/engagement/engagement.css";
import { useEvaluate } from "../../../common/data/engagement.ts";
import type { CaseEvaluation } from "@cq/contracts";
import { type CaseDetail } from "../../../common/data/cases.ts";

const GIVEN_ID = "evaluation-given";

/**
 * 评价本次服务 (好差评, R37): for a closed case the applicant has not rated yet, a five-level choice,
 * optional ratings of efficiency, attitude and quality, and a comment that 不满意/非常不满意 require.
 * Once rated (now or before), the rating read-only (您的评价).
 */
export function EvaluationSection({ detail, onChanged }: { detail: CaseDetail; onChanged: () => void }) {
  const [given, setGiven] = useState<CaseEvaluation | null>(null);
  const evaluation = detail.evaluation ?? given;
  if (evaluation) return <GivenEvaluation evaluation={evaluation} focus={given !== null} />;
  if (!detail.abilities.evaluate) return null;
  return (
    <EvaluationFormCard
      caseId={detail.id}
      onDone={(e) => {
        setGiven(e);
        onChanged();
      }}
      onStale={onChanged}
    />
  );
}

function levelColor(level: number): string {
  return level >= 4 ? "success" : level === 3 ? "default" : "warning";
}

function GivenEvaluation({ evaluation, focus }: { evaluation: CaseEvaluation; focus: boolean }) {
  const { t } = useTranslation();
  // Just submitted: the form is gone, so take the keyboard to what replaced it.
  useEffect(() => {
    if (focus) document.getElementById(GIVEN_ID)?.focus();
  }, [focus]);
  const dims = evaluation.dimensions;
  return (
    <Section id="evaluation" title={t("eng.eval.given")}>
      <div id={GIVEN_ID} tabIndex={-1} style={{ outline: "none" }}>
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: "level", label: t("eng.eval.level"), children: <Tag color={levelColor(evaluation.level)}>{t(`eng.level.${evaluation.level}`, { defaultValue: String(evaluation.level) })}</Tag> },
            ...(dims
              ? dimensions.map((d) => ({ key: d, label: t(`eng.dim.${d}`), children: t(`eng.level.${dims[d]}`, { defaultValue: String(dims[d]) }) }))
              : []),
            { key: "comment", label: t("eng.eval.comment"), children: evaluation.comment ? <div className="prose">{evaluation.comment}</div> : <span className="muted">{t("eng.eval.noComment")}</span> },
            { key: "at", label: t("eng.eval.evaluatedAt"), children: formatDate(evaluation.createdAt, true) },
          ]}
        />
        {opensWorkOrder(evaluation.level) && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            title={t("eng.eval.workOrderNote")}
            action={<LinkButton size="small" to="/my/complaints">{t("eng.eval.viewComplaints")}</LinkButton>}
          />
        )}
      </div>
    </Section>
  );
}

function EvaluationFormCard({ caseId, onDone, onStale }: { caseId: string; onDone: (e: CaseEvaluation) => void; onStale: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<EvaluationForm>();
  const level = Form.useWatch("level", form);
  const efficiency = Form.useWatch("efficiency", form);
  const attitude = Form.useWatch("attitude", form);
  const quality = Form.useWatch("quality", form);
  const dimState = dimensionsState({ efficiency, attitude, quality });
  const commentNeeded = needsComment(level);

  const levelOptions = levels.map((l) => ({ value: l, label: t(`eng.level.${l}`) }));

  const submit = useEvaluate<ReturnType<typeof evaluationRequest>>(caseId, {
    onSuccess: (out, body) => {
      void message.success(out.workOrderId ? t("eng.eval.doneWorkOrder") : t("eng.eval.done"));
      onDone({ level: body.level, ...(body.dimensions ? { dimensions: body.dimensions } : {}), ...(body.comment ? { comment: body.comment } : {}), createdAt: new Date().toISOString() });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === "COMMENT_REQUIRED") form.setFields([{ name: "comment", errors: [error.message] }]);
      // Rated meanwhile (another tab) or no longer closed: show the case as it is now.
      if (error instanceof ApiError && (error.code === "EVALUATION_EXISTS" || error.code === "CASE_STATE_CONFLICT")) onStale();
    },
  });

  const finish = (v: EvaluationForm) => {
    if (!v.level) return;
    if (dimensionsState(v) === "some") {
      form.setFields(dimensions.filter((d) => v[d] === undefined).map((d) => ({ name: d, errors: [t("eng.eval.dimensionsIncomplete")] })));
      return;
    }
    submit.mutate(evaluationRequest({ ...v, level: v.level }));
  };

  const clearDimensions = () => form.setFields(dimensions.map((d) => ({ name: d, value: undefined, errors: [] })));

  return (
    <Section id="evaluation" title={t("eng.eval.title")}>
      <Typography.Paragraph>{t("eng.eval.intro")}</Typography.Paragraph>
      <Form<EvaluationForm>
        form={form}
        name="evaluate-case"
        layout="vertical"
        onFinish={finish}
        onFinishFailed={({ errorFields }) => form.scrollToField(errorFields[0]?.name ?? "level", { focus: true, block: "center" })}
      >
        <Form.Item
          name="level"
          label={<span id="evaluation-level-label">{t("eng.eval.level")}</span>}
          rules={[{ required: true, message: t("eng.eval.levelRequired") }]}
        >
          <Radio.Group
            className="eng-levels"
            optionType="button"
            buttonStyle="solid"
            aria-labelledby="evaluation-level-label"
            aria-required="true"
            options={levelOptions}
          />
        </Form.Item>

        <fieldset className="eng-fieldset" aria-describedby="evaluation-dimensions-hint">
          <legend>{t("eng.eval.dimensions")}</legend>
          <Typography.Paragraph type="secondary" id="evaluation-dimensions-hint" style={{ marginBottom: 12 }}>
            {t("eng.eval.dimensionsHint")}
          </Typography.Paragraph>
          {dimensions.map((d: Dimension) => (
            <Form.Item
              key={d}
              name={d}
              label={<span id={`evaluation-${d}-label`}>{t(`eng.dim.${d}`)}</span>}
              style={{ marginBottom: 12 }}
              dependencies={dimensions.filter((x) => x !== d)}
              rules={[
                {
                  // All three or none: a missing one is an error only once another is given.
                  validator: (_, value: number | undefined) =>
                    value === undefined && dimensionsState(form.getFieldsValue([...dimensions]) as EvaluationForm) === "some"
                      ? Promise.reject(new Error(t("eng.eval.dimensionsIncomplete")))
                      : Promise.resolve(),
                },
              ]}
            >
              <Radio.Group className="eng-levels" optionType="button" buttonStyle="solid" size="small" aria-labelledby={`evaluation-${d}-label`} options={levelOptions} />
            </Form.Item>
          ))}
          {dimState !== "none" && (
            <Button type="link" size="small" style={{ paddingInline: 0, marginBottom: 12 }} onClick={clearDimensions}>
              {t("eng.eval.clearDimensions")}
            </Button>
          )}
        </fieldset>

        <Form.Item
          name="comment"
          label={t("eng.eval.comment")}
          required={commentNeeded}
          dependencies={["level"]}
          extra={commentNeeded ? t("eng.eval.commentRequiredHint", { level: t(`eng.level.${level}`) }) : t("eng.eval.commentHint")}
          rules={[
            {
              validator: (_, value: string | undefined) =>
                needsComment(form.getFieldValue("level") as number | undefined) && !value?.trim() ? Promise.reject(new Error(t("eng.eval.commentRequired"))) : Promise.resolve(),
            },
          ]}
        >
          <Input.TextArea rows={4} maxLength={1000} showCount aria-required={commentNeeded} />
        </Form.Item>

        {submit.isError && !(submit.error instanceof ApiError && submit.error.code === "COMMENT_REQUIRED") && (
          <Alert type="error" showIcon role="alert" title={submit.error.message} style={{ marginBottom: 16 }} />
        )}
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={submit.isPending}>
            {t("eng.eval.submit")}
          </Button>
        </Space>
      </Form>
    </Section>
  );
}
