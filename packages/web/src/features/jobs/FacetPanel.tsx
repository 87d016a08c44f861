import { type Facets, POSTED_WITHIN } from '@ilteo/shared';
import { useId, useState } from 'react';
import type { z } from 'zod';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { FACET_KEYS, type FacetKey, type JobSearch, type PostedWithin, toggleFilter } from './searchParams';

type FacetMap = z.infer<typeof Facets>;

/** Facets whose values are the API's codes, named in our own messages; the others carry labels. */
const CODED: Partial<Record<FacetKey, string>> = {
  wageBand: 'jobs.wageBand',
  employmentType: 'jobs.employmentType',
  career: 'jobs.career',
  education: 'jobs.education',
  targetGroup: 'jobs.group',
};

/** Values a long facet shows before "more". */
const FACET_PREVIEW = 8;

interface FacetPanelProps {
  search: JobSearch;
  facets: FacetMap;
  dongLabel: (code: string) => string;
  onChange: (next: JobSearch) => void;
}

/** Every facet as KRDS checkbox chips with the count each value would give. */
export function FacetPanel({ search, facets, dongLabel, onChange }: FacetPanelProps) {
  const { locale, t } = useI18n();
  const baseId = useId();
  const [expanded, setExpanded] = useState<ReadonlySet<FacetKey>>(new Set());

  const labelOf = (key: FacetKey, value: string, serverLabel: string) => {
    const prefix = CODED[key];
    if (prefix) return t(`${prefix}.${value}` as MessageKey);
    if (key === 'dong' && locale === 'en') return dongLabel(value);
    return serverLabel || value;
  };

  return (
    <div className="jobs-facet-groups">
      {FACET_KEYS.map((key) => {
        const values = [...(facets[key] ?? [])];
        // A ticked value stays visible (with 0) so it can be unticked.
        for (const chosen of search.filters[key]) {
          if (!values.some((v) => v.value === chosen)) values.push({ value: chosen, label: '', count: 0 });
        }
        if (values.length === 0) return null;
        // Long facets (22 dongs) show their first values; ticked ones always stay in view.
        const open = expanded.has(key) || values.length <= FACET_PREVIEW;
        const shown = open
          ? values
          : values.filter((v, i) => i < FACET_PREVIEW || search.filters[key].includes(v.value));
        return (
          <fieldset key={key} className="jobs-facet" data-testid={`facet-${key}`}>
            <legend className="form-legend jobs-facet-legend">{t(`jobs.facet.${key}`)}</legend>
            <div className="krds-check-area">
              {shown.map((v, i) => {
                const id = `${baseId}-${key}-${i}`;
                const checked = search.filters[key].includes(v.value);
                return (
                  <div className="krds-form-chip" key={v.value}>
                    <input
                      type="checkbox"
                      className="checkbox"
                      id={id}
                      checked={checked}
                      disabled={!checked && v.count === 0}
                      onChange={() => onChange(toggleFilter(search, key, v.value))}
                    />
                    <label className="krds-form-chip-outline" htmlFor={id}>
                      {labelOf(key, v.value, v.label)}
                      <span className="jobs-facet-count"> {v.count.toLocaleString('en-US')}</span>
                    </label>
                  </div>
                );
              })}
            </div>
            {values.length > FACET_PREVIEW && (
              <button
                type="button"
                className="krds-btn xsmall text jobs-facet-more"
                aria-expanded={open}
                onClick={() =>
                  setExpanded((prev) => {
                    const next = new Set(prev);
                    if (next.has(key)) next.delete(key);
                    else next.add(key);
                    return next;
                  })
                }
              >
                {open
                  ? t('jobs.facets.less')
                  : t('jobs.facets.more', { count: values.length - shown.length })}
              </button>
            )}
          </fieldset>
        );
      })}
      <fieldset className="jobs-facet" data-testid="facet-postedWithin">
        <legend className="form-legend jobs-facet-legend">{t('jobs.facet.postedWithin')}</legend>
        <div className="krds-check-area">
          {[null, ...POSTED_WITHIN].map((value) => {
            const id = `${baseId}-posted-${value ?? 'any'}`;
            const count = value ? facets.postedWithin?.find((f) => f.value === value)?.count : undefined;
            return (
              <div className="krds-form-chip" key={value ?? 'any'}>
                <input
                  type="radio"
                  className="radio"
                  name={`${baseId}-posted`}
                  id={id}
                  checked={search.postedWithin === value}
                  onChange={() =>
                    onChange({ ...search, postedWithin: value as PostedWithin | null, page: 1 })
                  }
                />
                <label className="krds-form-chip-outline" htmlFor={id}>
                  {t(value ? `jobs.postedWithin.${value}` : 'jobs.postedWithin.any')}
                  {count !== undefined && (
                    <span className="jobs-facet-count"> {count.toLocaleString('en-US')}</span>
                  )}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
