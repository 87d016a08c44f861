import { initialsOf, normalize } from '../text/normalize.js';
import { parseQuery } from '../text/terms.js';

/**
 * Where a query's terms occur in a text, as [start, end) ranges in UTF-16 units of the text as
 * given, sorted and merged: for bold matches in a result's title. A text whose normal form has
 * another length (collapsed spaces, decomposed Hangul) gets no ranges rather than wrong ones.
 */
export function highlightRanges(text: string, query: string | undefined): [number, number][] {
  if (!query) return [];
  const terms = parseQuery(query);
  const normal = normalize(text);
  if (terms.length === 0 || normal.length !== text.length) return [];
  const ranges: [number, number][] = [];
  const initials = terms.some((t) => t.kind === 'initials') ? initialsOf(normal) : '';
  for (const term of terms) {
    const haystack = term.kind === 'initials' ? initials : normal;
    const needle = term.text;
    // A phrase still being typed (`간ㅎ`) highlights its whole syllables only.
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
      ranges.push([at, at + needle.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}
