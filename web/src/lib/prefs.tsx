'use client';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import i18n, { initialLanguage, LANGUAGE_STORAGE_KEY, type Language } from './i18n';

const UTC_STORAGE_KEY = 'ioms.utc';

interface Prefs {
  readonly language: Language;
  setLanguage(l: Language): void;
  /** Dates in UTC instead of the browser's zone. */
  readonly utc: boolean;
  setUtc(utc: boolean): void;
}

const PrefsContext = createContext<Prefs | undefined>(undefined);

/** Language and time zone choices, remembered in localStorage (no secrets there). */
export function PrefsProvider({ children }: { children: ReactNode }) {
  const [language, setLang] = useState<Language>('en');
  const [utc, setUtcState] = useState(false);
  useEffect(() => {
    setLang(initialLanguage());
    setUtcState(window.localStorage.getItem(UTC_STORAGE_KEY) === '1');
  }, []);
  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((l: Language) => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, l);
    setLang(l);
  }, []);
  const setUtc = useCallback((v: boolean) => {
    window.localStorage.setItem(UTC_STORAGE_KEY, v ? '1' : '0');
    setUtcState(v);
  }, []);
  const value = useMemo(() => ({ language, setLanguage, utc, setUtc }), [language, setLanguage, utc, setUtc]);
  return <PrefsContext.Provider value={value}>{children}</PrefsContext.Provider>;
}

export function usePrefs(): Prefs {
  const p = useContext(PrefsContext);
  if (!p) throw new Error('usePrefs outside PrefsProvider');
  return p;
}

/** `t` plus date formatting in the chosen language and zone. */
export function useT() {
  const { t } = useTranslation();
  const { language, utc } = usePrefs();
  return { t, language, utc };
}
