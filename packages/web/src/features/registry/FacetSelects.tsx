import { formatNumber } from '../../i18n/format';
import { useT } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { facetOrder } from './listQuery';

type Facets = Record<string, { value: string; label: string; count: number }[]>;

interface FacetSelectsProps {
  idPrefix: string;
  facets: Facets | undefined;
  /** Facets to show, in order; others the server sends are left out. */
  names: readonly string[];
  value: Record<string, string>;
  onChange: (name: string, value: string) => void;
}

/** One select per facet, each value with the number of results it would give. */
export function FacetSelects({ idPrefix, facets, names, value, onChange }: FacetSelectsProps) {
  const t = useT();
  const shown = facetOrder(facets ?? {}, names).filter((n) => names.includes(n));
  // Filters in the URL stay visible while the facets load.
  const all = [...new Set([...shown, ...names.filter((n) => value[n])])];
  return (
    <>
      {all.map((name) => {
        const options = facets?.[name] ?? [];
        const current = value[name] ?? '';
        const id = `${idPrefix}-${name}`;
        const label = (t(`registry.facet.${name}` as MessageKey) as string | undefined) ?? name;
        return (
          <div className="form-group" key={name}>
            <div className="form-tit">
              <label htmlFor={id}>{label}</label>
            </div>
            <div className="form-conts">
              <select
                id={id}
                className={current ? 'krds-form-select completed' : 'krds-form-select'}
                value={current}
                onChange={(e) => onChange(name, e.target.value)}
              >
                <option value="">{t('common.all')}</option>
                {current && !options.some((o) => o.value === current) && (
                  <option value={current}>{current}</option>
                )}
                {options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label} ({formatNumber(o.count)})
                  </option>
                ))}
              </select>
            </div>
          </div>
        );
      })}
    </>
  );
}
