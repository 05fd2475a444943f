import { Form, Input, InputNumber } from "antd";
import { createContext, use, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Guide, GuideProblem } from "../../common/data/catalogAdmin.ts";

/** What every section of the guide editor works on: the guide, a way to change it, and the problems by path. */
export interface EditorContext {
  guide: Guide;
  change: (patch: Partial<Guide>) => void;
  problems: readonly GuideProblem[];
  disabled: boolean;
  itemId: string;
  leadDepartmentId: string;
  departments: { id: string; name: string }[];
}

const Ctx = createContext<EditorContext | null>(null);
export const EditorProvider = Ctx.Provider;

export function useEditor(): EditorContext {
  const ctx = use(Ctx);
  if (!ctx) throw new Error("useEditor outside the guide editor");
  return ctx;
}

/** The id of a field's input, from its path in the guide (`materials[0].name` → `guide-materials-0-name`). */
export const inputId = (path: string) => `guide-${path.replace(/[[\].]+/g, "-").replace(/-$/, "")}`;

/** The problem texts of exactly this path. */
export function useProblemTexts(path: string): string[] {
  const { t } = useTranslation();
  const { problems } = useEditor();
  return problems.filter((p) => p.path === path).map((p) => t(`cat.problem.${p.problem}`, { defaultValue: t("cat.problem.invalid") }));
}

/** A labelled form row that shows the problems of its path under the input. */
export function Field({ path, label, required, extra, noFor, children }: { path: string; label: string; required?: boolean; extra?: ReactNode; noFor?: boolean; children: ReactNode }) {
  const texts = useProblemTexts(path);
  return (
    <Form.Item
      label={label}
      htmlFor={noFor ? undefined : inputId(path)}
      required={required ?? false}
      extra={extra}
      validateStatus={texts.length ? "error" : undefined}
      help={texts.length ? texts.join(" ") : undefined}
    >
      {children}
    </Form.Item>
  );
}

/** A long text of the guide (conditions, legal basis…). */
export function TextField({ field, label, rows = 4, max = 4000, required = true, extra }: {
  field: "legalBasis" | "conditions" | "fees" | "result" | "responsibilities" | "accountability";
  label: string;
  rows?: number;
  max?: number;
  required?: boolean;
  extra?: ReactNode;
}) {
  const { guide, change, disabled } = useEditor();
  return (
    <Field path={field} label={label} required={required} extra={extra}>
      <Input.TextArea id={inputId(field)} value={guide[field]} rows={rows} maxLength={max} showCount disabled={disabled} onChange={(e) => change({ [field]: e.target.value })} />
    </Field>
  );
}

/** A number of working days. */
export function DaysField({ field, label, max, extra }: { field: "statutoryDays" | "statutoryExtensionDays" | "promisedDays" | "yellowDays"; label: string; max: number; extra?: ReactNode }) {
  const { t } = useTranslation();
  const { guide, change, disabled } = useEditor();
  return (
    <Field path={field} label={label} required extra={extra}>
      <InputNumber<number>
        id={inputId(field)}
        min={0}
        max={max}
        precision={0}
        value={guide[field]}
        disabled={disabled}
        suffix={t("cfg.step.daysUnit")}
        style={{ width: 200 }}
        onChange={(v) => change({ [field]: v ?? 0 })}
      />
    </Field>
  );
}
