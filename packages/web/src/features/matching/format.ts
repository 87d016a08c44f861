import {
  MATCH_COMPONENT_LABELS,
  MATCH_COMPONENTS,
  type MatchComponentName,
  type MatchReason,
} from '@ilteo/shared';
import type { Locale } from '../../i18n/locale';

/** What a user said about one recommended pair. */
export type Verdict = 'relevant' | 'not_relevant';

/** Which side a list recommends: vacancies to a seeker, or candidate seekers to a vacancy. */
export type Direction = 'vacancies' | 'candidates';

/** A 0–1 figure as a whole percentage, clamped: 0.874 → 87. */
export function percentOf(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.round(Math.min(1, Math.max(0, value)) * 100);
}

/** One bar of "why this match": the component's name, its label and its value in percent. */
export interface ComponentBar {
  name: MatchComponentName;
  label: string;
  percent: number;
}

/** The score's components as labelled bars, in the order the engine lists them. */
export function componentBars(
  components: Readonly<Record<MatchComponentName, number>>,
  locale: Locale,
): ComponentBar[] {
  return MATCH_COMPONENTS.map((name) => ({
    name,
    label: MATCH_COMPONENT_LABELS[name][locale],
    percent: percentOf(components[name]),
  }));
}

/** A reason in the page's language; the Korean text stands in if the English one is missing. */
export function reasonText(reason: MatchReason, locale: Locale): string {
  return reason[locale] || reason.ko;
}

/** The verdict after a click: the pressed button again clears it, the other one replaces it. */
export function nextVerdict(current: Verdict | null, clicked: Verdict): Verdict | null {
  return current === clicked ? null : clicked;
}

/** The (seeker, vacancy) pair of an item, whichever side the list is for. */
export function pairOf(
  direction: Direction,
  ownerId: number,
  otherId: number,
): { seekerId: number; vacancyId: number } {
  return direction === 'vacancies'
    ? { seekerId: ownerId, vacancyId: otherId }
    : { seekerId: otherId, vacancyId: ownerId };
}

/** A list with one item's feedback replaced (once the server has stored it); other items stay as they are. */
export function withFeedback<T extends { id: number; feedback: Verdict | null }>(
  list: { items: T[] },
  otherId: number,
  verdict: Verdict | null,
): { items: T[] } {
  if (!list.items.some((item) => item.id === otherId)) return list;
  return {
    ...list,
    items: list.items.map((item) => (item.id === otherId ? { ...item, feedback: verdict } : item)),
  };
}

/** How many more to ask for after "더 보기", within the API's limit of 100. */
export function nextLimit(limit: number, step = 10): number {
  return Math.min(100, limit + step);
}

/** Whether the list may have more: it came back full and the API's limit is not reached. */
export function mayHaveMore(count: number, limit: number): boolean {
  return count >= limit && limit < 100;
}
