import { describe, expect, it } from 'vitest';
import {
  analyseMismatch,
  daysBetween,
  type MismatchSeeker,
  type MismatchVacancy,
  median,
} from './mismatch.js';

// Two dongs about 2.2 km apart (east–west at 37.5°N).
const WEST = { lat: 37.5, lon: 126.7 };
const EAST = { lat: 37.5, lon: 126.725 };

function vacancy(id: number, over: Partial<MismatchVacancy> = {}): MismatchVacancy {
  return {
    id,
    group: '1',
    dong: 'A',
    ...WEST,
    openings: 1,
    wageMonthly: 2_000_000,
    status: 'open',
    opensOn: '2019-03-01',
    closesOn: null,
    closedOn: null,
    requiredCertificates: [],
    requiredSkills: [],
    ...over,
  };
}

function seeker(over: Partial<MismatchSeeker> = {}): MismatchSeeker {
  return {
    groups: ['1'],
    dong: 'A',
    ...WEST,
    commuteKm: 5,
    wageMonthly: 2_200_000,
    status: 'active',
    registeredOn: '2019-01-10',
    certificates: [],
    skills: [],
    ...over,
  };
}

const TODAY = '2026-11-26';

describe('the mismatch analytics', () => {
  const vacancies = [
    vacancy(1, { openings: 3, wageMonthly: 2_100_000 }),
    vacancy(2, {
      group: '2',
      dong: 'B',
      ...EAST,
      openings: 2,
      wageMonthly: 3_000_000,
      requiredCertificates: ['C:forklift'],
    }),
    vacancy(3, { status: 'filled', opensOn: '2019-02-01', closedOn: '2019-02-11', wageMonthly: 1_900_000 }),
    vacancy(4, { status: 'filled', opensOn: '2019-02-01', closedOn: '2019-03-03' }),
    vacancy(5, {
      status: 'closed',
      opensOn: '2019-04-01',
      closedOn: '2019-05-01',
      requiredSkills: ['S:weld'],
    }),
    vacancy(6, { status: 'draft' }),
    vacancy(7, { group: '3', dong: 'B', ...EAST, opensOn: '2019-12-15' }),
  ];
  const seekers = [
    seeker({ wageMonthly: 2_000_000 }),
    seeker({ groups: ['1', '2'], dong: 'B', ...EAST, commuteKm: 1, wageMonthly: null, skills: ['S:weld'] }),
    seeker({ status: 'employed' }),
    seeker({ registeredOn: '2019-06-01', wageMonthly: 2_600_000 }),
  ];
  const year = analyseMismatch({ year: 2019, month: null, today: TODAY, vacancies, seekers });

  it('counts open vacancies, openings and active seekers by group, with their ratio', () => {
    expect(year.asOf).toBe('2019-12-31');
    const byCode = new Map(year.groups.map((g) => [g.code, g]));
    expect(byCode.get('1')).toMatchObject({ openVacancies: 4, openings: 6, seekers: 3, ratio: 2 });
    expect(byCode.get('2')).toMatchObject({ openVacancies: 1, openings: 2, seekers: 1, ratio: 2 });
    expect(byCode.get('3')).toMatchObject({ openVacancies: 1, openings: 1, seekers: 0, ratio: null });
  });

  it('gives the fill rate, the median days to fill and the wage medians and gap', () => {
    const g1 = year.groups.find((g) => g.code === '1')!;
    expect(g1.fillRate).toBe(0.6667);
    expect(g1.medianDaysToFill).toBe(20);
    // Offered: 2.1M, 1.9M, 2.0M, 2.0M → 2.0M; desired: 2.0M and 2.6M (one without a wage) → 2.3M.
    expect(g1).toMatchObject({ offeredWage: 2_000_000, desiredWage: 2_300_000, wageGap: -300_000 });
  });

  it('counts by dong (home for seekers) and by group × dong', () => {
    expect(year.dongs.map((d) => [d.code, d.openVacancies, d.openings, d.seekers])).toEqual([
      ['A', 4, 6, 2],
      ['B', 2, 3, 1],
    ]);
    expect(year.cells).toContainEqual({
      group: '2',
      dong: 'B',
      openVacancies: 1,
      openings: 2,
      seekers: 1,
      ratio: 2,
    });
    expect(year.totals).toMatchObject({ openVacancies: 6, openings: 9, seekers: 3, ratio: 3 });
  });

  it('counts a seeker only from the month they registered', () => {
    expect(year.months).toHaveLength(12);
    const [jan, feb, , , , jun] = year.months;
    expect(jan).toMatchObject({ month: 1, openVacancies: 0, seekers: 2, ratio: 0 });
    expect(feb).toMatchObject({ month: 2, openVacancies: 2, openings: 2, fillRate: 1, medianDaysToFill: 10 });
    expect(jun).toMatchObject({ seekers: 3 });
    const march = analyseMismatch({ year: 2019, month: 3, today: TODAY, vacancies, seekers });
    expect(march.months.map((m) => m.month)).toEqual([3]);
    expect(march.totals).toMatchObject({ openVacancies: 3, fillRate: 1, medianDaysToFill: 30, seekers: 2 });
  });

  it('lists required certificates and skills nobody in the group holds', () => {
    expect(year.missingCertificates).toEqual([{ code: 'C:forklift', vacancies: 1 }]);
    // The welder is registered for group 1, so vacancy 5 is covered.
    expect(year.missingSkills).toEqual([]);
  });

  it('lists vacancies open over 30 days without a suitable seeker, with the reasons', () => {
    expect(year.hardToFill).toEqual([
      { vacancyId: 2, openDays: 305, groupSeekers: 1, reasons: ['no_certificate_holder'] },
    ]);
    // Vacancy 7 opened 16 days before the year's end: not hard to fill yet; then it is, with no one in its group.
    const later = analyseMismatch({ year: 2020, month: null, today: '2020-02-01', vacancies, seekers });
    expect(later.hardToFill.find((h) => h.vacancyId === 7)).toEqual({
      vacancyId: 7,
      openDays: 48,
      groupSeekers: 0,
      reasons: ['no_seeker_in_group'],
    });
  });

  it('says the seekers live beyond their commute, or that nobody meets everything', () => {
    const far = vacancy(9, { group: '9', ...EAST, requiredCertificates: ['C:x'] });
    const a = seeker({ groups: ['9'], commuteKm: 1, certificates: ['C:x'] });
    const b = seeker({ groups: ['9'], ...EAST, commuteKm: 1 });
    const one = (people: MismatchSeeker[]) =>
      analyseMismatch({ year: 2019, month: null, today: TODAY, vacancies: [far], seekers: people })
        .hardToFill[0]?.reasons;
    expect(one([a])).toEqual(['beyond_commute']);
    expect(one([a, b])).toEqual(['no_one_meets_all']);
    expect(one([{ ...a, commuteKm: 3 }])).toBeUndefined();
  });

  it('counts as suitable only seekers of the same occupation or a sibling of it (fit), not the whole group', () => {
    // A bus driver's job (fit 622) in the transport group (6); the only seeker of group 6 wants to drive trucks.
    const bus = vacancy(10, { group: '6', fit: '622' });
    const trucker = seeker({ groups: ['6'], fits: ['622x'] });
    const hard = (people: MismatchSeeker[]) =>
      analyseMismatch({ year: 2019, month: null, today: TODAY, vacancies: [bus], seekers: people })
        .hardToFill;
    expect(hard([trucker])).toEqual([
      { vacancyId: 10, openDays: 305, groupSeekers: 0, reasons: ['no_seeker_in_group'] },
    ]);
    expect(hard([trucker, seeker({ groups: ['6'], fits: ['622'] })])).toEqual([]);
  });

  it('has medians and day counts that add up', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(daysBetween('2019-02-28', '2019-03-01')).toBe(1);
  });
});
