/**
 * The process flowchart of an item (办理流程图) as a standalone, accessible SVG.
 *
 * Vertical flow: 申请 → one box per step → 办结. A co-handle step is drawn as a
 * group with one parallel box per assisting department, forked and joined again.
 * Offline steps have a dashed border, third-party steps a dotted one; a legend
 * explains the styles of the kinds that occur. The size is computed from the
 * content and a viewBox is set, so the image scales down on a phone.
 *
 * Pure string building: no DOM, no fonts needed on the server. Text widths are
 * estimated (CJK = 1em), with generous padding.
 */

export interface FlowStep {
  id: string;
  name: string;
  kind: "accept" | "review" | "decide" | "co-handle" | "offline" | "third-party" | "push" | "deliver";
  department: string;
  role: string;
  workingDays: number;
  assisting?: string[];
}

export interface FlowchartOptions {
  title?: string;
  lang?: "zh-CN" | "en";
}

type Kind = FlowStep["kind"];
type Lang = NonNullable<FlowchartOptions["lang"]>;

// ---------------------------------------------------------------------------
// Texts
// ---------------------------------------------------------------------------

const ROLE_LABELS: Record<Lang, Record<string, string>> = {
  "zh-CN": {
    clerk: "窗口受理",
    handler: "承办",
    reviewer: "审核",
    decider: "审批决定",
    "department-head": "部门负责人",
    supervisor: "监督",
    "department-admin": "部门管理员",
    "region-admin": "区域管理员",
    "platform-admin": "平台管理员",
  },
  en: {
    clerk: "Window clerk",
    handler: "Case handler",
    reviewer: "Reviewer",
    decider: "Decision maker",
    "department-head": "Department head",
    supervisor: "Supervisor",
    "department-admin": "Department admin",
    "region-admin": "Region admin",
    "platform-admin": "Platform admin",
  },
};

const KIND_LABELS: Record<Lang, Record<Kind, string>> = {
  "zh-CN": {
    accept: "受理",
    review: "审查",
    decide: "决定",
    "co-handle": "并联协办",
    offline: "线下环节（虚线框）",
    "third-party": "第三方环节（点线框）",
    push: "信息推送",
    deliver: "送达",
  },
  en: {
    accept: "Acceptance",
    review: "Review",
    decide: "Decision",
    "co-handle": "Joint handling",
    offline: "Offline step (dashed)",
    "third-party": "Third-party step (dotted)",
    push: "Data push",
    deliver: "Delivery",
  },
};

const TEXTS: Record<
  Lang,
  {
    title: string;
    start: string;
    end: string;
    legend: string;
    empty: string;
    lead: string;
    assisting: string;
    parallel: string;
    days: (n: number) => string;
    sep: string;
  }
> = {
  "zh-CN": {
    title: "办理流程图",
    start: "申请",
    end: "办结",
    legend: "图例",
    empty: "暂无办理环节信息",
    lead: "牵头：",
    assisting: "协办",
    parallel: "并联办理",
    days: (n) => (n === 0 ? "即时办理" : `${n}个工作日`),
    sep: " · ",
  },
  en: {
    title: "Process flowchart",
    start: "Application",
    end: "Completed",
    legend: "Legend",
    empty: "No process steps defined",
    lead: "Lead: ",
    assisting: "Assisting",
    parallel: "in parallel",
    days: (n) => (n === 0 ? "Same day" : `${n} working day${n === 1 ? "" : "s"}`),
    sep: " · ",
  },
};

export function roleLabel(role: string, lang: Lang = "zh-CN"): string {
  return ROLE_LABELS[lang][role] ?? role;
}

function daysLabel(n: number, lang: Lang): string {
  return Number.isFinite(n) && n >= 0 ? TEXTS[lang].days(n) : "";
}

// ---------------------------------------------------------------------------
// Styles
// ---------------------------------------------------------------------------

export const FONT_FAMILY = `'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif`;

interface BoxStyle {
  fill: string;
  stroke: string;
  dash?: string;
  text: string;
  meta: string;
}

const KIND_STYLES: Record<Kind, BoxStyle> = {
  accept: { fill: "#e8f0fb", stroke: "#1f5fbf", text: "#12305e", meta: "#4a5b74" },
  review: { fill: "#f0f5fc", stroke: "#4f82cc", text: "#12305e", meta: "#4a5b74" },
  decide: { fill: "#1f5fbf", stroke: "#174a96", text: "#ffffff", meta: "#dce7f8" },
  "co-handle": { fill: "#f5f8fd", stroke: "#6f98d6", text: "#12305e", meta: "#4a5b74" },
  offline: { fill: "#f6f7f9", stroke: "#6b7785", dash: "6 4", text: "#2c3440", meta: "#56606d" },
  "third-party": { fill: "#f0f7f6", stroke: "#3d7f78", dash: "1.5 3", text: "#1f3f3c", meta: "#4b6663" },
  push: { fill: "#eaf5fb", stroke: "#2f8bc0", text: "#123e5a", meta: "#4a5f6e" },
  deliver: { fill: "#e4eef9", stroke: "#174a96", text: "#12305e", meta: "#4a5b74" },
};

const BRANCH_STYLE: BoxStyle = { fill: "#ffffff", stroke: "#6f98d6", text: "#12305e", meta: "#4a5b74" };
const LINE = "#5c6f8a";
const BLUE = "#1f5fbf";
const BLUE_DARK = "#163f7d";

// ---------------------------------------------------------------------------
// Geometry constants
// ---------------------------------------------------------------------------

const PAD = 24;
const NAME_SIZE = 16;
const NAME_LH = 22;
const META_SIZE = 12;
const META_LH = 18;
const BOX_PAD_X = 16;
const BOX_PAD_Y = 10;
const BOX_MIN_W = 220;
const BOX_MAX_W = 340;
const BRANCH_MIN_W = 130;
const BRANCH_MAX_W = 200;
const BRANCH_GAP = 16;
const GROUP_PAD = 14;
const ARROW = 30;
const PILL_H = 36;
const PILL_W = 120;
const TITLE_SIZE = 18;

// ---------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------

/** Characters that are not allowed in XML 1.0 documents. */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return String(text)
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function charWidth(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c === 0x20) return 0.3;
  if (c < 0x80) return /[A-Z0-9mw@%]/.test(ch) ? 0.66 : 0.55;
  if (c < 0x2e80) return 0.7; // Latin extended, Greek, punctuation …
  return 1; // CJK, full-width forms
}

/** Estimated rendered width in px. */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch);
  return em * size;
}

/** Greedy wrap: by character for CJK, preferring spaces for Latin text. */
function wrap(text: string, size: number, maxWidth: number): string[] {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean === "") return [];
  if (textWidth(clean, size) <= maxWidth) return [clean];
  const lines: string[] = [];
  let line = "";
  let lastSpace = -1;
  for (const ch of clean) {
    if (line === "" && ch === " ") continue;
    const candidate = line + ch;
    if (textWidth(candidate, size) > maxWidth && line !== "") {
      if (ch !== " " && lastSpace > 0) {
        lines.push(line.slice(0, lastSpace));
        line = line.slice(lastSpace + 1) + ch;
      } else {
        lines.push(line);
        line = ch === " " ? "" : ch;
      }
      lastSpace = line.lastIndexOf(" ");
    } else {
      line = candidate;
      if (ch === " ") lastSpace = line.length - 1;
    }
  }
  if (line.trim() !== "") lines.push(line);
  return lines.map((l) => l.trim());
}

function num(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** Baseline that vertically centres a line of `size` px text inside a line box of height `lh`. */
function baseline(lineTop: number, lh: number, size: number): number {
  return lineTop + lh / 2 + size * 0.35;
}

// ---------------------------------------------------------------------------
// Boxes
// ---------------------------------------------------------------------------

interface BoxText {
  name: string[];
  meta: string[];
}

function boxHeight(t: BoxText): number {
  return BOX_PAD_Y * 2 + t.name.length * NAME_LH + (t.meta.length ? 4 + t.meta.length * META_LH : 0);
}

function textBlock(t: BoxText, cx: number, top: number, style: BoxStyle, nameSize = NAME_SIZE): string {
  const out: string[] = [];
  let y = top + BOX_PAD_Y;
  for (const line of t.name) {
    out.push(
      `<text x="${num(cx)}" y="${num(baseline(y, NAME_LH, nameSize))}" font-size="${nameSize}" font-weight="bold" fill="${style.text}" text-anchor="middle">${escapeXml(line)}</text>`,
    );
    y += NAME_LH;
  }
  if (t.meta.length) y += 4;
  for (const line of t.meta) {
    out.push(
      `<text x="${num(cx)}" y="${num(baseline(y, META_LH, META_SIZE))}" font-size="${META_SIZE}" fill="${style.meta}" text-anchor="middle">${escapeXml(line)}</text>`,
    );
    y += META_LH;
  }
  return out.join("");
}

function rect(x: number, y: number, w: number, h: number, style: BoxStyle, extra = ""): string {
  const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : "";
  return `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" rx="6" ry="6" fill="${style.fill}" stroke="${style.stroke}" stroke-width="1.5"${dash}${extra}/>`;
}

function arrow(x: number, y1: number, y2: number): string {
  const head = 7;
  return (
    `<line x1="${num(x)}" y1="${num(y1)}" x2="${num(x)}" y2="${num(y2 - head + 1)}" stroke="${LINE}" stroke-width="1.5"/>` +
    `<path d="M${num(x - 5)} ${num(y2 - head)} L${num(x + 5)} ${num(y2 - head)} L${num(x)} ${num(y2)} Z" fill="${LINE}"/>`
  );
}

function line(x1: number, y1: number, x2: number, y2: number): string {
  return `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="${LINE}" stroke-width="1.5"/>`;
}

function pill(cx: number, top: number, label: string, filled: boolean, cls: string): string {
  const w = Math.max(PILL_W, textWidth(label, 15) + 40);
  const fill = filled ? BLUE_DARK : "#ffffff";
  const text = filled ? "#ffffff" : BLUE;
  return (
    `<g class="${cls}">` +
    `<rect x="${num(cx - w / 2)}" y="${num(top)}" width="${num(w)}" height="${PILL_H}" rx="${PILL_H / 2}" ry="${PILL_H / 2}" fill="${fill}" stroke="${BLUE}" stroke-width="1.5"/>` +
    `<text x="${num(cx)}" y="${num(baseline(top, PILL_H, 15))}" font-size="15" font-weight="bold" fill="${text}" text-anchor="middle">${escapeXml(label)}</text>` +
    `</g>`
  );
}

// ---------------------------------------------------------------------------
// Layout
// ---------------------------------------------------------------------------

interface PlainNode {
  type: "box";
  step: FlowStep;
  width: number;
  text: BoxText;
  height: number;
}

interface GroupNode {
  type: "group";
  step: FlowStep;
  width: number;
  header: BoxText;
  headerHeight: number;
  branchWidth: number;
  branches: BoxText[];
  branchHeight: number;
  height: number;
}

type LayoutNode = PlainNode | GroupNode;

const FORK = 22; // vertical room for a fork / join bar

/** Pack the parts into lines, joined by `sep`; a part is only split when it alone is too wide. */
function metaLines(parts: string[], maxWidth: number, sep: string): string[] {
  const lines: string[] = [];
  let current = "";
  for (const part of parts.map((p) => p.trim()).filter((p) => p !== "")) {
    const candidate = current ? `${current}${sep}${part}` : part;
    if (textWidth(candidate, META_SIZE) <= maxWidth) {
      current = candidate;
      continue;
    }
    if (current) lines.push(current);
    const pieces = wrap(part, META_SIZE, maxWidth);
    current = pieces.pop() ?? "";
    lines.push(...pieces);
  }
  if (current) lines.push(current);
  return lines;
}

function fitWidth(lines: { text: string; size: number }[], min: number, max: number): number {
  const widest = Math.max(0, ...lines.map((l) => textWidth(l.text, l.size)));
  return Math.min(max, Math.max(min, Math.ceil(widest + 2 * BOX_PAD_X)));
}

function layoutStep(step: FlowStep, lang: Lang): LayoutNode {
  const t = TEXTS[lang];
  const role = step.role ? roleLabel(step.role, lang) : "";
  const days = daysLabel(step.workingDays, lang);
  const assisting = (step.assisting ?? []).map((d) => d.trim()).filter((d) => d !== "");

  if (step.kind === "co-handle" && assisting.length > 0) {
    const branchWidth = fitWidth(
      assisting.map((d) => ({ text: d, size: 14 })).concat([{ text: `${t.assisting}${t.sep}${days}`, size: META_SIZE }]),
      BRANCH_MIN_W,
      BRANCH_MAX_W,
    );
    const inner = branchWidth - 2 * BOX_PAD_X;
    const branches = assisting.map(
      (d): BoxText => ({ name: wrap(d, 14, inner), meta: metaLines([t.assisting, days], inner, t.sep) }),
    );
    const branchHeight = Math.max(...branches.map(boxHeight));
    const rowWidth = assisting.length * branchWidth + (assisting.length - 1) * BRANCH_GAP;
    const headerParts = [
      step.department ? `${t.lead}${step.department}` : "",
      role,
      days,
      t.parallel,
    ];
    const width = Math.max(
      rowWidth + 2 * GROUP_PAD,
      fitWidth(
        [
          { text: step.name, size: NAME_SIZE },
          { text: headerParts.filter(Boolean).join(t.sep), size: META_SIZE },
        ],
        BOX_MIN_W,
        BOX_MAX_W,
      ),
    );
    const headerInner = Math.min(width, BOX_MAX_W) - 2 * BOX_PAD_X;
    const header: BoxText = {
      name: wrap(step.name, NAME_SIZE, headerInner),
      meta: metaLines(headerParts, headerInner, t.sep),
    };
    const headerHeight = boxHeight(header);
    return {
      type: "group",
      step,
      width,
      header,
      headerHeight,
      branchWidth,
      branches,
      branchHeight,
      height: headerHeight + FORK + branchHeight + FORK + GROUP_PAD,
    };
  }

  const width = fitWidth(
    [
      { text: step.name, size: NAME_SIZE },
      { text: step.department, size: META_SIZE },
      { text: [role, days].filter(Boolean).join(t.sep), size: META_SIZE },
    ],
    BOX_MIN_W,
    BOX_MAX_W,
  );
  const inner = width - 2 * BOX_PAD_X;
  const text: BoxText = {
    name: wrap(step.name, NAME_SIZE, inner),
    meta: [...wrap(step.department, META_SIZE, inner), ...metaLines([role, days], inner, t.sep)],
  };
  return { type: "box", step, width, text, height: boxHeight(text) };
}

function stepTooltip(step: FlowStep, lang: Lang): string {
  const t = TEXTS[lang];
  const parts = [
    `${step.name}（${KIND_LABELS[lang][step.kind] ?? step.kind}）`,
    step.department,
    step.role ? roleLabel(step.role, lang) : "",
    daysLabel(step.workingDays, lang),
  ];
  const assisting = (step.assisting ?? []).filter((d) => d.trim() !== "");
  if (step.kind === "co-handle" && assisting.length) parts.push(`${t.assisting}：${assisting.join("、")}`);
  return parts.filter(Boolean).join(t.sep);
}

function drawNode(node: LayoutNode, cx: number, top: number, lang: Lang): string {
  const step = node.step;
  const style = KIND_STYLES[step.kind] ?? KIND_STYLES.review;
  const open = `<g class="step step-${escapeXml(step.kind)}" data-step-id="${escapeXml(step.id)}"><title>${escapeXml(stepTooltip(step, lang))}</title>`;
  if (node.type === "box") {
    const x = cx - node.width / 2;
    return open + rect(x, top, node.width, node.height, style) + textBlock(node.text, cx, top, style) + `</g>`;
  }

  // Co-handle group: header, fork, one box per assisting department, join.
  const out: string[] = [open];
  const x = cx - node.width / 2;
  out.push(rect(x, top, node.width, node.height, style));
  out.push(textBlock(node.header, cx, top, style));
  const n = node.branches.length;
  const rowWidth = n * node.branchWidth + (n - 1) * BRANCH_GAP;
  const firstCx = cx - rowWidth / 2 + node.branchWidth / 2;
  const centers = node.branches.map((_, i) => firstCx + i * (node.branchWidth + BRANCH_GAP));
  const forkY = top + node.headerHeight + 6;
  const branchTop = top + node.headerHeight + FORK;
  const branchBottom = branchTop + node.branchHeight;
  const joinY = branchBottom + FORK - 6;

  out.push(line(cx, top + node.headerHeight - 2, cx, forkY));
  const first = centers[0] ?? cx;
  const last = centers[centers.length - 1] ?? cx;
  if (n > 1) out.push(line(first, forkY, last, forkY));
  node.branches.forEach((b, i) => {
    const bcx = centers[i] ?? cx;
    out.push(arrow(bcx, forkY, branchTop));
    out.push(
      `<g class="branch">` +
        rect(bcx - node.branchWidth / 2, branchTop, node.branchWidth, node.branchHeight, BRANCH_STYLE) +
        textBlock(b, bcx, branchTop + (node.branchHeight - boxHeight(b)) / 2, BRANCH_STYLE, 14) +
        `</g>`,
    );
    out.push(line(bcx, branchBottom, bcx, joinY));
  });
  if (n > 1) out.push(line(first, joinY, last, joinY));
  out.push(line(cx, joinY, cx, top + node.height));
  out.push(`</g>`);
  return out.join("");
}

const KIND_ORDER: Kind[] = ["accept", "review", "co-handle", "offline", "third-party", "decide", "push", "deliver"];

function legendItems(steps: FlowStep[], lang: Lang): { kind: Kind; label: string; width: number }[] {
  const present = new Set(steps.map((s) => s.kind));
  return KIND_ORDER.filter((k) => present.has(k)).map((k) => {
    const label = KIND_LABELS[lang][k];
    return { kind: k, label, width: 24 + 6 + textWidth(label, META_SIZE) + 18 };
  });
}

/** Render the flowchart of a process as a standalone SVG document (UTF-8 string). */
export function renderFlowchartSvg(steps: FlowStep[], opts: FlowchartOptions = {}): string {
  const lang: Lang = opts.lang === "en" ? "en" : "zh-CN";
  const t = TEXTS[lang];
  const title = (opts.title ?? "").trim() || t.title;

  const nodes = steps.map((s) => layoutStep(s, lang));
  const legend = legendItems(steps, lang);

  // ---- width ------------------------------------------------------------
  const titleLines = wrap(title, TITLE_SIZE, 520);
  const contentWidth = Math.max(
    PILL_W + 40,
    ...nodes.map((n) => n.width),
    ...titleLines.map((l) => textWidth(l, TITLE_SIZE)),
    nodes.length === 0 ? textWidth(t.empty, 13) + 40 : 0,
    // A legend row never needs to be wider than the widest single item.
    ...legend.map((l) => l.width),
    Math.min(BOX_MAX_W + 60, legend.reduce((s, l) => s + l.width, 0)),
  );
  const width = Math.ceil(contentWidth + 2 * PAD);
  const cx = width / 2;

  // ---- vertical layout ----------------------------------------------------
  const body: string[] = [];
  let y = PAD;
  for (const l of titleLines) {
    body.push(
      `<text x="${num(cx)}" y="${num(baseline(y, 26, TITLE_SIZE))}" font-size="${TITLE_SIZE}" font-weight="bold" fill="${BLUE_DARK}" text-anchor="middle">${escapeXml(l)}</text>`,
    );
    y += 26;
  }
  y += 14;

  body.push(pill(cx, y, t.start, false, "start"));
  y += PILL_H;

  if (nodes.length === 0) {
    body.push(line(cx, y, cx, y + 14));
    y += 14;
    const noteW = textWidth(t.empty, 13) + 28;
    body.push(
      `<g class="empty"><rect x="${num(cx - noteW / 2)}" y="${num(y)}" width="${num(noteW)}" height="30" rx="4" ry="4" fill="#f6f7f9" stroke="#9aa5b4" stroke-dasharray="4 3"/>` +
        `<text x="${num(cx)}" y="${num(baseline(y, 30, 13))}" font-size="13" fill="#56606d" text-anchor="middle">${escapeXml(t.empty)}</text></g>`,
    );
    y += 30;
    body.push(arrow(cx, y, y + 14 + 2));
    y += 16;
  } else {
    for (const node of nodes) {
      body.push(arrow(cx, y, y + ARROW));
      y += ARROW;
      body.push(drawNode(node, cx, y, lang));
      y += node.height;
    }
    body.push(arrow(cx, y, y + ARROW));
    y += ARROW;
  }
  body.push(pill(cx, y, t.end, true, "end"));
  y += PILL_H;

  // ---- legend -------------------------------------------------------------
  if (legend.length > 0) {
    y += 22;
    const rows: (typeof legend)[] = [];
    let row: typeof legend = [];
    let rowW = 0;
    for (const item of legend) {
      if (row.length > 0 && rowW + item.width > contentWidth) {
        rows.push(row);
        row = [];
        rowW = 0;
      }
      row.push(item);
      rowW += item.width;
    }
    if (row.length) rows.push(row);

    const out: string[] = [`<g class="legend">`];
    out.push(
      `<text x="${num(PAD)}" y="${num(baseline(y, META_LH, META_SIZE))}" font-size="${META_SIZE}" font-weight="bold" fill="#4a5b74">${escapeXml(t.legend)}</text>`,
    );
    y += META_LH + 4;
    for (const r of rows) {
      let x = PAD;
      for (const item of r) {
        const style = KIND_STYLES[item.kind];
        out.push(rect(x, y + 2, 24, 14, style).replace(/ rx="6" ry="6"/, ` rx="3" ry="3"`));
        out.push(
          `<text x="${num(x + 30)}" y="${num(baseline(y, META_LH, META_SIZE))}" font-size="${META_SIZE}" fill="#3c4858">${escapeXml(item.label)}</text>`,
        );
        x += item.width;
      }
      y += META_LH + 6;
    }
    out.push(`</g>`);
    body.push(out.join(""));
  }

  const height = Math.ceil(y + PAD);

  // ---- accessibility --------------------------------------------------------
  const flowText = [t.start, ...steps.map((s) => s.name), t.end].join(" → ");
  const ariaLabel = `${title}：${flowText}`;
  const desc = steps.length
    ? steps.map((s, i) => `${i + 1}. ${stepTooltip(s, lang)}`).join("；")
    : t.empty;

  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"` +
    ` role="img" aria-label="${escapeXml(ariaLabel)}" lang="${lang}" xml:lang="${lang}"` +
    ` preserveAspectRatio="xMidYMin meet" style="max-width:100%;height:auto"` +
    ` font-family="${escapeXml(FONT_FAMILY)}">` +
    `<title>${escapeXml(title)}</title>` +
    `<desc>${escapeXml(desc)}</desc>` +
    `<rect class="background" x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>` +
    body.join("") +
    `</svg>\n`
  );
}
