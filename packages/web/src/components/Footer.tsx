import { useOrganisation } from '../api/queries';
import { useT } from '../i18n/I18nProvider';
import { useOrgName } from './useOrgName';

/** The KRDS footer: what ilteo is and whose site this is. */
export function Footer() {
  const t = useT();
  const orgName = useOrgName();
  // The demo must never pass for a district's real site.
  const isDemo = useOrganisation().data?.isDemo === true;
  return (
    <footer id="krds-footer">
      <div className="inner">
        <div className="f-cnt">
          <div className="f-info">
            <p className="footer-brand">
              {t('app.name')} <span>{t('app.tagline')}</span>
            </p>
            <p className="info-addr">{t('footer.about')}</p>
          </div>
        </div>
        <div className="f-btm">
          <div className="f-btm-text">
            <p className="f-copy">
              {t('footer.copyright', { year: new Date().getFullYear(), org: orgName || t('app.name') })}
            </p>
          </div>
          {orgName && (
            <div className="krds-identifier">
              <span className="ban-txt">
                {isDemo
                  ? t('footer.identifierDemo', { org: orgName })
                  : t('footer.identifier', { org: orgName })}
              </span>
            </div>
          )}
        </div>
      </div>
    </footer>
  );
}
