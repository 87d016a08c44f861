import { describe, expect, it } from 'vitest';
import {
  componentBars,
  mayHaveMore,
  nextLimit,
  nextVerdict,
  pairOf,
  percentOf,
  reasonText,
  withFeedback,
} from './format';

const components = {
  occupation: 1,
  skills: 0.5,
  distance: 0.874,
  wage: 0,
  conditions: 0.333,
  education: 1.2,
  freshness: -0.1,
};

describe('why this match', () => {
  it('shows every component as a labelled bar in the engine order, in whole percent', () => {
    const bars = componentBars(components, 'ko');
    expect(bars.map((b) => b.name)).toEqual([
      'occupation',
      'skills',
      'distance',
      'wage',
      'conditions',
      'education',
      'freshness',
    ]);
    expect(bars[0]).toEqual({ name: 'occupation', label: '직종·경력', percent: 100 });
    expect(bars.map((b) => b.percent)).toEqual([100, 50, 87, 0, 33, 100, 0]);
  });

  it('labels the bars in English for an English page', () => {
    expect(componentBars(components, 'en')[2]?.label).toBe('Distance');
  });

  it('never draws a bar past its ends, whatever the figure', () => {
    expect(percentOf(1.5)).toBe(100);
    expect(percentOf(-1)).toBe(0);
    expect(percentOf(Number.NaN)).toBe(0);
    expect(percentOf(0.005)).toBe(1);
  });

  it('gives a reason in the page language, falling back to Korean', () => {
    const reason = { code: 'desired_occupation', ko: '희망직종 일치', en: 'Desired occupation' };
    expect(reasonText(reason, 'ko')).toBe('희망직종 일치');
    expect(reasonText(reason, 'en')).toBe('Desired occupation');
    expect(reasonText({ ...reason, en: '' }, 'en')).toBe('희망직종 일치');
  });
});

describe('relevant / not relevant', () => {
  it('sets a verdict, replaces it with the other one, and clears it when pressed again', () => {
    expect(nextVerdict(null, 'relevant')).toBe('relevant');
    expect(nextVerdict('relevant', 'not_relevant')).toBe('not_relevant');
    expect(nextVerdict('relevant', 'relevant')).toBeNull();
  });

  it('names the pair the same way from either side', () => {
    expect(pairOf('vacancies', 7, 42)).toEqual({ seekerId: 7, vacancyId: 42 });
    expect(pairOf('candidates', 42, 7)).toEqual({ seekerId: 7, vacancyId: 42 });
  });

  it('changes only the item the feedback was about, and leaves other lists untouched', () => {
    const list = {
      items: [
        { id: 1, feedback: null },
        { id: 2, feedback: 'not_relevant' as const },
      ],
    };
    expect(withFeedback(list, 1, 'relevant').items).toEqual([
      { id: 1, feedback: 'relevant' },
      { id: 2, feedback: 'not_relevant' },
    ]);
    expect(withFeedback(list, 2, null).items[1]).toEqual({ id: 2, feedback: null });
    expect(withFeedback(list, 3, 'relevant')).toBe(list);
  });
});

describe('showing more', () => {
  it('asks for ten more at a time up to the API limit of 100', () => {
    expect(nextLimit(10)).toBe(20);
    expect(nextLimit(95)).toBe(100);
  });

  it('offers more only when the list came back full', () => {
    expect(mayHaveMore(10, 10)).toBe(true);
    expect(mayHaveMore(7, 10)).toBe(false);
    expect(mayHaveMore(100, 100)).toBe(false);
  });
});
