import { useOrganisation } from '../api/queries';
import { useI18n } from '../i18n/I18nProvider';

/** The local government's name in the current language ('' until it loads). */
export function useOrgName(): string {
  const { locale } = useI18n();
  const org = useOrganisation().data;
  if (!org) return '';
  return locale === 'ko' ? org.name : org.nameEn || org.name;
}
