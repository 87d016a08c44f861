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

/**
 * When a user signs in (or a page loads signed in) on a browser where nobody chose a language,
 * their profile's language applies. A language chosen on this browser is kept for display: the
 * person looking at the screen chose it; the profile changes only when they switch.
 */
export function LocaleSync() {
  const { locale, chosen, setLocale } = useI18n();
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
    if (!chosen && user.locale !== locale) setLocale(user.locale);
  }, [user, locale, chosen, setLocale]);

  return null;
}
