import { useOrganisation } from '../api/queries';
import { useI18n } from '../i18n/I18nProvider';

/** The local government's name in the current language ('' until it loads). */
export function useOrgName(): string {
  const { locale } = useI18n();
  const org = useOrganisation().data;
  if (!org) return '';
  return locale === 'ko' ? org.name : org.nameEn || org.name;
}

/** A unit's name in the current language, looked up by id (lists carry only the Korean name). */
export function useUnitName(): (unit: { id: number; name: string }) => string {
  const { locale } = useI18n();
  const units = useOrganisation().data?.units;
  return (unit) => {
    if (locale === 'ko') return unit.name;
    return units?.find((u) => u.id === unit.id)?.nameEn || unit.name;
  };
}
