import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input, InputNumber, Select, Space, Switch, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { useMe } from "../../common/data/me.ts";
import { stepRoles } from "../abilities.ts";
import { stepKinds, type StepKind } from "../../common/data/catalogAdmin.ts";
import type { Step } from "./processModel.ts";

export type EditStep = Step & { uid: string };
/** A department a step may name. */
export interface DepartmentOption {
  id: string;
  name: string;
}
export type StepAction = "up" | "down" | "insert" | "remove";

interface Props {
  step: EditStep;
  index: number;
  count: number;
  departments: DepartmentOption[];
  leadDepartmentId: string;
  problems: string[];
  disabled?: boolean;
  onChange: (patch: Partial<Step>) => void;
  onAction: (action: StepAction) => void;
}

/** One step of the process editor: its fields, its problems, and buttons to move, insert and remove it. */
export function StepEditor({ step, index, count, departments, leadDepartmentId, problems, disabled, onChange, onAction }: Props) {
  const { t } = useTranslation();
  const { me } = useMe();
  const n = index + 1;
  const label = step.name.trim() || t(`stepKind.${step.kind}`);
  const id = (field: string) => `step-${step.uid}-${field}`;
  const leadName = departments.find((d) => d.id === leadDepartmentId)?.name;
  const deptOptions = [
    { value: leadDepartmentId, label: leadName ? t("cfg.step.leadDepartmentNamed", { name: leadName }) : t("cfg.step.leadDepartment") },
    ...departments.filter((d) => d.id !== leadDepartmentId).map((d) => ({ value: d.id, label: d.name })),
  ];
  const coHandle = step.kind === "co-handle";
  // A co-handling step has no department of its own (each assisting department acts); any other step names one.
  const changeKind = (kind: StepKind) =>
    onChange(kind === "co-handle" ? { kind, departmentId: null } : { kind, departmentId: step.departmentId ?? leadDepartmentId });
  const hasProblem = problems.length > 0;

  return (
    <section className={`step-card${hasProblem ? " has-problem" : ""}`} aria-labelledby={id("title")} id={id("card")}>
      <div className="step-card-head">
        <h3 className="step-card-title" id={id("title")}>
          <span className="step-no" aria-hidden="true">{n}</span>
          <span>{t("cfg.step.title", { n, name: label })}</span>
        </h3>
        <Space size={4} wrap>
          <Tooltip title={t("cfg.step.up")}>
            <Button id={id("up")} icon={<ArrowUpOutlined aria-hidden />} disabled={disabled || index === 0} aria-label={t("cfg.step.upN", { n, name: label })} onClick={() => onAction("up")} />
          </Tooltip>
          <Tooltip title={t("cfg.step.down")}>
            <Button id={id("down")} icon={<ArrowDownOutlined aria-hidden />} disabled={disabled || index === count - 1} aria-label={t("cfg.step.downN", { n, name: label })} onClick={() => onAction("down")} />
          </Tooltip>
          <Tooltip title={t("cfg.step.insert")}>
            <Button id={id("insert")} icon={<PlusOutlined aria-hidden />} disabled={disabled} aria-label={t("cfg.step.insertN", { n, name: label })} onClick={() => onAction("insert")} />
          </Tooltip>
          <Tooltip title={t("cfg.step.remove")}>
            <Button id={id("remove")} danger icon={<DeleteOutlined aria-hidden />} disabled={disabled || count <= 1} aria-label={t("cfg.step.removeN", { n, name: label })} onClick={() => onAction("remove")} />
          </Tooltip>
        </Space>
      </div>
      {hasProblem && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={
            <ul className="evidence-list" id={id("problems")}>
              {problems.map((p) => (
                <li key={p}>{t(`cat.problem.${p}`, { defaultValue: t("cat.problem.invalid") })}</li>
              ))}
            </ul>
          }
        />
      )}
      <Form layout="vertical" component="div" disabled={disabled}>
        <div className="step-grid">
          <Form.Item label={t("cfg.step.name")} htmlFor={id("name")} required>
            <Input id={id("name")} value={step.name} maxLength={60} onChange={(e) => onChange({ name: e.target.value })} aria-describedby={hasProblem ? id("problems") : undefined} />
          </Form.Item>
          <Form.Item label={t("cfg.step.id")} htmlFor={id("id")} required tooltip={t("cfg.step.idHint")}>
            <Input id={id("id")} className="mono" value={step.id} maxLength={40} onChange={(e) => onChange({ id: e.target.value.toLowerCase() })} />
          </Form.Item>
          <Form.Item label={t("cfg.step.kind")} htmlFor={id("kind")}>
            <Select<StepKind>
              id={id("kind")}
              value={step.kind}
              options={stepKinds.map((k) => ({ value: k, label: t(`stepKind.${k}`) }))}
              onChange={changeKind}
            />
          </Form.Item>
          <Form.Item label={t("cfg.step.department")} htmlFor={id("department")} required={!coHandle}>
            {coHandle ? (
              <Input id={id("department")} value={t("cfg.step.eachAssisting")} disabled />
            ) : (
              <Select<string>
                id={id("department")}
                value={step.departmentId ?? undefined}
                placeholder={t("cfg.step.chooseDepartment")}
                options={deptOptions}
                showSearch={{ optionFilterProp: "label" }}
                onChange={(v) => onChange({ departmentId: v })}
              />
            )}
          </Form.Item>
          <Form.Item label={t("cfg.step.role")} htmlFor={id("role")}>
            <Select<Step["role"]> id={id("role")} value={step.role} options={stepRoles(me).map((r) => ({ value: r, label: t(`role.${r}`) }))} onChange={(role) => onChange({ role })} />
          </Form.Item>
          <Form.Item label={t("cfg.step.workingDays")} htmlFor={id("days")}>
            <InputNumber<number>
              id={id("days")}
              min={0}
              max={120}
              precision={0}
              value={step.workingDays}
              style={{ width: "100%" }}
              suffix={t("cfg.step.daysUnit")}
              onChange={(v) => onChange({ workingDays: v ?? 0 })}
            />
          </Form.Item>
          <Form.Item label={t("cfg.step.staff")} htmlFor={id("staff")} tooltip={t("cfg.step.staffHint")}>
            <Input id={id("staff")} className="mono" allowClear value={step.staffId ?? ""} placeholder={t("cfg.step.staffPlaceholder")} onChange={(e) => onChange({ staffId: e.target.value || null })} />
          </Form.Item>
          <Form.Item label={t("cfg.step.clockStops")} htmlFor={id("clock")} tooltip={t("cfg.step.clockStopsHint")}>
            <Space size={8}>
              <Switch id={id("clock")} checked={Boolean(step.clockStops)} aria-describedby={id("clock-state")} onChange={(clockStops) => onChange({ clockStops })} />
              <span id={id("clock-state")}>{step.clockStops ? t("cfg.step.clockStopsOn") : t("cfg.step.clockStopsOff")}</span>
            </Space>
          </Form.Item>
        </div>
      </Form>
    </section>
  );
}
