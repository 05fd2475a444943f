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

/** English strings fetched (or being fetched), by part: "main" (en.ts) and each bundle of bundles.ts. */
const englishLoaded = new Map<string, Promise<void>>();
/** The English parts known so far (the faces' bundles register theirs as they load). */
const englishParts = new Map<string, () => Promise<object>>([["main", () => import("./en.ts").then((m) => m.en)]]);

function loadEnglishPart(name: string): Promise<void> {
  let loading = englishLoaded.get(name);
  if (!loading) {
    loading = englishParts.get(name)!().then((strings) => {
      i18n.addResourceBundle("en", "translation", strings, true, false);
    });
    // A failed fetch (offline) is tried again at the next switch.
    loading.catch(() => englishLoaded.delete(name));
    englishLoaded.set(name, loading);
  }
  return loading;
}

/** Registers English strings beyond the main ones; fetched now if English is being read, else at the switch. */
export async function addEnglishStrings(name: string, load: () => Promise<object>): Promise<void> {
  englishParts.set(name, load);
  if (i18n.language === "en") await loadEnglishPart(name);
}

/** Switches the language; English (a separate set of chunks) is fetched first, once. */
export async function switchLanguage(lang: Language): Promise<void> {
  if (lang === "en") await Promise.all([...englishParts.keys()].map(loadEnglishPart));
  await i18n.changeLanguage(lang);
}
