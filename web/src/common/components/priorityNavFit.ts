/**
 * How many links of a one-line menu fit in `room` pixels: all of them if they do; otherwise as many
 * as fit beside the "more" button that holds the rest (at least none).
 */
export function linksThatFit(widths: readonly number[], moreWidth: number, room: number, gap: number): number {
  const all = widths.reduce((sum, w, i) => sum + w + (i ? gap : 0), 0);
  if (all <= room) return widths.length;
  let used = moreWidth;
  let n = 0;
  while (n < widths.length && used + gap + widths[n]! <= room) {
    used += gap + widths[n]!;
    n++;
  }
  return n;
}
