import type { ThemeConfig } from "antd";

export const PRIMARY = "#1f5fbf";
/** A darker shade of the primary for elder mode: higher contrast on white (≥ 7:1). */
export const PRIMARY_HIGH_CONTRAST = "#123f85";
/** Hovered controls: darker than the primary, so their text keeps its contrast. */
export const PRIMARY_HOVER = "#184c99";
export const PRIMARY_HOVER_HIGH_CONTRAST = "#0d2f66";

/** The platform's antd theme; elder mode (适老化) enlarges type and controls and raises contrast. */
export function buildTheme(elder: boolean): ThemeConfig {
  return {
    cssVar: { key: "cq" },
    token: {
      colorPrimary: elder ? PRIMARY_HIGH_CONTRAST : PRIMARY,
      colorInfo: elder ? PRIMARY_HIGH_CONTRAST : PRIMARY,
      colorLink: elder ? PRIMARY_HIGH_CONTRAST : PRIMARY,
      // antd's derived hover shade is lighter than the primary and falls under 4.5:1 on white (a hovered
      // default button's text, a hovered link): hover darkens instead.
      colorPrimaryHover: elder ? PRIMARY_HOVER_HIGH_CONTRAST : PRIMARY_HOVER,
      colorLinkHover: elder ? PRIMARY_HOVER_HIGH_CONTRAST : PRIMARY_HOVER,
      borderRadius: 6,
      colorBgLayout: "#f3f5f8",
      fontFamily:
        '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
      fontSize: elder ? 18 : 14,
      fontSizeHeading1: elder ? 40 : 32,
      fontSizeHeading2: elder ? 32 : 26,
      fontSizeHeading3: elder ? 26 : 20,
      fontSizeHeading4: elder ? 22 : 17,
      lineHeight: elder ? 1.7 : 1.6,
      controlHeight: elder ? 44 : 34,
      controlHeightLG: elder ? 54 : 42,
      colorText: elder ? "#000000" : "rgba(0, 0, 0, 0.88)",
      colorTextSecondary: elder ? "#1a1a1a" : "rgba(0, 0, 0, 0.65)",
      colorTextTertiary: elder ? "#333333" : "rgba(0, 0, 0, 0.55)",
      colorTextDescription: elder ? "#262626" : "rgba(0, 0, 0, 0.6)",
      // antd's default placeholder grey fails WCAG AA (4.5:1) on white.
      colorTextPlaceholder: elder ? "#4d4d4d" : "#737373",
      colorBorder: elder ? "#595959" : "#d0d5dd",
      colorBorderSecondary: elder ? "#8c8c8c" : "#e7eaf0",
      colorSuccess: elder ? "#237804" : "#389e0d",
      colorWarning: elder ? "#ad4e00" : "#d48806",
      colorError: elder ? "#a8071a" : "#cf1322",
    },
    components: {
      Layout: { headerBg: "#ffffff", bodyBg: "#f3f5f8", footerBg: "#e9edf3", headerPadding: "0 24px" },
      Card: { headerFontSize: elder ? 20 : 16 },
      Tag: elder ? { defaultBg: "#f0f0f0" } : {},
    },
  };
}
