import { Empty, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { certificateTypeNames, type Guide, type GuideChange, type GuideFieldName } from "../../common/data/catalogAdmin.ts";
import { diffList, type RowChange } from "./guideModel.ts";
import { useFieldLabel } from "./parts.tsx";

type MaterialRow = Guide["materials"][number];
type FormFieldRow = Guide["formFields"][number];
type StepRow = Guide["process"]["steps"][number];

const changeColor: Record<RowChange, string> = { added: "green", removed: "red", changed: "orange", same: "default" };

function ChangeTag({ change }: { change: RowChange }) {
  const { t } = useTranslation();
  return <Tag color={changeColor[change]}>{t(`cat.diff.row.${change}`)}</Tag>;
}

/** A table of list entries compared by key: one row per entry, its change worded, the old value under the new where it changed. */
function ListDiff<T>({ caption, before, after, keyOf, columns }: {
  caption: string;
  before: readonly T[];
  after: readonly T[];
  keyOf: (x: T) => string;
  columns: { title: string; render: (x: T) => ReactNode }[];
}) {
  const { t } = useTranslation();
  const rows = diffList(before, after, keyOf).filter((r) => r.change !== "same");
  if (!rows.length) return <Typography.Text type="secondary">{t("cat.diff.orderOnly")}</Typography.Text>;
  return (
    <div style={{ overflowX: "auto" }}>
      <table className="diff-table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("cat.diff.change")}</th>
            {columns.map((c) => <th key={c.title} scope="col">{c.title}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const shown = (r.after ?? r.before) as T;
            return (
              <tr key={`${r.change}-${r.key}`} className={`diff-row-${r.change}`}>
                <td><ChangeTag change={r.change} /></td>
                {columns.map((c) => {
                  const now = c.render(shown);
                  const was = r.change === "changed" && r.before !== undefined ? c.render(r.before) : null;
                  const differs = was !== null && JSON.stringify(was) !== JSON.stringify(now);
                  return (
                    <td key={c.title}>
                      {r.change === "removed" ? <del>{now}</del> : now}
                      {differs && <div className="muted"><span className="sr-only">{t("cat.diff.before")}</span><del>{was}</del></div>}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Long texts side by side: as they were and as they are. */
function SideBySide({ before, after }: { before: ReactNode; after: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="diff-side">
      <div>
        <h4>{t("cat.diff.before")}</h4>
        <div className="diff-text">{before}</div>
      </div>
      <div>
        <h4>{t("cat.diff.after")}</h4>
        <div className="diff-text">{after}</div>
      </div>
    </div>
  );
}

const arr = <T,>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

/** Nothing there: no value, an empty text, list or record (a first version "changes" such fields from nothing to nothing). */
const isEmpty = (v: unknown): boolean =>
  v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0) || (typeof v === "object" && !Array.isArray(v) && Object.keys(v as object).length === 0);

/** One changed field of a guide, shown the way its kind of value reads best. */
function FieldChange({ change, departmentName }: { change: GuideChange; departmentName: (id: string) => string }) {
  const { t, i18n } = useTranslation();
  const fieldLabel = useFieldLabel();
  const en = i18n.language === "en";
  const yes = (b: boolean) => (b ? t("cat.yes") : t("cat.no"));
  const none = <Typography.Text type="secondary">{t("cat.diff.empty")}</Typography.Text>;
  const certificate = (c: string | null | undefined) => (c ? (en ? certificateTypeNames[c]?.en : certificateTypeNames[c]?.zh) ?? t("cat.unknownCertificate") : "—");
  const { field, before, after } = change;
  const plain = (v: unknown): ReactNode => {
    if (v === null || v === undefined || v === "") return none;
    if (field === "handlingMode") return t(`guide.mode.${String(v)}`);
    if (field === "applicantTypes") return arr<string>(v).map((a) => t(`applicantType.${a}`)).join("、") || none;
    if (field === "resultCertificateType") return certificate(String(v));
    if (typeof v === "number") return t("cfg.days", { count: v });
    return String(v);
  };

  switch (field as GuideFieldName) {
    case "materials":
      return (
        <ListDiff<MaterialRow>
          caption={t("cat.diff.caption", { field: fieldLabel(field) })}
          before={arr(before)}
          after={arr(after)}
          keyOf={(m) => m.key}
          columns={[
            { title: t("cat.material.name"), render: (m) => m.name },
            { title: t("cat.material.required"), render: (m) => yes(m.required) },
            { title: t("cat.material.description"), render: (m) => m.description ?? "—" },
            { title: t("cat.material.certificateType"), render: (m) => certificate(m.certificateType) },
            { title: t("cat.material.files"), render: (m) => [m.blankFormFile ? t("cat.material.blankForm") : null, m.sampleFile ? t("cat.material.sample") : null].filter(Boolean).join("、") || "—" },
          ]}
        />
      );
    case "formFields":
      return (
        <ListDiff<FormFieldRow>
          caption={t("cat.diff.caption", { field: fieldLabel(field) })}
          before={arr(before)}
          after={arr(after)}
          keyOf={(f) => f.key}
          columns={[
            { title: t("cat.formField.label"), render: (f) => f.label },
            { title: t("cat.formField.type"), render: (f) => t(`cat.fieldType.${f.type}`) },
            { title: t("cat.formField.required"), render: (f) => yes(f.required) },
          ]}
        />
      );
    case "process": {
      const steps = (v: unknown) => arr<StepRow>((v as { steps?: unknown } | null)?.steps);
      return (
        <ListDiff<StepRow>
          caption={t("cat.diff.caption", { field: fieldLabel(field) })}
          before={steps(before)}
          after={steps(after)}
          keyOf={(s) => s.id}
          columns={[
            { title: t("cfg.step.name"), render: (s) => s.name },
            { title: t("cfg.step.kind"), render: (s) => t(`stepKind.${s.kind}`) },
            { title: t("cfg.step.department"), render: (s) => (s.departmentId ? departmentName(s.departmentId) : t("cfg.step.eachAssisting")) },
            { title: t("cfg.step.role"), render: (s) => t(`role.${s.role}`) },
            { title: t("cfg.step.workingDays"), render: (s) => `${t("cfg.days", { count: s.workingDays })}${s.clockStops ? `（${t("cfg.step.clockStopsOn")}）` : ""}` },
          ]}
        />
      );
    }
    case "assistingDepartmentIds":
    case "resultDepartmentIds":
    case "ccDepartmentIds":
      return (
        <ListDiff<string>
          caption={t("cat.diff.caption", { field: fieldLabel(field) })}
          before={arr(before)}
          after={arr(after)}
          keyOf={(d) => d}
          columns={[{ title: t("cat.department"), render: departmentName }]}
        />
      );
    case "assistingDays": {
      const entries = (v: unknown) => Object.entries((v ?? {}) as Record<string, number>);
      return (
        <ListDiff<[string, number]>
          caption={t("cat.diff.caption", { field: fieldLabel(field) })}
          before={entries(before)}
          after={entries(after)}
          keyOf={([d]) => d}
          columns={[
            { title: t("cat.department"), render: ([d]) => departmentName(d) },
            { title: t("cfg.step.workingDays"), render: ([, n]) => t("cfg.days", { count: n }) },
          ]}
        />
      );
    }
    case "statutoryDays":
    case "statutoryExtensionDays":
    case "promisedDays":
    case "yellowDays":
    case "handlingMode":
    case "applicantTypes":
    case "resultCertificateType":
    case "consultationPhone":
    case "complaintPhone":
      return (
        <p style={{ margin: 0 }}>
          <del>{plain(before)}</del> <span aria-hidden="true">→</span> <span className="sr-only">{t("cat.diff.becomes")}</span> <strong>{plain(after)}</strong>
        </p>
      );
    default:
      return <SideBySide before={plain(before)} after={plain(after)} />;
  }
}

/** A version's changes against the one it is compared with, field by field. */
export function GuideDiff({ diff, comparedWith, departments }: { diff: readonly GuideChange[]; comparedWith: number | null; departments: readonly { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  const departmentName = (id: string) => departments.find((d) => d.id === id)?.name ?? t("cfg.step.unknownDepartment");
  const shown = diff.filter((c) => !(isEmpty(c.before) && isEmpty(c.after)));
  if (!shown.length) return <Empty description={t("cat.diff.none")} />;
  return (
    <div>
      <Typography.Paragraph type="secondary">
        {comparedWith === null ? t("cat.diff.first") : t("cat.diff.against", { version: comparedWith })}
      </Typography.Paragraph>
      {shown.map((c) => (
        <section key={c.field} className="diff-field" aria-labelledby={`diff-${c.field}`}>
          <h3 id={`diff-${c.field}`}>{label(c.field)}</h3>
          <FieldChange change={c} departmentName={departmentName} />
        </section>
      ))}
    </div>
  );
}
