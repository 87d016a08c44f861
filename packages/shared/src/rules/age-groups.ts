/**
 * Target groups that follow from a birth year, by rules a district configures: 청년 (youth),
 * 신중년 (new middle age), 노인 (older people). The defaults follow 청년고용촉진 특별법 (15–34),
 * 신중년 as 고용노동부 uses it (50–64) and 노인복지법 (65+); a district may set e.g. 청년 to 39.
 * Ages are the year's age (연 나이: the year minus the birth year), as programmes count them.
 */
export const AGE_GROUPS = ['youth', 'new_middle_aged', 'elderly'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export interface AgeRule {
  group: AgeGroup;
  min: number;
  max: number | null;
}

export const DEFAULT_AGE_RULES: readonly AgeRule[] = [
  { group: 'youth', min: 15, max: 34 },
  { group: 'new_middle_aged', min: 50, max: 64 },
  { group: 'elderly', min: 65, max: null },
];

/** The age groups a birth year falls in, in a given year. */
export function ageGroupsFor(
  birthYear: number,
  year: number,
  rules: readonly AgeRule[] = DEFAULT_AGE_RULES,
): AgeGroup[] {
  const age = year - birthYear;
  return rules.filter((r) => age >= r.min && (r.max === null || age <= r.max)).map((r) => r.group);
}
