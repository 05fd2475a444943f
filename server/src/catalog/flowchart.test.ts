import { describe, expect, it } from "vitest";
import { escapeXml, renderFlowchartSvg, roleLabel, type FlowStep } from "./flowchart.ts";

/**
 * Minimal XML well-formedness check: balanced, properly nested tags, quoted
 * attributes without raw `<` or `&`, no raw `<`/`>`-less `&` in text, one root.
 */
function assertWellFormed(xml: string): void {
  let s = xml.replace(/^<\?xml[^?]*\?>\s*/, "");
  const stack: string[] = [];
  let roots = 0;
  const entity = /^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/;
  while (s.length > 0) {
    const lt = s.indexOf("<");
    const text = lt === -1 ? s : s.slice(0, lt);
    for (let i = text.indexOf("&"); i !== -1; i = text.indexOf("&", i + 1)) {
      expect(entity.test(text.slice(i)), `bad entity in text: ${text.slice(i, i + 12)}`).toBe(true);
    }
    expect(text.includes(">"), `raw > in text: ${text.slice(0, 40)}`).toBe(false);
    if (lt !== -1 && stack.length === 0) expect(text.trim()).toBe("");
    if (lt === -1) break;
    s = s.slice(lt);
    const close = /^<\/([A-Za-z][\w:.-]*)\s*>/.exec(s);
    if (close) {
      expect(stack.pop(), `unexpected </${close[1]}>`).toBe(close[1]);
      s = s.slice(close[0].length);
      continue;
    }
    const open = /^<([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/.exec(s);
    expect(open, `malformed tag near: ${s.slice(0, 60)}`).not.toBeNull();
    if (!open) return;
    const attrs = open[2] ?? "";
    for (const m of attrs.matchAll(/"([^"]*)"/g)) {
      const value = m[1] ?? "";
      for (let i = value.indexOf("&"); i !== -1; i = value.indexOf("&", i + 1)) {
        expect(entity.test(value.slice(i)), `bad entity in attribute: ${value}`).toBe(true);
      }
    }
    const names = [...attrs.matchAll(/\s([\w:.-]+)=/g)].map((m) => m[1]);
    expect(new Set(names).size, `duplicate attribute in <${open[1]}>`).toBe(names.length);
    if (stack.length === 0) roots++;
    if (open[3] !== "/") stack.push(open[1] ?? "");
    s = s.slice(open[0].length);
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

const steps: FlowStep[] = [
  { id: "s1", name: "受理", kind: "accept", department: "重庆市渝北区政务服务中心", role: "clerk", workingDays: 1 },
  { id: "s2", name: "审查", kind: "review", department: "重庆市渝北区市场监督管理局", role: "handler", workingDays: 5 },
  { id: "s3", name: "现场核查", kind: "offline", department: "重庆市渝北区市场监督管理局", role: "reviewer", workingDays: 3 },
  {
    id: "s4",
    name: "并联审查",
    kind: "co-handle",
    department: "重庆市渝北区市场监督管理局",
    role: "department-head",
    workingDays: 5,
    assisting: ["渝北区卫生健康委员会", "渝北区消防救援支队", "渝北区生态环境局"],
  },
  { id: "s5", name: "检验检测", kind: "third-party", department: "第三方检测机构", role: "handler", workingDays: 10 },
  { id: "s6", name: "审批决定", kind: "decide", department: "重庆市渝北区市场监督管理局", role: "decider", workingDays: 2 },
  { id: "s7", name: "证照推送", kind: "push", department: "重庆市电子证照库", role: "handler", workingDays: 0 },
  { id: "s8", name: "送达", kind: "deliver", department: "重庆市渝北区政务服务中心", role: "clerk", workingDays: 1 },
];

describe("renderFlowchartSvg", () => {
  const svg = renderFlowchartSvg(steps, { title: "食品经营许可（新办）办理流程图" });

  it("is a well-formed standalone SVG with accessible name", () => {
    assertWellFormed(svg);
    expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('role="img"');
    expect(svg).toMatch(/aria-label="食品经营许可（新办）办理流程图：申请 → 受理 → 审查/);
    expect(svg).toContain("<title>食品经营许可（新办）办理流程图</title>");
    expect(svg).toContain("<desc>");
  });

  it("computes width, height and viewBox from the content", () => {
    const m = /<svg[^>]* width="(\d+)" height="(\d+)" viewBox="0 0 (\d+) (\d+)"/.exec(svg);
    expect(m).not.toBeNull();
    const [, w, h, vw, vh] = (m ?? []).map(Number);
    expect(w).toBe(vw);
    expect(h).toBe(vh);
    expect(w).toBeGreaterThan(200);
    expect(h).toBeGreaterThan(800); // eight steps stacked vertically
    const fewer = renderFlowchartSvg(steps.slice(0, 2));
    const h2 = Number(/height="(\d+)"/.exec(fewer)?.[1]);
    expect(h2).toBeLessThan(h ?? 0);
  });

  it("contains every step name, start and end nodes, departments, roles and days", () => {
    for (const s of steps) expect(svg).toContain(`>${s.name}<`);
    expect(svg).toContain(">申请<");
    expect(svg).toContain(">办结<");
    expect(svg).toContain("重庆市渝北区政务服务中心");
    expect(svg).toContain("窗口受理");
    expect(svg).toContain("审批决定 · 2个工作日");
    expect(svg).toContain("承办 · 5个工作日");
    expect(count(svg, 'class="step ')).toBe(steps.length);
  });

  it("uses the Chinese font stack and the government blue", () => {
    expect(svg).toMatch(/font-family="[^"]*Noto Sans CJK SC[^"]*Noto Sans SC[^"]*PingFang SC[^"]*Microsoft YaHei[^"]*sans-serif"/);
    expect(svg).toContain("#1f5fbf");
  });

  it("draws offline and third-party steps with dashed borders and a legend", () => {
    const offline = /<g class="step step-offline"[^>]*>.*?<\/g>/.exec(svg)?.[0] ?? "";
    const third = /<g class="step step-third-party"[^>]*>.*?<\/g>/.exec(svg)?.[0] ?? "";
    const review = /<g class="step step-review"[^>]*>.*?<\/g>/.exec(svg)?.[0] ?? "";
    expect(offline).toContain("stroke-dasharray");
    expect(third).toContain("stroke-dasharray");
    expect(review).not.toContain("stroke-dasharray");
    expect(svg).toContain('class="legend"');
    expect(svg).toContain("线下环节");
    expect(svg).toContain("第三方环节");
  });

  it("draws one parallel box per assisting department for a co-handle step", () => {
    expect(count(svg, 'class="branch"')).toBe(3);
    for (const d of steps[3]?.assisting ?? []) expect(svg).toContain(`>${d}<`);

    const five = renderFlowchartSvg([
      { id: "c", name: "联合审查", kind: "co-handle", department: "", role: "handler", workingDays: 7, assisting: ["甲局", "乙局", "丙局", "丁局", "戊局"] },
    ]);
    assertWellFormed(five);
    expect(count(five, 'class="branch"')).toBe(5);

    // Without assisting departments it degrades to an ordinary box.
    const none = renderFlowchartSvg([{ id: "c", name: "联合审查", kind: "co-handle", department: "某局", role: "handler", workingDays: 7 }]);
    assertWellFormed(none);
    expect(count(none, 'class="branch"')).toBe(0);
    expect(none).toContain(">联合审查<");
  });

  it("escapes XML special characters in every text", () => {
    const nasty: FlowStep[] = [
      { id: 'x"1', name: "审查 <b>&amp; \"A&B\" 'x'", kind: "review", department: "部门<&>", role: "角色<&>", workingDays: 3 },
      { id: "x2", name: "协办", kind: "co-handle", department: "牵头<&>", role: "handler", workingDays: 2, assisting: ["<script>alert(1)</script>", "A & B"] },
    ];
    const out = renderFlowchartSvg(nasty, { title: "流程 <&> \"图\"" });
    assertWellFormed(out);
    expect(out).not.toContain("<b>");
    expect(out).not.toContain("<script>");
    expect(out).toContain("审查 &lt;b&gt;&amp;amp; &quot;A&amp;B&quot; &apos;x&apos;");
    expect(out).toContain("部门&lt;&amp;&gt;");
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(out).toContain("A &amp; B");
    expect(out).toContain("<title>流程 &lt;&amp;&gt; &quot;图&quot;</title>");
    expect(out).toContain('data-step-id="x&quot;1"');
    // control characters are not allowed in XML at all
    expect(renderFlowchartSvg([{ ...nasty[0]!, name: "a\u0001b" }])).toContain(">ab<");
  });

  it("gives a sensible minimal chart for an empty process", () => {
    const empty = renderFlowchartSvg([]);
    assertWellFormed(empty);
    expect(empty).toContain(">申请<");
    expect(empty).toContain(">办结<");
    expect(empty).toContain("暂无办理环节信息");
    expect(empty).toContain("<title>办理流程图</title>");
    expect(empty).not.toContain('class="legend"');
    const w = Number(/width="(\d+)"/.exec(empty)?.[1]);
    const h = Number(/height="(\d+)"/.exec(empty)?.[1]);
    expect(w).toBeGreaterThan(100);
    expect(h).toBeGreaterThan(100);
    expect(h).toBeLessThan(400);
  });

  it("supports English labels", () => {
    const en = renderFlowchartSvg(steps.slice(0, 2), { lang: "en" });
    assertWellFormed(en);
    expect(en).toContain("<title>Process flowchart</title>");
    expect(en).toContain(">Application<");
    expect(en).toContain(">Completed<");
    expect(en).toContain("Window clerk · 1 working day");
    expect(en).toContain("5 working days");
    expect(en).toContain('lang="en"');
  });

  it("wraps very long names instead of making the chart arbitrarily wide", () => {
    const long = "特别长的事项办理环节名称".repeat(6);
    const out = renderFlowchartSvg([{ id: "l", name: long, kind: "review", department: "部门", role: "reviewer", workingDays: 1 }]);
    assertWellFormed(out);
    expect(Number(/width="(\d+)"/.exec(out)?.[1])).toBeLessThan(600);
    const pieces = [...out.matchAll(/font-weight="bold"[^>]*>([^<]*)</g)].map((m) => m[1]).join("");
    expect(pieces).toContain(long);
  });
});

describe("helpers", () => {
  it("maps role codes to Chinese labels and keeps unknown roles", () => {
    expect(roleLabel("clerk")).toBe("窗口受理");
    expect(roleLabel("handler")).toBe("承办");
    expect(roleLabel("reviewer")).toBe("审核");
    expect(roleLabel("decider")).toBe("审批决定");
    expect(roleLabel("department-head")).toBe("部门负责人");
    expect(roleLabel("科员")).toBe("科员");
  });

  it("escapes all five XML specials", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  });
});
