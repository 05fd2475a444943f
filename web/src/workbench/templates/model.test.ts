import { TemplateBody, unknownPlaceholders } from "@cq/contracts";
import { describe, expect, it } from "vitest";
import { draftProblems, insertPlaceholder, moveItem, sameBody, segments, toBody, toDraft, unknownIn } from "./model.ts";

const body: TemplateBody = { title: "受理通知书", paragraphs: ["{{申请人}}：", "您申请的{{事项名称}}已受理。"], footnote: "" };

describe("the template editor's model", () => {
  it("keeps the words through a draft, trimmed, with a stable key per paragraph", () => {
    const draft = toDraft({ ...body, title: " 受理通知书 " });
    expect(new Set(draft.paragraphs.map((p) => p.key)).size).toBe(2);
    expect(toBody(draft)).toEqual(body);
    expect(sameBody(body, { ...body, footnote: "  " })).toBe(true);
    expect(sameBody(body, { ...body, paragraphs: [...body.paragraphs].reverse() })).toBe(false);
  });

  it("moves a paragraph up or down and leaves the list alone for a move out of range", () => {
    expect(moveItem(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(moveItem(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b"], 1, 2)).toEqual(["a", "b"]);
    expect(moveItem(["a", "b"], -1, 0)).toEqual(["a", "b"]);
  });

  it("inserts a placeholder at the caret or in place of the selection, and puts the caret after it", () => {
    expect(insertPlaceholder("您好", 0, 0, "申请人")).toEqual({ text: "{{申请人}}您好", caret: 7 });
    expect(insertPlaceholder("您好，某某", 3, 5, "申请人")).toEqual({ text: "您好，{{申请人}}", caret: 10 });
    // A selection made backwards, or past the end, still lands inside the text.
    expect(insertPlaceholder("ab", 2, 1, "监管码")).toEqual({ text: "a{{监管码}}", caret: 8 });
    expect(insertPlaceholder("ab", 9, 9, "监管码")).toEqual({ text: "ab{{监管码}}", caret: 9 });
  });

  it("finds the placeholders a kind does not know, as the contract does", () => {
    expect(unknownIn("acceptance-notice", "{{申请人}} {{受理日期}} {{证照编号}} {{ 申请人 }} {{x}}")).toEqual(["证照编号", "x"]);
    expect(unknownIn("application-form", "{{受理日期}}")).toEqual(["受理日期"]);
    const withUnknown = { ...body, footnote: "{{证照编号}}" };
    expect(unknownIn("acceptance-notice", [withUnknown.title, ...withUnknown.paragraphs, withUnknown.footnote].join("\n"))).toEqual(unknownPlaceholders("acceptance-notice", withUnknown));
  });

  it("cuts a text into runs and placeholders, marking the unknown ones", () => {
    expect(segments("acceptance-notice", "致{{申请人}}：{{证照编号}}。")).toEqual([
      { text: "致" },
      { text: "{{申请人}}", placeholder: "申请人", known: true },
      { text: "：" },
      { text: "{{证照编号}}", placeholder: "证照编号", known: false },
      { text: "。" },
    ]);
    expect(segments("acceptance-notice", "")).toEqual([]);
  });

  it("checks the words against the same limits as the contract", () => {
    const cases: TemplateBody[] = [
      body,
      { ...body, title: "受" },
      { ...body, title: "受".repeat(61) },
      { ...body, paragraphs: [] },
      { ...body, paragraphs: ["  "] },
      { ...body, paragraphs: ["字".repeat(2001)] },
      { ...body, paragraphs: Array.from({ length: 31 }, () => "段") },
      { ...body, footnote: "注".repeat(1001) },
    ];
    for (const c of cases) expect(draftProblems(c).length === 0, JSON.stringify(c).slice(0, 60)).toBe(TemplateBody.safeParse(c).success);
    expect(draftProblems({ ...body, paragraphs: ["a", " "] })).toEqual([{ field: "paragraph", index: 1, problem: "paragraphEmpty" }]);
  });
});
