import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { zhCN } from "./zh-CN.ts";

export const languages = ["zh-CN", "en"] as const;
export type Language = (typeof languages)[number];
export const LANGUAGE_STORAGE_KEY = "cq.lang";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

function initialLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // storage may be blocked (private mode); zh-CN is the default anyway
  }
  return "zh-CN";
}

void i18n.use(initReactI18next).init({
  // Chinese comes with the page; the English strings are fetched when someone reads in English (`switchLanguage`).
  resources: { "zh-CN": { translation: zhCN } },
  lng: initialLanguage(),
  fallbackLng: "zh-CN",
  supportedLngs: [...languages],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export default i18n;

let english: Promise<void> | undefined;

/** Makes a language's main strings available (English is a separate chunk, loaded once); then switches to it. */
export async function switchLanguage(lang: Language): Promise<void> {
  if (lang === "en") {
    english ??= import("./en.ts").then(({ en }) => {
      i18n.addResourceBundle("en", "translation", en, true, false);
    });
    await english.catch((err: unknown) => {
      english = undefined;
      throw err;
    });
  }
  await i18n.changeLanguage(lang);
}
