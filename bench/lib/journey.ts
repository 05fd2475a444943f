/**
 * The real journey of one case through HTTP, on the demo item whose process has exactly two review
 * steps before the decision (建设用地规划许可证核发, CQ-GHZY-001: accept → 承办审查 → 审核 → 审批决定 → 制证送达):
 * the company applies with its two required materials and submits; the clerk accepts; the handler
 * and the reviewer each complete their step; the decider approves; the clerk delivers.
 */
import { Session, tinyPdf } from "./http.ts";

export const JOURNEY_ITEM = "建设用地规划许可证核发";
const COMPANY = "15217902892"; // the demo organization (this item is for organizations)
const STAFF = { clerk: "cq.ghzy.clerk", handler: "cq.ghzy.handler", reviewer: "cq.ghzy.reviewer", decider: "cq.ghzy.decider" };

interface Guide { id: string; formFields: { key: string; type: string; label: string }[]; materials: { id: string; required: boolean }[] }
interface Task { id: string; kind: string; stepId: string; status: string }

export interface Actors { applicant: Session; clerk: Session; handler: Session; reviewer: Session; decider: Session }

/** The guide of the journey's item (form fields, required materials). */
export async function journeyGuide(baseUrl: string): Promise<Guide> {
  const list = (await (await fetch(`${baseUrl}/api/catalog/items?q=${encodeURIComponent(JOURNEY_ITEM)}`)).json()) as { items: { id: string; name: string }[] };
  const hit = list.items.find((i) => i.name === JOURNEY_ITEM);
  if (!hit) throw new Error(`no demo item ${JOURNEY_ITEM}`);
  return (await (await fetch(`${baseUrl}/api/catalog/items/${hit.id}`)).json()) as Guide;
}

/**
 * `n` sets of logged-in sessions, one per client of the load. Logged in one after another: logins
 * are not what is measured, and a burst of them (password hashing) would only delay the start.
 */
export async function loginActors(baseUrl: string, n: number): Promise<Actors[]> {
  const sets: Actors[] = [];
  for (let i = 0; i < n; i++) {
    const s: Session[] = [];
    for (const login of [COMPANY, STAFF.clerk, STAFF.handler, STAFF.reviewer, STAFF.decider]) s.push(await Session.login(baseUrl, login));
    sets.push({ applicant: s[0]!, clerk: s[1]!, handler: s[2]!, reviewer: s[3]!, decider: s[4]! });
  }
  return sets;
}

function formDataOf(guide: Guide): Record<string, string | number> {
  return Object.fromEntries(
    guide.formFields.map((f) => [f.key, f.type === "number" ? 10 : f.type === "date" ? "2026-12-01" : f.type === "phone" ? "13800138000" : `压测：${f.label}`]),
  );
}

/** Creates the application and uploads its required materials (the draft, ready to submit). */
export async function prepareDraft(a: Actors, guide: Guide): Promise<string> {
  const { id } = await a.applicant.post<{ id: string }>("/api/cases", { itemId: guide.id, formData: formDataOf(guide) });
  for (const [i, m] of guide.materials.filter((x) => x.required).entries()) {
    const form = new FormData();
    form.append("materialId", m.id);
    form.append("file", new Blob([tinyPdf(`bench ${id} ${i}`)], { type: "application/pdf" }), `material-${i + 1}.pdf`);
    await a.applicant.post(`/api/cases/${id}/materials`, form);
  }
  return id;
}

async function completeStep(s: Session, caseId: string, stepKind: string, stepIndex: number): Promise<void> {
  const tasks = (await s.get<{ items: Task[] }>(`/api/cases/${caseId}/tasks`)).items.filter((t) => t.kind === stepKind && t.status !== "done");
  const task = tasks[0];
  if (!task) throw new Error(`no open ${stepKind} task (step ${stepIndex})`);
  await s.post(`/api/tasks/${task.id}/claim`);
  await s.post(`/api/tasks/${task.id}/complete`, { outcome: "pass", opinion: "材料齐全，符合法定条件。" });
}

/** The whole journey of one case; returns the number of HTTP requests it took. */
export async function runJourney(a: Actors, guide: Guide): Promise<number> {
  const before = Object.values(a).reduce((n, s) => n + s.requests, 0);
  const id = await prepareDraft(a, guide);
  await a.applicant.post(`/api/cases/${id}/submit`);
  await a.clerk.post(`/api/cases/${id}/accept`);
  await completeStep(a.handler, id, "review", 1);
  await completeStep(a.reviewer, id, "review", 2);
  await a.decider.post(`/api/cases/${id}/decision`, { result: "approved" });
  await a.clerk.post(`/api/cases/${id}/deliver`, { method: "electronic" });
  return Object.values(a).reduce((n, s) => n + s.requests, 0) - before;
}
