import { describe, expect, it } from "vitest";
import { applicantNotices, type ApplicantNoticeKind, noticeParams, renderNotice } from "./applicantNotices.ts";

const kinds = Object.keys(applicantNotices) as ApplicantNoticeKind[];

describe("notices to applicants", () => {
  it("name the same parameters in both languages, so either renders from one set", () => {
    for (const kind of kinds) {
      const t = applicantNotices[kind];
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(t.text.en), kind).toEqual(names(t.text.zh));
      expect(names(t.title.en), kind).toEqual(names(t.title.zh));
    }
  });

  it("render every event in Chinese and English with its parameters filled", () => {
    for (const kind of kinds) {
      const params = Object.fromEntries(noticeParams(kind).map((p) => [p, `<${p}>`]));
      for (const lang of ["zh-CN", "en"] as const) {
        const { title, text } = renderNotice(kind, lang, params);
        expect(title.length, kind).toBeGreaterThan(1);
        expect(text, kind).not.toMatch(/\{\w+\}/);
        for (const p of noticeParams(kind)) expect(text, `${kind} ${lang}`).toContain(`<${p}>`);
      }
    }
    expect(renderNotice("case.accepted", "en", { item: "Food business licence", code: "X", due: "2026-12-20" }).text).toContain("Supervision code X");
  });

  it("refuse to render with a parameter missing", () => {
    expect(() => renderNotice("case.accepted", "zh-CN", { item: "食品经营许可" })).toThrow(/code missing/);
  });
});
