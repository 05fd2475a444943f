import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { placeholdersIn, placeholdersOfKind, templateKinds, type TemplateBody, UnknownPlaceholderError, unknownPlaceholders } from "@cq/contracts";
import { afterAll, describe, expect, it } from "vitest";
import type { Deps } from "../../platform/context.ts";
import { builtinTemplates } from "./builtin.ts";
import { renderTemplatePreview } from "./preview.ts";
import { fillTemplate, printedDay } from "./render.ts";
import { SAMPLE_REFERENCE_NO, SAMPLE_SUPERVISION_CODE, sampleValues } from "./sample.ts";
import { parseReferenceNo } from "../../caseRecord/referenceNo.ts";
import { parseSupervisionCode } from "../../caseRecord/supervisionCode.ts";

const DEPT = "重庆市渝北区市场监督管理局";

describe("fillTemplate", () => {
  it.each(templateKinds)("fills every placeholder %s knows", (kind) => {
    const names = placeholdersOfKind[kind];
    const body: TemplateBody = { title: `标题{{${names[0]}}}`, paragraphs: names.map((n) => `${n}：{{${n}}}`), footnote: `{{ ${names.at(-1)} }}` };
    const values = sampleValues(kind, DEPT);
    const filled = fillTemplate(kind, body, values);
    expect(filled.paragraphs).toHaveLength(names.length);
    names.forEach((n, i) => expect(filled.paragraphs[i]).toBe(`${n}：${values[n]}`));
    expect(filled.title).toBe(`标题${values[names[0]!]}`);
    expect(filled.footnote).toBe(values[names.at(-1)!]);
    expect(JSON.stringify(filled)).not.toContain("{{");
  });

  it("names an unknown placeholder, also one another kind knows", () => {
    const body: TemplateBody = { title: "受理通知书", paragraphs: ["{{申请人名}}，你好。{{延长天数}}"], footnote: "" };
    expect(unknownPlaceholders("acceptance-notice", body)).toEqual(["申请人名", "延长天数"]);
    let thrown: unknown;
    try {
      fillTemplate("acceptance-notice", body, {});
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(UnknownPlaceholderError);
    expect((thrown as UnknownPlaceholderError).placeholder).toBe("申请人名");
  });

  it("prints a blank for a known placeholder without a value, and leaves out a paragraph naming one with no content", () => {
    const body: TemplateBody = { title: "决定书", paragraphs: ["监管码 {{监管码}}", "颁发：{{审批结果}}，证照编号 {{证照编号}}。", "{{决定理由}}"], footnote: "" };
    const filled = fillTemplate("approval-decision", body, { 审批结果: "许可证", 证照编号: "", 决定理由: "" });
    expect(filled.paragraphs).toEqual(["监管码 ________"]);
  });

  it("writes days as official documents do", () => {
    expect(printedDay("2026-03-05")).toBe("2026年3月5日");
  });
});

describe("built-in templates", () => {
  it.each(templateKinds)("%s names only placeholders its kind knows and fills completely", (kind) => {
    const body = builtinTemplates[kind];
    expect(unknownPlaceholders(kind, body)).toEqual([]);
    const filled = fillTemplate(kind, body, sampleValues(kind, DEPT));
    expect(JSON.stringify(filled)).not.toMatch(/\{\{|____/);
  });

  it("a supplement notice, issued before acceptance too, names the reference number, never the supervision code", () => {
    expect(placeholdersOfKind["supplement-notice"]).not.toContain("监管码");
    const words = builtinTemplates["supplement-notice"];
    const all = placeholdersIn([words.title, ...words.paragraphs, words.footnote].join("\n"));
    expect(all).toContain("申请编号");
    expect([words.title, ...words.paragraphs, words.footnote].join("")).not.toMatch(/监管码/);
  });

  it("sample codes are shaped like real ones", () => {
    expect(parseSupervisionCode(SAMPLE_SUPERVISION_CODE).ok).toBe(true);
    expect(parseReferenceNo(SAMPLE_REFERENCE_NO).ok).toBe(true);
  });
});

const pdftotext = !spawnSync("pdftotext", ["-v"]).error;
const workDir = mkdtempSync(join(tmpdir(), "cq-tpl-test-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
const deps = { config: { publicBaseUrl: "https://zwfw.example.cn" } } as unknown as Deps;

describe("preview", () => {
  it.each(templateKinds)("renders the built-in %s with the sample case", { timeout: 30_000 }, async (kind) => {
    const pdf = await renderTemplatePreview(deps, kind, builtinTemplates[kind], { name: DEPT, shortName: "渝北市监" });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    if (!pdftotext) return;
    const file = join(workDir, `${kind}.pdf`);
    writeFileSync(file, pdf);
    const text = spawnSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).stdout.replace(/\s+/g, "");
    expect(text).toContain(DEPT);
    if (kind === "certificate") expect(text).toContain("扫码核验本证照");
    else if (kind === "application-form") expect(text).toContain("扫码查看本事项办事指南");
    else if (kind === "supplement-notice" || kind === "non-acceptance-decision") expect(text).toContain(`扫码查看办理进度（申请编号${SAMPLE_REFERENCE_NO}）`);
    else expect(text).toContain(`扫码查看办理进度（统一服务监管码${SAMPLE_SUPERVISION_CODE}）`);
  });
});
