import { expect } from "vitest";
import { multipart, type Session, type TestPlatform, tinyPdf, sampleFormValue } from "./helpers.ts";
import { demoData } from "./fixtures.ts";

export interface TaskView {
  id: string;
  kind: string;
  name: string;
  status: string;
  department: { id: string; name: string };
  opinion?: string;
  outcome?: string;
  dueDate?: string;
  light?: string;
  abilities?: { claim: boolean; complete: boolean };
}

/** Drives cases through the HTTP API the way the web apps do. */
export class WorkflowDriver {
  constructor(private readonly t: TestPlatform) {}

  async itemId(code: string): Promise<string> {
    const item = demoData.items.find((i) => i.code === code)!;
    const list = (await this.t.request({ method: "GET", url: `/api/catalog/items?q=${encodeURIComponent(item.name)}` })).json().items;
    return list.find((i: { code: string }) => i.code === code).id;
  }

  async guide(code: string) {
    return (await this.t.request({ method: "GET", url: `/api/catalog/items/${await this.itemId(code)}` })).json();
  }

  /** A complete, submitted application. */
  async apply(code: string, applicant: Session): Promise<string> {
    const guide = await this.guide(code);
    const formData: Record<string, string | number> = {};
    for (const f of guide.formFields) formData[f.key] = sampleFormValue(f);
    const created = await applicant.inject({ method: "POST", url: "/api/cases", payload: { itemId: guide.id, formData } });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    for (const m of guide.materials.filter((x: { required: boolean }) => x.required)) {
      expect((await this.upload(applicant, id, m.id)).statusCode).toBe(201);
    }
    const submitted = await applicant.inject({ method: "POST", url: `/api/cases/${id}/submit` });
    expect(submitted.statusCode, submitted.body).toBe(200);
    return id;
  }

  upload(s: Session, caseId: string, materialId: string) {
    const body = multipart({ materialId }, { name: "材料.pdf", bytes: tinyPdf });
    return s.inject({ method: "POST", url: `/api/cases/${caseId}/materials`, payload: body.payload, headers: body.headers });
  }

  async tasks(s: Session, caseId: string): Promise<TaskView[]> {
    const res = await s.inject({ method: "GET", url: `/api/cases/${caseId}/tasks` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  }

  /** The one open task of a step kind (at a department, when given). */
  async openTask(s: Session, caseId: string, kind: string, departmentName?: string): Promise<TaskView> {
    const open = (await this.tasks(s, caseId)).filter(
      (t) => t.kind === kind && (t.status === "open" || t.status === "claimed") && (!departmentName || t.department.name === departmentName),
    );
    expect(open, `open ${kind} task`).toHaveLength(1);
    return open[0]!;
  }

  async complete(s: Session, taskId: string, body: Record<string, unknown> = { outcome: "pass", opinion: "材料齐全，符合要求。" }) {
    const res = await s.inject({ method: "POST", url: `/api/tasks/${taskId}/complete`, payload: body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  async view(s: Session, caseId: string) {
    const res = await s.inject({ method: "GET", url: `/api/cases/${caseId}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }
}

export const deptName = (code: string) => demoData.departments.find((d) => d.code === code)!.name;
export const applicantOf = (type: "person" | "organization", n = 0) => demoData.applicants.filter((a) => a.type === type)[n]!;
