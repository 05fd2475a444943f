/** A logged-in user of the platform talking JSON (and multipart) over HTTP, as the web apps do. */
export const DEMO_PASSWORD = "Demo@2026";

export class Session {
  requests = 0;
  private constructor(
    readonly baseUrl: string,
    readonly cookie: string,
  ) {}

  static async login(baseUrl: string, login: string): Promise<Session> {
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-requested-with": "fetch" },
      body: JSON.stringify({ login, password: DEMO_PASSWORD }),
    });
    if (!res.ok) throw new Error(`login ${login} → ${res.status}: ${await res.text()}`);
    const sid = res.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => c.startsWith("cq_sid="));
    if (!sid) throw new Error(`login ${login}: no session cookie`);
    return new Session(baseUrl, sid);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { cookie: this.cookie };
    let payload: FormData | string | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body);
    }
    if (method !== "GET") headers["x-requested-with"] = "fetch";
    this.requests++;
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path.replace(/\/[\w-]{20,}/g, "/:id")} → ${res.status}: ${text.slice(0, 300)}`);
    return (text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text) as T;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>("GET", path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>("POST", path, body);
  }
}

/** A one-page PDF, enough for the platform's file checks. */
export function tinyPdf(text: string): Uint8Array<ArrayBuffer> {
  const stream = `BT /F1 12 Tf 72 760 Td (${text.replace(/[^\w .-]/g, "")}) Tj ET`;
  const objs = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const at = objs.map((o, i) => {
    const offset = out.length;
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return offset;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${at.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
