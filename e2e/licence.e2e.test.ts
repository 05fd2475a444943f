/**
 * A licence end to end in Chromium: the planning bureau's decider approves a 建设用地规划许可证 with
 * the particulars pre-filled from the application; the company downloads the licence PDF, scans its
 * QR code (decoded from the rendered page) and opens the verification page it leads to; in its next
 * application (建设工程规划许可证) it takes the permit from the certificate library instead of uploading
 * it. And a decider picks a licence's validity date from the calendar.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ApiSession, type CaseBody, findItem, type GuideBody, type TaskBody } from "./api.ts";
import { screenshot } from "./browser.ts";
import { axeCheck, applicantLogin, fieldLabel, minimalPdf, staffLogin, UI_TIMEOUT, visible } from "./pages.ts";
import { browserSuite } from "./suite.ts";

/** 重庆山城恒信建设工程有限公司, a demo company that builds. */
const COMPANY = "18510418886";
const PLANNING = "cq.ghzy";
const TRANSPORT = "yb.jtys";
const LAND_ITEM = "建设用地规划许可证核发";
const PROJECT_ITEM = "建设工程规划许可证核发";
const TRANSPORT_ITEM = "道路货物运输经营许可（不含危险货物）";
const PROJECT = "两江新区悦来恒信·云栖苑住宅项目";

/** Every form field of the guide filled as a person would, the named ones with the given values. */
function formOf(guide: GuideBody, values: Record<string, string | number> = {}): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const f of guide.formFields) {
    out[f.key] =
      values[f.key] ??
      (f.type === "number" ? 12000 : f.type === "date" ? "2026-11-20" : f.type === "phone" ? "13800138000" : f.type === "idNumber" ? "500112199003071235" : `测试填写：${f.label}`);
  }
  return out;
}

async function upload(applicant: ApiSession, caseId: string, materialId: string, n: number) {
  const form = new FormData();
  form.append("materialId", materialId);
  form.append("file", new Blob([new Uint8Array(minimalPdf(`licence e2e material ${n}`))], { type: "application/pdf" }), `${String(n).padStart(2, "0")}-material.pdf`);
  await applicant.request("POST", `/api/cases/${caseId}/materials`, form, 201);
}

/** Submits an application with every required material but those named, uploaded as PDFs. */
async function apply(applicant: ApiSession, guide: GuideBody, values: Record<string, string | number>, opts: { skip?: string[]; submit?: boolean } = {}) {
  const created = await applicant.request<{ id: string }>("POST", "/api/cases", { itemId: guide.id, formData: formOf(guide, values) }, 201);
  let n = 0;
  for (const m of guide.materials.filter((x) => x.required && !(opts.skip ?? []).includes(x.name))) await upload(applicant, created.id, m.id, ++n);
  if (opts.submit !== false) await applicant.post(`/api/cases/${created.id}/submit`);
  return created.id;
}

/** Accepts the case and passes every review step through the API, as the department's staff (`<prefix>.<role>`). */
async function toDecision(baseUrl: string, prefix: string, caseId: string) {
  const clerk = await ApiSession.login(baseUrl, `${prefix}.clerk`);
  await clerk.post(`/api/cases/${caseId}/accept`);
  for (;;) {
    const tasks = (await clerk.get<{ items: (TaskBody & { role: string })[] }>(`/api/cases/${caseId}/tasks`)).items;
    const open = tasks.find((x) => (x.status === "open" || x.status === "claimed") && x.kind !== "decide");
    if (!open) return;
    const who = await ApiSession.login(baseUrl, `${prefix}.${open.role}`);
    await who.post(`/api/tasks/${open.id}/complete`, { outcome: "pass", opinion: "材料齐全，符合法定条件。" });
  }
}

/** The decider opens the case file and the decision dialog, approving. */
async function openDecision(page: Page, decider: string, caseId: string) {
  await staffLogin(page, decider);
  await page.goto(`/workbench/cases/${caseId}`);
  await (await visible(page.getByRole("button", { name: "审批决定" }))).click();
  const dialog = await visible(page.getByRole("dialog", { name: "作出审批决定" }));
  await dialog.getByText("准予许可", { exact: true }).click();
  return { dialog, particulars: await visible(dialog.getByRole("region", { name: "证照信息" })) };
}

/** The URL in the QR code of a PDF's first page, as a phone's camera would read it. */
function qrUrlOf(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cq-licence-"));
  try {
    fs.writeFileSync(path.join(dir, "licence.pdf"), pdf);
    execFileSync("pdftoppm", ["-r", "150", "-png", "-f", "1", "-l", "1", "-singlefile", path.join(dir, "licence.pdf"), path.join(dir, "page")]);
    const png = PNG.sync.read(fs.readFileSync(path.join(dir, "page.png")));
    const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
    if (!code) throw new Error("no QR code found on the licence's first page");
    return code.data;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const pdfText = (pdf: Buffer): string => execFileSync("pdftotext", ["-layout", "-", "-"], { input: pdf }).toString("utf8");

describe("licences: issued with particulars, downloaded, scanned, and reused once-only", () => {
  const suite = browserSuite("licence");
  const { baseUrl } = suite;
  let landCaseId = "";
  let certificateNo = "";

  it("the decider approves with the particulars pre-filled from the application", async () => {
    const company = await ApiSession.login(baseUrl, COMPANY);
    const guide = await findItem(baseUrl, LAND_ITEM);
    landCaseId = await apply(company, guide, { projectName: PROJECT, constructionUnit: "重庆山城恒信建设工程有限公司", landLocation: "两江新区悦来组团C分区C15-2/02地块", landArea: 24680, landSupplyMode: "出让" });
    await toDecision(baseUrl, PLANNING, landCaseId);

    const page = await suite.newPage("planning decider");
    const { dialog, particulars } = await openDecision(page, `${PLANNING}.decider`, landCaseId);
    expect(await particulars.getByLabel(fieldLabel("用地项目名称")).inputValue()).toBe(PROJECT);
    expect(await particulars.getByLabel(fieldLabel("用地单位")).inputValue()).toBe("重庆山城恒信建设工程有限公司");
    expect(await particulars.getByLabel(fieldLabel("用地面积（平方米）")).inputValue()).toBe("24680");
    // The date of issue is the platform's to fill.
    expect(await particulars.getByLabel(fieldLabel("发证日期")).isDisabled()).toBe(true);
    await particulars.getByLabel(fieldLabel("用地位置")).fill("两江新区悦来组团C分区C15-2/02地块（东至悦来大道）");
    await screenshot(page, "licence-decide-particulars");
    await dialog.getByRole("button", { name: "确认作出决定" }).click();
    await dialog.waitFor({ state: "hidden", timeout: UI_TIMEOUT });
    await visible(page.getByText(/已作出准予许可决定/).first());

    const detail = await company.get<CaseBody>(`/api/cases/${landCaseId}`);
    certificateNo = detail.results?.find((r) => r.certificateNo)?.certificateNo ?? "";
    expect(certificateNo).toMatch(/^YDGH-/);
  });

  it("the company downloads the licence, scans its QR code and sees it verified", async () => {
    suite.needEarlierSteps();
    const page = await suite.newPage("company");
    await applicantLogin(page, COMPANY);
    await page.goto(`/my/cases/${landCaseId}`);
    const link = await visible(page.getByRole("main").getByRole("link", { name: "建设用地规划许可证", exact: true }));
    const href = await link.getAttribute("href");
    expect(href).toBeTruthy();
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("application/pdf");
    const pdf = Buffer.from(await res.body());
    fs.mkdirSync(path.join("e2e", "out"), { recursive: true });
    fs.writeFileSync(path.join("e2e", "out", "licence-download.pdf"), pdf);

    // A licence, not a letter: its heading, number and particulars are printed on it.
    const text = pdfText(pdf);
    expect(text).toContain("建设用地规划许可证");
    expect(text.replace(/\s+/g, "")).toContain(certificateNo);
    const flat = text.replace(/\s+/g, "");
    expect(flat).toContain(PROJECT);
    expect(flat).toContain("（东至悦来大道）");

    // The QR code leads to this certificate's verification page.
    const url = new URL(qrUrlOf(pdf));
    expect(decodeURIComponent(url.pathname)).toBe(`/verify/${certificateNo}`);
    const verify = await suite.newPage("anyone scanning");
    await verify.goto(url.pathname);
    await visible(verify.getByRole("heading", { name: "证照载明事项" }));
    await visible(verify.getByText(PROJECT));
    await visible(verify.getByText(certificateNo).first());
    await screenshot(verify, "licence-scanned-verify");
    expect(await axeCheck(verify, "licence verification")).toEqual([]);
  });

  it("in the next application the company takes the permit from the library instead of uploading it", async () => {
    suite.needEarlierSteps();
    const company = await ApiSession.login(baseUrl, COMPANY);
    const guide = await findItem(baseUrl, PROJECT_ITEM);
    const permit = guide.materials.find((m) => m.name.includes("建设用地规划许可证"));
    expect(permit, JSON.stringify(guide.materials.map((m) => m.name))).toBeTruthy();
    const caseId = await apply(company, guide, { projectName: `${PROJECT}（一期）`, constructionUnit: "重庆山城恒信建设工程有限公司" }, { skip: [permit!.name], submit: false });

    const page = await suite.newPage("company applying");
    await applicantLogin(page, COMPANY);
    await page.goto(`/apply/${guide.id}?case=${caseId}`);
    const section = await visible(page.getByRole("region", { name: permit!.name, exact: true }));
    const offer = await visible(section.getByRole("group", { name: "使用证照库中的证照" }));
    await visible(offer.getByText(certificateNo));
    await screenshot(page, "licence-library-offer");
    await offer.getByRole("button", { name: new RegExp(`使用证照.*${certificateNo}`) }).click();
    await visible(section.getByText("证照库调取").first());
    await screenshot(page, "licence-taken-from-library");

    // Nothing was uploaded for it: the material holds the certificate.
    const detail = await company.get<{ materials: { materialId: string; uploads: { certificateNo?: string; fileName: string | null }[] }[] }>(`/api/cases/${caseId}`);
    const uploads = detail.materials.find((m) => m.materialId === permit!.id)!.uploads;
    expect(uploads).toHaveLength(1);
    expect(uploads[0]!.certificateNo).toBe(certificateNo);
    await company.post(`/api/cases/${caseId}/submit`);
  });

  it("a decider picks a validity date from the calendar", async () => {
    const company = await ApiSession.login(baseUrl, COMPANY);
    const guide = await findItem(baseUrl, TRANSPORT_ITEM);
    const caseId = await apply(company, guide, {});
    await toDecision(baseUrl, TRANSPORT, caseId);
    const page = await suite.newPage("transport decider");
    const { dialog, particulars } = await openDecision(page, `${TRANSPORT}.decider`, caseId);
    const picker = particulars.getByLabel(fieldLabel("有效期至"));
    await picker.click();
    // The calendar opens; the decider types the day (as the picker allows) and confirms it.
    await visible(page.locator(".ant-picker-dropdown:not(.ant-picker-dropdown-hidden)"));
    await picker.fill("2030-12-31");
    await picker.press("Enter");
    expect(await picker.inputValue()).toBe("2030-12-31");
    await screenshot(page, "licence-date-picker");
    await dialog.getByRole("button", { name: "确认作出决定" }).click();
    await dialog.waitFor({ state: "hidden", timeout: UI_TIMEOUT });
    const detail = await company.get<CaseBody>(`/api/cases/${caseId}`);
    const no = detail.results?.find((r) => r.certificateNo)?.certificateNo;
    const shown = (await (await fetch(`${baseUrl}/api/public/certificates/${encodeURIComponent(no!)}`)).json()) as { validUntil?: string };
    expect(shown.validUntil).toBe("2030-12-31");
  });
});
