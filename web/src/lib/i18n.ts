'use client';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { CATALOGUES } from '../locales/catalogue';

/** The dashboard's languages: the catalogue keys are the same in each (test/web/i18n.test.ts). */
export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '中文' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

export const LANGUAGE_STORAGE_KEY = 'ioms.language';

void i18n.use(initReactI18next).init({
  resources: { en: { translation: CATALOGUES.en }, 'zh-CN': { translation: CATALOGUES['zh-CN'] } },
  lng: 'en',
  fallbackLng: false,
  supportedLngs: LANGUAGES.map((l) => l.code),
  interpolation: { escapeValue: false }, // React escapes; values are never HTML
  returnNull: false,
  showSupportNotice: false,
});

/** The remembered choice, else the browser's preference. */
export function initialLanguage(): Language {
  const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  if (stored === 'en' || stored === 'zh-CN') return stored;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export default i18n;
