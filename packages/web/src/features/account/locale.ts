import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '../../api/client';
import { sessionKey, useSession } from '../../api/queries';
import { useI18n } from '../../i18n/I18nProvider';
import type { Locale } from '../../i18n/locale';

/**
 * Switches the language; for a signed-in user the choice is also saved in their profile, so it
 * follows them to other devices. A failed save keeps the switch: the language is a preference,
 * not a record.
 */
export function useChangeLocale() {
  const { setLocale } = useI18n();
  const session = useSession();
  const queryClient = useQueryClient();
  return (locale: Locale) => {
    setLocale(locale);
    const user = session.data?.user;
    if (user && user.locale !== locale) {
      api('PATCH', '/me', { body: { locale } })
        .then(() => queryClient.invalidateQueries({ queryKey: sessionKey }))
        .catch(() => undefined);
    }
  };
}

/** Adopts the profile's language once when a user signs in (or the page loads signed in). */
export function LocaleSync() {
  const { locale, setLocale } = useI18n();
  const session = useSession();
  const adoptedFor = useRef<number | null>(null);
  const user = session.data?.user;

  useEffect(() => {
    if (!user) {
      adoptedFor.current = null;
      return;
    }
    if (adoptedFor.current === user.id) return;
    adoptedFor.current = user.id;
    if (user.locale !== locale) setLocale(user.locale);
  }, [user, locale, setLocale]);

  return null;
}
