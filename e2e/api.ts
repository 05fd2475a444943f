/**
 * Setting up data for the browser tests through the platform's HTTP API (the same calls the web
 * apps make): a session per login (the `cq_sid` cookie), state-changing requests with the
 * `X-Requested-With: fetch` header, multipart uploads of small real PDFs, and the demo clock.
 */
import { minimalPdf } from "./pages.ts";

export const DEMO_PASSWORD = "Demo@2026";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} → ${status}: ${typeof body === "string" ? body : JSON.stringify(body)}`);
  }
}

/** One logged-in user of the platform (staff or applicant), talking JSON to the API. */
export class ApiSession {
  private constructor(
    readonly baseUrl: string,
    readonly login: string,
    private readonly cookie: string,
  ) {}

  static async login(baseUrl: string, login: string, password = DEMO_PASSWORD): Promise<ApiSession> {
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-requested-with": "fetch" },
      body: JSON.stringify({ login, password }),
    });
    const text = await res.text();
    if (!res.ok) throw new ApiError(res.status, text, `login ${login}`);
    const sid = res.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => c.startsWith("cq_sid="));
    if (!sid) throw new Error(`login ${login}: no cq_sid cookie in the answer`);
    return new ApiSession(baseUrl, login, sid);
  }

  async request<T = unknown>(method: string, url: string, body?: unknown, expected?: number | number[]): Promise<T> {
    const headers: Record<string, string> = { cookie: this.cookie, "accept-language": "zh-CN" };
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body);
    }
    if (method !== "GET") headers["x-requested-with"] = "fetch";
    const res = await fetch(`${this.baseUrl}${url}`, { method, headers, body: payload });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // keep the text
    }
    const ok = expected === undefined ? res.ok : ([] as number[]).concat(expected).includes(res.status);
    if (!ok) throw new ApiError(res.status, parsed, `${method} ${url} as ${this.login}`);
    return parsed as T;
  }

  get<T = unknown>(url: string): Promise<T> {
    return this.request<T>("GET", url);
  }

  post<T = unknown>(url: string, body?: unknown): Promise<T> {
    return this.request<T>("POST", url, body);
  }
}

export interface GuideBody {
  id: string;
  name: string;
  department: { id: string; name: string };
  promisedDays: number;
  formFields: { key: string; label: string; type: string; required: boolean }[];
  materials: { id: string; name: string; required: boolean }[];
}

export interface TaskBody {
  id: string;
  stepId: string;
  kind: string;
  name: string;
  status: string;
  department: { id: string; name: string };
  opinion?: string;
}

export interface CaseBody {
  id: string;
  status: string;
  result?: string | null;
  supervisionCode?: string | null;
  item: { id: string; name: string; department?: { id: string; name: string } };
  deadline?: { dueDate: string | null; light: string | null } | null;
  tasks?: TaskBody[];
  results?: { department: { id: string; name: string }; result: string; certificateNo?: string | null }[];
  timeline: { kind: string; department?: string }[];
}

/** The item of that exact name, with its guide (form fields, materials). */
export async function findItem(baseUrl: string, name: string): Promise<GuideBody> {
  const list = (await (await fetch(`${baseUrl}/api/catalog/items?q=${encodeURIComponent(name)}`)).json()) as { items: { id: string; name: string }[] };
  const hit = list.items.find((i) => i.name === name);
  if (!hit) throw new Error(`no catalog item named ${name} (found: ${list.items.map((i) => i.name).join(", ")})`);
  return (await (await fetch(`${baseUrl}/api/catalog/items/${hit.id}`)).json()) as GuideBody;
}

/** Creates the application, fills every form field, uploads every required material as a PDF, submits. */
export async function applyFor(applicant: ApiSession, guide: GuideBody, values: Record<string, string | number> = {}): Promise<string> {
  const formData: Record<string, string | number> = {};
  for (const f of guide.formFields) {
    formData[f.key] =
      values[f.key] ?? (f.type === "number" ? 10 : f.type === "date" ? "2026-12-01" : f.type === "phone" ? "13800138000" : f.type === "idNumber" ? "500112199003071235" : `测试填写：${f.label}`);
  }
  const created = await applicant.request<{ id: string }>("POST", "/api/cases", { itemId: guide.id, formData }, 201);
  for (const [i, m] of guide.materials.filter((x) => x.required).entries()) {
    const form = new FormData();
    form.append("materialId", m.id);
    form.append("file", new Blob([new Uint8Array(minimalPdf(`e2e material ${i + 1}`))], { type: "application/pdf" }), `${String(i + 1).padStart(2, "0")}-material.pdf`);
    await applicant.request("POST", `/api/cases/${created.id}/materials`, form, 201);
  }
  await applicant.post(`/api/cases/${created.id}/submit`);
  return created.id;
}

/** Completes, as `username`, the case's open task of a step kind with a passing opinion. */
export async function completeOpenTask(baseUrl: string, username: string, caseId: string, kind: string): Promise<void> {
  const s = await ApiSession.login(baseUrl, username);
  const task = (await s.get<{ items: TaskBody[] }>(`/api/cases/${caseId}/tasks`)).items.find((x) => x.kind === kind && x.status !== "done");
  if (!task) throw new Error(`no open ${kind} task for ${username}`);
  await s.post(`/api/tasks/${task.id}/complete`, { outcome: "pass", opinion: "符合条件。" });
}

/** Moves the platform clock (demo mode) and runs whatever became due. */
export async function setClock(baseUrl: string, now: string): Promise<{ now: string; jobsRun: unknown }> {
  const res = await fetch(`${baseUrl}/api/dev/clock`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-requested-with": "fetch" },
    body: JSON.stringify({ now }),
  });
  const text = await res.text();
  if (!res.ok) throw new ApiError(res.status, text, `POST /api/dev/clock ${now}`);
  return JSON.parse(text) as { now: string; jobsRun: unknown };
}

export async function getClock(baseUrl: string): Promise<{ now: string; offsetMs: number }> {
  return (await (await fetch(`${baseUrl}/api/dev/clock`)).json()) as { now: string; offsetMs: number };
}
