import { useTranslation } from 'react-i18next';

/** Names people give things (roles, products, accounts) come as a locale → text map, or a plain string. */
export type LocalizedText = string | Record<string, string>;

export function localized(text: LocalizedText | null | undefined, locale: string): string {
  if (text === null || text === undefined) return '';
  if (typeof text === 'string') return text;
  return text[locale] ?? text[locale.split('-')[0]] ?? text.en ?? Object.values(text)[0] ?? '';
}

/** `pick(name)` in the UI language. */
export function useLocalized(): (text: LocalizedText | null | undefined) => string {
  const { i18n } = useTranslation();
  return (text) => localized(text, i18n.language);
}
