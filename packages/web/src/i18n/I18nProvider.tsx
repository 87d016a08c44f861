import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { asLocale, DEFAULT_LOCALE, LOCALE_STORAGE_KEY, type Locale } from './locale';
import { type MessageKey, type MessageParams, translate } from './messages';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

interface I18nValue {
  locale: Locale;
  /** True once this browser has a language someone chose (stored), rather than the default. */
  chosen: boolean;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

function storedLocale(): Locale | null {
  try {
    return asLocale(window.localStorage.getItem(LOCALE_STORAGE_KEY));
  } catch {
    return null;
  }
}

/** Holds the current language, remembers it in localStorage and mirrors it on `<html lang>`. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [initial] = useState(storedLocale);
  const [locale, setLocaleState] = useState<Locale>(initial ?? DEFAULT_LOCALE);
  const [chosen, setChosen] = useState(initial !== null);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    setChosen(true);
    try {
      window.localStorage.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // Private browsing may refuse storage; the choice still holds for this visit.
    }
  }, []);

  const value = useMemo<I18nValue>(
    () => ({ locale, chosen, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, chosen, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and a way to change it. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** The translate function for the current language. */
export function useT(): Translate {
  return useI18n().t;
}
