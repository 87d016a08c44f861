import type { MismatchFigures, MismatchReport } from '@ilteo/shared';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ChartFigure } from '../../components/charts/Chart';
import type { ChartTable } from '../../components/charts/types';
import { useCompact } from '../../components/charts/useCompact';
import { PageHeading } from '../../components/PageHeading';
import { ErrorNotice, Loading, Notice } from '../../components/status';
import { formatDate, formatMoney, formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { filtersFrom, type MismatchFilters, queryOf, useDongShapes, useMismatch, xlsxUrl } from './api';
import { groupBarsOption, monthOption, type SupplyRow } from './charts';
import { DongMap } from './DongMap';
import { MEASURES, type Measure } from './map';
import './mismatch.css';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** `/staff/mismatch`: where vacancies and seekers miss each other (미스매치 분석). */
export function MismatchPage() {
  const { locale, t } = useI18n();
  const compact = useCompact();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const report = useMismatch(filters);
  const shapes = useDongShapes();
  const [draft, setDraft] = useState<MismatchFilters>(filters);
  const [measure, setMeasure] = useState<Measure>('ratio');
  const key = queryOf(filters);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the filters' content
  useEffect(() => setDraft(filtersFrom(params)), [key]);

  const data = report.data;
  const none = t('mismatch.none');
  const count = (v: number | null) => (v === null ? none : formatNumber(v));
  const ratio = (v: number | null) => (v === null ? none : v.toFixed(2));
  const percent = (v: number | null) => (v === null ? none : `${(v * 100).toFixed(1)}%`);
  const days = (v: number | null) => (v === null ? none : t('mismatch.days', { days: formatNumber(v) }));
  const money = (v: number | null) => (v === null ? none : formatMoney(v, locale));
  const labelOf = (r: { label: string; labelEn: string | null }) =>
    locale === 'en' && r.labelEn ? r.labelEn : r.label;
  const monthName = (m: number) =>
    new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', { month: 'short', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2000, m - 1, 1)),
    );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setParams(new URLSearchParams(queryOf(draft)));
  };

  const figureColumns: [string, (f: MismatchFigures) => string][] = [
    [t('mismatch.openVacancies'), (f) => count(f.openVacancies)],
    [t('mismatch.openings'), (f) => count(f.openings)],
    [t('mismatch.seekers'), (f) => count(f.seekers)],
    [t('mismatch.ratio'), (f) => ratio(f.ratio)],
    [t('mismatch.fillRate'), (f) => percent(f.fillRate)],
    [t('mismatch.daysToFill'), (f) => days(f.medianDaysToFill)],
    [t('mismatch.offeredWage'), (f) => money(f.offeredWage)],
    [t('mismatch.desiredWage'), (f) => money(f.desiredWage)],
    [t('mismatch.wageGap'), (f) => money(f.wageGap)],
  ];
  const text = {
    openings: t('mismatch.openings'),
    seekers: t('mismatch.seekers'),
    ratio: t('mismatch.ratio'),
  };
  const groupRows: SupplyRow[] = useMemo(
    () =>
      (data?.groups ?? [])
        .map((g) => ({ ...g, key: g.code, label: locale === 'en' && g.labelEn ? g.labelEn : g.label }))
        .sort((a, b) => b.openings - a.openings),
    [data, locale],
  );
  const monthRows: SupplyRow[] = (data?.months ?? []).map((m) => ({
    key: String(m.month),
    label: monthName(m.month),
    ...m,
  }));
  const tableOf = (rows: SupplyRow[], caption: string, first: string): ChartTable => ({
    caption,
    columns: [first, text.openings, text.seekers, text.ratio],
    rows: rows.map((r) => ({
      key: r.key,
      label: r.label,
      cells: [count(r.openings), count(r.seekers), ratio(r.ratio)],
    })),
  });

  const years = data ? [...new Set([...data.years, data.year])].sort((a, b) => b - a) : [];
  const measureLabel = t(measure === 'ratio' ? 'mismatch.ratio' : 'mismatch.openings');
  const busiest = groupRows[0];
  const lastMonth = monthRows[monthRows.length - 1];

  return (
    <>
      <PageHeading>{t('mismatch.title')}</PageHeading>
      <p className="lead">{t('mismatch.lead')}</p>
      <search aria-label={t('mismatch.filters')}>
        <form className="filter-bar mm-filters" onSubmit={onSubmit}>
          <Select
            id="mm-year"
            label={t('mismatch.year')}
            value={String(draft.year ?? data?.year ?? '')}
            onChange={(v) => setDraft({ ...draft, year: Number(v) })}
            options={years.map((y) => [String(y), String(y)])}
          />
          <Select
            id="mm-month"
            label={t('mismatch.month')}
            value={String(draft.month ?? '')}
            onChange={(v) => setDraft({ ...draft, month: v ? Number(v) : undefined })}
            options={[
              ['', t('mismatch.monthAll')],
              ...MONTHS.map((m): [string, string] => [String(m), monthName(m)]),
            ]}
          />
          <Select
            id="mm-level"
            label={t('mismatch.level')}
            value={String(draft.occupationLevel)}
            onChange={(v) => setDraft({ ...draft, occupationLevel: v === '2' ? 2 : 1, group: undefined })}
            options={[
              ['1', t('mismatch.level1')],
              ['2', t('mismatch.level2')],
            ]}
          />
          <Select
            id="mm-group"
            label={t('mismatch.group')}
            value={draft.group ?? ''}
            onChange={(v) => setDraft({ ...draft, group: v || undefined })}
            options={[
              ['', t('mismatch.groupAll')],
              ...(draft.occupationLevel === filters.occupationLevel
                ? (data?.groupOptions ?? []).map((g): [string, string] => [g.code, labelOf(g)])
                : []),
            ]}
          />
          <div className="form-group mm-actions">
            <button type="submit" className="krds-btn medium primary">
              {t('mismatch.apply')}
            </button>
          </div>
        </form>
      </search>

      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ErrorNotice error={report.error} onRetry={() => report.refetch()} />
      ) : (
        data && (
          <>
            <div className="mm-asof">
              <p>{t('mismatch.asOf', { date: formatDate(data.asOf, locale) })}</p>
              <a
                className="krds-btn medium secondary"
                href={xlsxUrl({ ...filters, year: data.year })}
                download
              >
                {t('mismatch.download')}
              </a>
            </div>
            <section aria-labelledby="mm-totals">
              <h2 id="mm-totals" className="sr-only">
                {t('mismatch.totals')}
              </h2>
              <dl className="mm-cards">
                {figureColumns.map(([label, value]) => (
                  <div key={label} className="mm-card">
                    <dt>{label}</dt>
                    <dd>{value(data.totals)}</dd>
                  </div>
                ))}
              </dl>
            </section>

            <section aria-labelledby="mm-map" className="mm-section">
              <h2 id="mm-map">{t('mismatch.map.title')}</h2>
              <fieldset className="mm-measure">
                <legend>{t('mismatch.map.measure')}</legend>
                {MEASURES.map((m) => (
                  <div className="krds-form-check" key={m}>
                    <input
                      type="radio"
                      name="mm-measure"
                      id={`mm-measure-${m}`}
                      value={m}
                      checked={measure === m}
                      onChange={() => setMeasure(m)}
                    />
                    <label htmlFor={`mm-measure-${m}`}>
                      {t(m === 'ratio' ? 'mismatch.ratio' : 'mismatch.openings')}
                    </label>
                  </div>
                ))}
              </fieldset>
              {shapes.data && shapes.data.features.length > 0 ? (
                <DongMap
                  shapes={shapes.data}
                  dongs={data.dongs}
                  measure={measure}
                  measureLabel={measureLabel}
                  format={measure === 'ratio' ? ratio : count}
                />
              ) : shapes.isPending ? (
                <Loading />
              ) : (
                <Notice>{t('mismatch.map.noGeometry')}</Notice>
              )}
              <FiguresTable
                caption={t('mismatch.map.tableCaption')}
                first={t('mismatch.dong')}
                rows={data.dongs.map((d) => ({ key: d.code, label: labelOf(d), figures: d }))}
                columns={figureColumns}
              />
            </section>

            <section className="mm-section mm-charts">
              {busiest && (
                <ChartFigure
                  title={t('mismatch.byGroup.title')}
                  summary={t('mismatch.byGroup.summary', {
                    name: busiest.label,
                    openings: formatNumber(busiest.openings),
                    seekers: formatNumber(busiest.seekers),
                  })}
                  option={groupBarsOption(groupRows, text, compact)}
                  height={Math.max(220, 56 + groupRows.length * 40)}
                  table={tableOf(groupRows, t('mismatch.byGroup.tableCaption'), t('mismatch.occupation'))}
                  testId="mismatch-by-group"
                />
              )}
              {lastMonth && (
                <ChartFigure
                  title={t('mismatch.byMonth.title')}
                  summary={t('mismatch.byMonth.summary', {
                    month: lastMonth.label,
                    openings: formatNumber(lastMonth.openings),
                    seekers: formatNumber(lastMonth.seekers),
                  })}
                  option={monthOption(monthRows, text)}
                  height={320}
                  table={tableOf(monthRows, t('mismatch.byMonth.tableCaption'), t('mismatch.monthColumn'))}
                  testId="mismatch-by-month"
                />
              )}
            </section>

            <MissingSection report={data} />
            <HardToFillSection report={data} />
          </>
        )
      )}
    </>
  );
}

function Select({
  id,
  label,
  value,
  onChange,
  options,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: [string, string][];
}) {
  return (
    <div className="form-group">
      <div className="form-tit">
        <label htmlFor={id}>{label}</label>
      </div>
      <div className="form-conts">
        <select id={id} className="krds-form-select" value={value} onChange={(e) => onChange(e.target.value)}>
          {options.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function FiguresTable({
  caption,
  first,
  rows,
  columns,
}: {
  caption: string;
  first: string;
  rows: { key: string; label: string; figures: MismatchFigures }[];
  columns: [string, (f: MismatchFigures) => string][];
}) {
  return (
    <div className="krds-table-wrap mm-table-wrap">
      <table className="tbl col data">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {columns.map(([label]) => (
              <th scope="col" key={label}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {columns.map(([label, value]) => (
                <td key={label} className="num">
                  {value(r.figures)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MissingSection({ report }: { report: MismatchReport }) {
  const { locale, t } = useI18n();
  const lists = [
    ['mismatch.missing.certificates', report.missingCertificates],
    ['mismatch.missing.skills', report.missingSkills],
  ] as const;
  return (
    <section aria-labelledby="mm-missing" className="mm-section">
      <h2 id="mm-missing">{t('mismatch.missing.title')}</h2>
      <p>{t('mismatch.missing.lead')}</p>
      <div className="mm-missing">
        {lists.map(([title, items]) => (
          <div key={title} className="krds-table-wrap">
            <table className="tbl col data">
              <caption>{t(title)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t(title)}</th>
                  <th scope="col">{t('mismatch.missing.vacancies')}</th>
                </tr>
              </thead>
              <tbody>
                {items.length === 0 ? (
                  <tr>
                    <td colSpan={2}>{t('mismatch.missing.none')}</td>
                  </tr>
                ) : (
                  items.map((m) => (
                    <tr key={m.code}>
                      <th scope="row">{locale === 'en' && m.labelEn ? m.labelEn : m.label}</th>
                      <td className="num">{formatNumber(m.vacancies)}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        ))}
      </div>
    </section>
  );
}

function HardToFillSection({ report }: { report: MismatchReport }) {
  const { locale, t } = useI18n();
  return (
    <section aria-labelledby="mm-hard" className="mm-section">
      <h2 id="mm-hard">{t('mismatch.hard.title')}</h2>
      <p>{t('mismatch.hard.lead')}</p>
      {report.hardToFill.length === 0 ? (
        <p>{t('mismatch.hard.none')}</p>
      ) : (
        <div className="krds-table-wrap">
          <table className="tbl col data" data-testid="hard-to-fill">
            <caption>{t('mismatch.hard.caption', { count: formatNumber(report.hardToFill.length) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mismatch.hard.vacancy')}</th>
                <th scope="col">{t('mismatch.hard.employer')}</th>
                <th scope="col">{t('mismatch.occupation')}</th>
                <th scope="col">{t('mismatch.dong')}</th>
                <th scope="col">{t('mismatch.hard.openDays')}</th>
                <th scope="col">{t('mismatch.hard.groupSeekers')}</th>
                <th scope="col">{t('mismatch.hard.reasons')}</th>
              </tr>
            </thead>
            <tbody>
              {report.hardToFill.map((h) => (
                <tr key={h.vacancyId}>
                  <th scope="row">
                    <Link to={`/jobs/${h.vacancyId}`}>{h.title}</Link>
                    <div className="mm-sub">{formatDate(h.opensOn, locale)}</div>
                  </th>
                  <td>{h.employerName}</td>
                  <td>{h.groupLabel}</td>
                  <td>{h.dongName ?? t('mismatch.none')}</td>
                  <td className="num">{t('mismatch.days', { days: formatNumber(h.openDays) })}</td>
                  <td className="num">{formatNumber(h.groupSeekers)}</td>
                  <td>
                    <ul className="mm-reasons">
                      {h.reasons.map((r) => (
                        <li key={r}>{t(`mismatch.reason.${r}`)}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
