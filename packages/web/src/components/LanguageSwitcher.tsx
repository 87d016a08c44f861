import { useChangeLocale } from '../features/account/locale';
import { useI18n } from '../i18n/I18nProvider';
import { LOCALES } from '../i18n/locale';
import { translate } from '../i18n/messages';

/** Two always-visible buttons, each named in its own language, so anyone can find theirs. */
export function LanguageSwitcher() {
  const { locale, t } = useI18n();
  const changeLocale = useChangeLocale();
  return (
    <fieldset className="lang-switch">
      <legend>{t('header.language')}</legend>
      <i className="svg-icon ico-global" aria-hidden="true" />
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className={l === locale ? 'krds-btn small text active' : 'krds-btn small text'}
          aria-pressed={l === locale}
          onClick={() => changeLocale(l)}
        >
          {translate(l, `locale.${l}`)}
        </button>
      ))}
    </fieldset>
  );
}
