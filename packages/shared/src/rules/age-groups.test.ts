import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AgeRule, ageGroupsFor, DEFAULT_AGE_RULES } from './age-groups.js';

describe('age groups from a birth year', () => {
  it('follows the default rules: 청년 15–34, 신중년 50–64, 노인 65+', () => {
    expect(ageGroupsFor(1995, 2019)).toEqual(['youth']);
    expect(ageGroupsFor(1985, 2019)).toEqual(['youth']);
    expect(ageGroupsFor(1984, 2019)).toEqual([]);
    expect(ageGroupsFor(1969, 2019)).toEqual(['new_middle_aged']);
    expect(ageGroupsFor(1955, 2019)).toEqual(['new_middle_aged']);
    expect(ageGroupsFor(1954, 2019)).toEqual(['elderly']);
  });

  it('uses the district’s own rules when it sets them (e.g. 청년 up to 39)', () => {
    const rules: AgeRule[] = [{ group: 'youth', min: 19, max: 39 }];
    expect(ageGroupsFor(1980, 2019, rules)).toEqual(['youth']);
    expect(ageGroupsFor(1979, 2019, rules)).toEqual([]);
  });

  it('puts every age in at most one default group, and the groups follow the age', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1920, max: 2015 }),
        fc.integer({ min: 2015, max: 2030 }),
        (birth, year) => {
          const groups = ageGroupsFor(birth, year, DEFAULT_AGE_RULES);
          expect(groups.length).toBeLessThanOrEqual(1);
          const age = year - birth;
          expect(groups.includes('elderly')).toBe(age >= 65);
          expect(groups.includes('youth')).toBe(age >= 15 && age <= 34);
        },
      ),
    );
  });
});
