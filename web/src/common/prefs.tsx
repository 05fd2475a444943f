import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from "react";
import i18n, { LANGUAGE_STORAGE_KEY, isLanguage, switchLanguage, type Language } from "./i18n/index.ts";
import { useRefetchInNewLanguage } from "./data/language.ts";

const ELDER_STORAGE_KEY = "cq.elder";

interface Prefs {
  language: Language;
  setLanguage: (language: Language) => void;
  elder: boolean;
  setElder: (elder: boolean) => void;
}

const PrefsContext = createContext<Prefs | null>(null);

function readElder(): boolean {
  try {
    return globalThis.localStorage?.getItem(ELDER_STORAGE_KEY) === "1";
  } catch {
    return false;
  }
}

function remember(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // not remembered across visits; the choice still applies now
  }
}

/** Language and elder mode (适老化), remembered in localStorage. */
export function PrefsProvider({ children }: { children: ReactNode }) {
  const refetchAll = useRefetchInNewLanguage();
  const [language, setLanguageState] = useState<Language>(() =>
    isLanguage(i18n.language) ? i18n.language : "zh-CN",
  );
  const [elder, setElderState] = useState<boolean>(readElder);

  useEffect(() => {
    document.documentElement.lang = language;
    dayjs.locale(language === "zh-CN" ? "zh-cn" : "en");
  }, [language]);

  useEffect(() => {
    document.documentElement.classList.toggle("elder", elder);
  }, [elder]);

  const setLanguage = useCallback(
    (next: Language) => {
      remember(LANGUAGE_STORAGE_KEY, next);
      void switchLanguage(next).then(() => {
        setLanguageState(next);
        // Server messages and labels follow Accept-Language: fetch them again in the new language.
        void refetchAll(next);
      });
    },
    [refetchAll],
  );

  const setElder = useCallback((next: boolean) => {
    remember(ELDER_STORAGE_KEY, next ? "1" : "0");
    setElderState(next);
  }, []);

  const value = useMemo(() => ({ language, setLanguage, elder, setElder }), [language, setLanguage, elder, setElder]);
  return <PrefsContext value={value}>{children}</PrefsContext>;
}

export function usePrefs(): Prefs {
  const prefs = use(PrefsContext);
  if (!prefs) throw new Error("usePrefs outside PrefsProvider");
  return prefs;
}
