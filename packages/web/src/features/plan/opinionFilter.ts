import type { OpinionData } from './api';

/** Which opinions a planner is looking at. */
export type OpinionFilter = 'all' | 'unanswered' | 'answered' | 'hidden';

/** The opinions a filter keeps. */
export function filterOpinions(opinions: readonly OpinionData[], filter: OpinionFilter): OpinionData[] {
  switch (filter) {
    case 'unanswered':
      return opinions.filter((o) => o.answer === null && !o.hidden);
    case 'answered':
      return opinions.filter((o) => o.answer !== null);
    case 'hidden':
      return opinions.filter((o) => o.hidden);
    default:
      return [...opinions];
  }
}
