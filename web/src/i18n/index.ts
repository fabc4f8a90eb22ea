import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client.ts';
import { browserLocale } from './detect.ts';
import { en } from './locales/en.ts';
import { zhCN } from './locales/zh-CN.ts';

export type Locale = 'zh-CN' | 'en';

export const LOCALES: { value: Locale; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en', label: 'English' },
];

export const LOCALE_STORAGE_KEY = 'tandem.locale';

function isLocale(value: unknown): value is Locale {
  return value === 'zh-CN' || value === 'en';
}

function readStoredLocale(): Locale | null {
  try {
    const stored = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    return null; // storage disabled (private mode, sandboxed iframe)
  }
}

export function initialLocale(): Locale {
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language ?? 'en'];
  return readStoredLocale() ?? browserLocale(languages);
}

function applyLocale(locale: Locale): void {
  document.documentElement.lang = locale;
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  setApiLanguage(locale);
}

/** Switches the UI language and remembers the choice for the next visit. */
export async function setLocale(locale: Locale): Promise<void> {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembered, but the switch still applies to this tab.
  }
  applyLocale(locale);
  await i18n.changeLanguage(locale);
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'en';
}

const locale = initialLocale();
applyLocale(locale);

i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  lng: locale,
  fallbackLng: 'en',
  supportedLngs: ['zh-CN', 'en'],
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes
  react: { useSuspense: false },
});

export default i18n;
