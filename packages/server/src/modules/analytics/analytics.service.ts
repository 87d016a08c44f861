import type { DongFeatures, MismatchQuery, MismatchReport } from '@ilteo/shared';
import type { Ctx } from '../../http/context.js';
import { jsonRefs, occupationValue, refKey, seoulToday } from '../search/search-index.js';
import { parentChain } from '../taxonomy/hierarchy.js';
import { requireAnalyticsReader } from './analytics.policy.js';
import * as repo from './analytics.repository.js';
import { analyseMismatch, type MismatchSeeker, type MismatchVacancy } from './mismatch.js';

interface Item {
  label: string;
  labelEn: string | null;
  parent: string | null;
}

/** Labels and parent chains of the taxonomies, keyed by `refKey`. */
interface Taxonomy {
  occupations: Map<string, Item>;
  others: Map<string, Item>;
}

async function loadTaxonomy(ctx: Ctx): Promise<Taxonomy> {
  const rows = await repo.taxonomyRows(ctx.db.kysely);
  const taxonomy: Taxonomy = { occupations: new Map(), others: new Map() };
  for (const r of rows) {
    const item = { label: r.label, labelEn: r.label_en, parent: r.parent_code };
    (r.kind === 'occupation' ? taxonomy.occupations : taxonomy.others).set(refKey(r.scheme, r.code), item);
  }
  return taxonomy;
}

/**
 * The occupation's group at a level of its parent chain (1 = top), as a facet value with its
 * labels; an occupation shallower than the level, or unknown, is its own group.
 */
function groupOf(
  taxonomy: Taxonomy,
  scheme: string,
  code: string,
  level: number,
): { value: string; label: string; labelEn: string | null } {
  const chain = chainOf(taxonomy, scheme, code);
  const groupCode = chain[Math.min(level, chain.length) - 1] ?? code;
  const item = taxonomy.occupations.get(refKey(scheme, groupCode));
  return {
    value: occupationValue(scheme, groupCode),
    label: item?.label ?? groupCode,
    labelEn: item?.labelEn ?? null,
  };
}

/** The occupation's parent chain, top level first, itself last. */
function chainOf(taxonomy: Taxonomy, scheme: string, code: string): string[] {
  return parentChain(code, (c) => taxonomy.occupations.get(refKey(scheme, c))?.parent);
}

/** Who may suit a vacancy: its occupation's group one level up (KECO: the 소분류), or itself at the top. */
function fitOf(taxonomy: Taxonomy, scheme: string, code: string): string {
  const chain = chainOf(taxonomy, scheme, code);
  return occupationValue(scheme, chain[Math.max(0, chain.length - 2)] ?? code);
}

const keyOf = (r: { scheme: string; code: string }) => `${r.scheme}:${r.code}`;

/** The mismatch analytics of the actor's organisation (미스매치 분석). */
export async function mismatchReport(
  ctx: Ctx,
  query: MismatchQuery,
  now = new Date(),
): Promise<MismatchReport> {
  const actor = requireAnalyticsReader(ctx.actor);
  const today = seoulToday(now);
  const level = query.occupationLevel;
  const k = ctx.db.kysely;
  const [taxonomy, dongs, vacancyRows, seekerRows] = await Promise.all([
    loadTaxonomy(ctx),
    repo.dongRows(k),
    repo.vacancyRows(k, actor.organisationId),
    repo.seekerRows(k, actor.organisationId),
  ]);
  const thisYear = Number(today.slice(0, 4));
  const years = [...new Set(vacancyRows.map((v) => Number(v.opens_on.slice(0, 4))))]
    .filter((y) => y <= thisYear)
    .sort((a, b) => a - b);
  // Without a year: the latest with vacancies (a registry imported from last year is not empty today).
  const year = query.year ?? years[years.length - 1] ?? thisYear;
  const dongByCode = new Map(dongs.map((d) => [d.code, d]));
  const groupLabels = new Map<string, { label: string; labelEn: string | null }>();
  const group = (scheme: string, code: string) => {
    const g = groupOf(taxonomy, scheme, code, level);
    groupLabels.set(g.value, { label: g.label, labelEn: g.labelEn });
    return g.value;
  };

  const wanted = (g: string) => query.group === undefined || g === query.group;
  const vacancies: MismatchVacancy[] = [];
  const vacancyInfo = new Map<number, repo.VacancyRow>();
  for (const row of vacancyRows) {
    const g = group(row.occupation_scheme, row.occupation_code);
    if (!wanted(g)) continue;
    const dong = row.dong_code ? dongByCode.get(row.dong_code) : undefined;
    vacancyInfo.set(row.id, row);
    vacancies.push({
      id: row.id,
      group: g,
      dong: row.dong_code,
      lat: row.lat ?? dong?.lat ?? null,
      lon: row.lon ?? dong?.lon ?? null,
      openings: Number(row.openings),
      wageMonthly: Number(row.wage_monthly),
      status: row.status,
      opensOn: row.opens_on.slice(0, 10),
      closesOn: row.closes_on?.slice(0, 10) ?? null,
      closedOn: row.closed_at ? seoulToday(new Date(row.closed_at)) : null,
      requiredCertificates: jsonRefs(row.required_certificates).map(keyOf),
      requiredSkills: jsonRefs(row.required_skills).map(keyOf),
      fit: fitOf(taxonomy, row.occupation_scheme, row.occupation_code),
    });
  }
  const seekers: MismatchSeeker[] = [];
  for (const row of seekerRows) {
    const groups = [...new Set(jsonRefs(row.desired_occupations).map((r) => group(r.scheme, r.code)))].filter(
      wanted,
    );
    if (query.group !== undefined && groups.length === 0) continue;
    const home = row.home_dong_code ? dongByCode.get(row.home_dong_code) : undefined;
    seekers.push({
      groups,
      dong: row.home_dong_code,
      lat: home?.lat ?? null,
      lon: home?.lon ?? null,
      commuteKm: Number(row.commute_km),
      wageMonthly: row.wage_monthly === null ? null : Number(row.wage_monthly),
      status: row.status,
      registeredOn: seoulToday(new Date(row.created_at)),
      certificates: jsonRefs(row.certificates).map(keyOf),
      skills: jsonRefs(row.skills).map(keyOf),
      fits: [...new Set(jsonRefs(row.desired_occupations).map((r) => fitOf(taxonomy, r.scheme, r.code)))],
    });
  }

  const groupOfVacancy = new Map(vacancies.map((v) => [v.id, v.group]));
  const result = analyseMismatch({ year, month: query.month ?? null, today, vacancies, seekers });
  const groupLabel = (code: string) => groupLabels.get(code) ?? { label: code, labelEn: null };
  const dongLabel = (code: string) => {
    const d = dongByCode.get(code);
    return { label: d?.name ?? code, labelEn: d?.name_en ?? null };
  };
  const itemLabel = (key: string) => {
    const i = key.indexOf(':');
    const item = taxonomy.others.get(refKey(key.slice(0, i), key.slice(i + 1)));
    return { label: item?.label ?? key.slice(i + 1), labelEn: item?.labelEn ?? null };
  };
  return {
    year,
    years,
    month: query.month ?? null,
    occupationLevel: level,
    group: query.group ?? null,
    asOf: result.asOf,
    totals: result.totals,
    groupOptions: [...groupLabels]
      .map(([code, l]) => ({ code, ...l }))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    groups: result.groups.map((g) => ({ ...g, ...groupLabel(g.code) })),
    dongs: result.dongs.map((d) => ({ ...d, ...dongLabel(d.code) })),
    cells: result.cells,
    months: result.months,
    missingCertificates: result.missingCertificates.map((m) => ({ ...m, ...itemLabel(m.code) })),
    missingSkills: result.missingSkills.map((m) => ({ ...m, ...itemLabel(m.code) })),
    hardToFill: result.hardToFill.map((h) => {
      const v = vacancyInfo.get(h.vacancyId)!;
      const g = groupOfVacancy.get(h.vacancyId)!;
      return {
        ...h,
        title: v.title,
        employerName: v.employer_name,
        group: g,
        groupLabel: groupLabel(g).label,
        dong: v.dong_code,
        dongName: v.dong_code ? dongLabel(v.dong_code).label : null,
        opensOn: v.opens_on.slice(0, 10),
      };
    }),
  };
}

/** The dongs with a geometry, as a GeoJSON FeatureCollection for the choropleth. */
export async function dongFeatures(ctx: Ctx): Promise<DongFeatures> {
  requireAnalyticsReader(ctx.actor);
  const rows = await repo.dongRows(ctx.db.kysely);
  return {
    type: 'FeatureCollection',
    features: rows.flatMap((r) =>
      r.geometry === null
        ? []
        : [
            {
              type: 'Feature' as const,
              properties: { code: r.code, name: r.name, nameEn: r.name_en },
              geometry: JSON.parse(r.geometry) as unknown,
            },
          ],
    ),
  };
}
