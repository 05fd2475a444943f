/** Pure helpers of the guide editor: its sections, the checks made before asking the server, and list diffs. */
import { type Guide, type GuideFieldName, type GuideInput, type GuideProblem, guideFormProblems } from "../../common/data/catalogAdmin.ts";
import { cleanStep, localProblems } from "../config/processModel.ts";

/** The editor's sections, in the order of the guide. */
export const editorSections = ["basics", "conditions", "limits", "materials", "formFields", "process", "result", "contact", "cc"] as const;
export type EditorSection = (typeof editorSections)[number];

const sectionOfField: Record<GuideFieldName, EditorSection> = {
  legalBasis: "basics", handlingMode: "basics",
  conditions: "conditions", applicantTypes: "conditions",
  statutoryDays: "limits", statutoryExtensionDays: "limits", promisedDays: "limits", yellowDays: "limits", fees: "limits",
  materials: "materials",
  formFields: "formFields",
  process: "process", assistingDepartmentIds: "process", assistingDays: "process", resultDepartmentIds: "process",
  result: "result", resultCertificateType: "result", responsibilities: "result", accountability: "result",
  consultationPhone: "contact", complaintPhone: "contact",
  ccDepartmentIds: "cc",
};

/** The guide field a problem's path starts with (`materials[2].name` → `materials`). */
export function fieldOfPath(path: string): GuideFieldName | null {
  const head = /^[A-Za-z]+/.exec(path)?.[0];
  return head && head in sectionOfField ? (head as GuideFieldName) : null;
}

/** The section a problem belongs to; an unknown path goes to the first section. */
export function sectionOfPath(path: string): EditorSection {
  const field = fieldOfPath(path);
  return field ? sectionOfField[field] : "basics";
}

/** The index of a list entry a path names (`process.steps[3].departmentId` → 3), or null. */
export function indexOfPath(path: string): number | null {
  const m = /\[(\d+)\]/.exec(path);
  return m ? Number(m[1]) : null;
}

/** Problems per section, for the tabs' counts. */
export function countBySection(problems: readonly GuideProblem[]): Map<EditorSection, number> {
  const counts = new Map<EditorSection, number>();
  for (const p of problems) counts.set(sectionOfPath(p.path), (counts.get(sectionOfPath(p.path)) ?? 0) + 1);
  return counts;
}

const FIELD_KEY = /^[A-Za-z][A-Za-z0-9]{0,39}$/;

/** What the server would refuse, found as the guide is edited (the server checks again and has the last word). */
export function localGuideProblems(g: Guide): GuideProblem[] {
  const out: GuideProblem[] = guideFormProblems(g);
  const add = (path: string, problem: string) => out.push({ path, problem });
  const names = new Set<string>();
  g.materials.forEach((m, i) => {
    if (!m.name.trim()) add(`materials[${i}].name`, "required");
    else if (names.has(m.name.trim())) add(`materials[${i}].name`, "duplicate-name");
    names.add(m.name.trim());
  });
  const keys = new Set<string>();
  g.formFields.forEach((f, i) => {
    if (!FIELD_KEY.test(f.key)) add(`formFields[${i}].key`, "bad-field-key");
    else if (keys.has(f.key)) add(`formFields[${i}].key`, "duplicate-key");
    keys.add(f.key);
    if (!f.label.trim()) add(`formFields[${i}].label`, "required");
  });
  const index = new Map(g.process.steps.map((s, i) => [s.id, i]));
  for (const p of localProblems({ steps: g.process.steps, assistingDepartmentIds: g.assistingDepartmentIds })) {
    const i = p.stepId !== undefined ? index.get(p.stepId) : undefined;
    const field = p.problem === "step-without-department" ? ".departmentId" : "";
    add(i !== undefined ? `process.steps[${i}]${field}` : "process", p.problem);
  }
  if (g.process.steps.some((s) => s.kind === "co-handle") && !g.assistingDepartmentIds.length) add("assistingDepartmentIds", "co-handle-without-assisting-departments");
  return out;
}

/** The guide as the API takes it: trimmed texts, clean steps, no assisting data of departments no longer assisting. */
export function toGuideInput(g: Guide): GuideInput {
  const assisting = new Set(g.assistingDepartmentIds);
  return {
    ...g,
    materials: g.materials.map((m) => ({ ...m, name: m.name.trim(), description: m.description?.trim() ? m.description.trim() : undefined })),
    formFields: g.formFields.map((f) => ({ ...f, key: f.key.trim(), label: f.label.trim() })),
    process: { steps: g.process.steps.map(cleanStep) },
    assistingDays: Object.fromEntries(Object.entries(g.assistingDays).filter(([d]) => assisting.has(d))),
    resultDepartmentIds: g.resultDepartmentIds.filter((d) => assisting.has(d)),
  };
}

type Step = Guide["process"]["steps"][number];

/** A new item's first guide: empty texts, a minimal process in the lead department, each step acted on by `roleOf` its kind. */
export function blankGuide(leadDepartmentId: string, names: { accept: string; review: string; decide: string; deliver: string }, roleOf: (kind: Step["kind"]) => Step["role"]): Guide {
  const step = (id: "accept" | "review" | "decide" | "deliver"): Step => ({
    id, name: names[id], kind: id, departmentId: leadDepartmentId, role: roleOf(id), workingDays: id === "review" ? 3 : 1, staffId: null, clockStops: false,
  });
  return {
    legalBasis: "", conditions: "", applicantTypes: ["person", "organization"], handlingMode: "online-and-hall",
    statutoryDays: 20, statutoryExtensionDays: 10, promisedDays: 10, yellowDays: 3, fees: "",
    materials: [], formFields: [],
    process: { steps: [step("accept"), step("review"), step("decide"), step("deliver")] },
    assistingDepartmentIds: [], assistingDays: {}, resultDepartmentIds: [], ccDepartmentIds: [],
    result: "", resultCertificateType: null, responsibilities: "", accountability: "", consultationPhone: "", complaintPhone: "",
  };
}

export type RowChange = "added" | "removed" | "changed" | "same";

/** Two lists compared entry by entry by a key: what was added, removed, changed or left alone, in the new order (removed ones last). */
export function diffList<T>(before: readonly T[], after: readonly T[], keyOf: (x: T) => string): { key: string; change: RowChange; before?: T; after?: T }[] {
  const old = new Map(before.map((x) => [keyOf(x), x]));
  const rows: { key: string; change: RowChange; before?: T; after?: T }[] = after.map((a) => {
    const b = old.get(keyOf(a));
    if (b === undefined) return { key: keyOf(a), change: "added", after: a };
    return { key: keyOf(a), change: JSON.stringify(a) === JSON.stringify(b) ? "same" : "changed", before: b, after: a };
  });
  const now = new Set(after.map(keyOf));
  for (const b of before) if (!now.has(keyOf(b))) rows.push({ key: keyOf(b), change: "removed", before: b });
  return rows;
}
