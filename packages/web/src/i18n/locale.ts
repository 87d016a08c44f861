/** The languages ilteo speaks; Korean first. */
export const LOCALES = ['ko', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'ko';
export const LOCALE_STORAGE_KEY = 'ilteo.locale';

/** Narrows any stored or received value to a locale we speak. */
export function asLocale(value: unknown): Locale | null {
  return value === 'ko' || value === 'en' ? value : null;
}
