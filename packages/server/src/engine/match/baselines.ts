import type { VacancyIndex, VacancyQuery } from '../search/vacancy-index.js';
import { parseQuery } from '../text/terms.js';
import { CUTOFF, type Ranker } from './evaluate.js';
import type { MatchSeeker } from './types.js';

/**
 * The two rankings the matcher is measured against (#5): what a seeker gets without it.
 * - text only: the vacancy search (VacancyIndex) queried with the words of the seeker's desired
 *   occupations (and skills), ranked by the search's own relevance;
 * - occupation code only: vacancies of the seeker's desired codes first, in desire order, then the
 *   rest, newest first within each.
 * Both read the same VacancyIndex the search serves from, so they run on generated documents
 * (synthetic.ts) and on a live database's index alike. Only open vacancies of the seeker's
 * organisation that have not closed by `today` are ranked, as the matcher does.
 */

/** What both baselines read. */
export interface BaselineOptions {
  index: VacancyIndex;
  /** The seeker behind an id (e.g. `(id) => matcher.seeker(id)`); unknown seekers get nothing. */
  seeker: (id: number) => MatchSeeker | undefined;
  today: number;
  /** Vacancies returned per seeker (default CUTOFF). */
  limit?: number;
  /**
   * An occupation code as the index's occupation facet holds it (the server's `occupationValue`:
   * the code itself in the default scheme, `scheme:code` in another). Default: the code itself.
   */
  facetValue?: (scheme: string, code: string) => string;
}

/** Words that carry no meaning as a search on their own (및 "and", 기타 "other", 등 "etc."). */
const STOP_WORDS = new Set(['및', '기타', '등', '외']);

/** The filters both baselines share: the seeker's organisation, open, not closed before today. */
function openFor(seeker: MatchSeeker, today: number): VacancyQuery {
  return { today, orgId: seeker.orgId, status: ['open'], openOn: today, facets: false };
}

/**
 * Occupation code only: vacancies whose occupation is one of the seeker's desired codes (a
 * desired group takes every vacancy under it), the first desire's first, newest first within a
 * desire; then every other open vacancy, newest first.
 */
export function occupationOnlyRanker(options: BaselineOptions): Ranker {
  const limit = options.limit ?? CUTOFF;
  const facetValue = options.facetValue ?? ((_scheme: string, code: string) => code);
  return (seekerId) => {
    const seeker = options.seeker(seekerId);
    if (seeker?.status !== 'active') return [];
    const base = openFor(seeker, options.today);
    const out: number[] = [];
    const seen = new Set<number>();
    const take = (query: VacancyQuery) => {
      const hits = options.index.search({ ...query, sort: 'newest', limit: limit + seen.size }).hits;
      for (const h of hits) {
        if (out.length >= limit) return;
        if (!seen.has(h.id)) {
          seen.add(h.id);
          out.push(h.id);
        }
      }
    };
    for (const path of seeker.desired) {
      const code = path[path.length - 1];
      if (code !== undefined && out.length < limit)
        take({ ...base, occupation: [facetValue(seeker.occupationScheme, code)] });
    }
    if (out.length < limit) take(base);
    return out;
  };
}

/** What the text baseline reads besides BaselineOptions. */
export interface TextBaselineOptions extends BaselineOptions {
  /** The label (or labels) of an occupation code, as the taxonomy has it. */
  occupationLabel: (scheme: string, code: string) => string | readonly string[] | undefined;
  /** The label of a `scheme:id` skill key; without it, skills are not part of the query. */
  skillLabel?: (key: string) => string | undefined;
  /** Matches read per search word (default 1000): a bound on the work for a common word. */
  depth?: number;
}

/**
 * The search words of a seeker: the words of their desired occupations' labels, then of their
 * skills' labels, each once; one-syllable words and STOP_WORDS are left out (they match almost
 * every vacancy and say nothing about the job).
 */
export function textQueryWords(
  seeker: MatchSeeker,
  occupationLabel: TextBaselineOptions['occupationLabel'],
  skillLabel?: TextBaselineOptions['skillLabel'],
): string[] {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const word of text.split(/[^\p{L}\p{N}]+/u)) {
      const terms = parseQuery(word);
      if (word.length < 2 || STOP_WORDS.has(word) || terms.length === 0) continue;
      words.add(word);
    }
  };
  const addLabel = (label: string | readonly string[] | undefined) => {
    if (label === undefined) return;
    for (const text of typeof label === 'string' ? [label] : label) add(text);
  };
  for (const path of seeker.desired) {
    const code = path[path.length - 1];
    if (code !== undefined) addLabel(occupationLabel(seeker.occupationScheme, code));
  }
  if (skillLabel) for (const key of seeker.skills) addLabel(skillLabel(key));
  return [...words];
}

/**
 * Text search only, as a seeker would search: each desired occupation's label as typed (every
 * word must match), in the seeker's order, ranked by the search's relevance; then, to fill the
 * list, vacancies matching any of the seeker's search words (textQueryWords), scored by the sum
 * of the search's relevance over the words they match (the search sums its terms' scores too),
 * ties to the newer vacancy (the higher id: rows are numbered as they are created).
 */
export function textOnlyRanker(options: TextBaselineOptions): Ranker {
  const limit = options.limit ?? CUTOFF;
  const depth = options.depth ?? 1000;
  return (seekerId) => {
    const seeker = options.seeker(seekerId);
    if (seeker?.status !== 'active') return [];
    const base = openFor(seeker, options.today);
    const out: number[] = [];
    const seen = new Set<number>();
    const push = (id: number) => {
      if (out.length < limit && !seen.has(id)) {
        seen.add(id);
        out.push(id);
      }
    };
    for (const path of seeker.desired) {
      const code = path[path.length - 1];
      const label = code === undefined ? undefined : options.occupationLabel(seeker.occupationScheme, code);
      const q = typeof label === 'string' ? label : label?.[0];
      if (q === undefined || out.length >= limit) continue;
      for (const h of options.index.search({ ...base, q, sort: 'relevance', limit }).hits) push(h.id);
    }
    if (out.length >= limit) return out;
    const scores = new Map<number, number>();
    for (const q of textQueryWords(seeker, options.occupationLabel, options.skillLabel)) {
      for (const h of options.index.search({ ...base, q, sort: 'relevance', limit: depth }).hits)
        scores.set(h.id, (scores.get(h.id) ?? 0) + h.score);
    }
    for (const [id] of [...scores.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])) push(id);
    return out;
  };
}
