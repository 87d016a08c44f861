import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MINIMUM_WAGES,
  hourlyEquivalent,
  meetsMinimumWage,
  minimumAmount,
  minimumWageFor,
  monthlyEquivalent,
  WAGE_TYPES,
  type WageType,
} from './wage.js';

const amount = fc.integer({ min: 0, max: 2_000_000_000 });
const wageType = fc.constantFrom(...WAGE_TYPES);
const hourlyMinimum = fc.integer({ min: 1, max: 1_000_000 });

/** The exact monthly equivalent as a fraction numerator / denominator (no rounding). */
function exactMonthly(type: WageType, a: number): { numerator: number; denominator: number } {
  switch (type) {
    case 'hourly':
      return { numerator: a * 209, denominator: 1 };
    case 'daily':
      return { numerator: a * 209, denominator: 8 };
    case 'monthly':
      return { numerator: a, denominator: 1 };
    case 'annual':
      return { numerator: a, denominator: 12 };
  }
}

describe('wage normalisation to a monthly equivalent on 209 hours', () => {
  it('is monotone in the amount for each type', () => {
    fc.assert(
      fc.property(wageType, amount, amount, (type, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        return monthlyEquivalent(type, low) <= monthlyEquivalent(type, high);
      }),
    );
  });

  it('hourly × 209 exactly; monthly as it is', () => {
    fc.assert(
      fc.property(
        amount,
        (a) => monthlyEquivalent('hourly', a) === a * 209 && monthlyEquivalent('monthly', a) === a,
      ),
    );
  });

  it('annual ÷ 12 and daily ÷ 8 × 209, rounded to the nearest won', () => {
    fc.assert(
      fc.property(amount, (a) => {
        const annual = monthlyEquivalent('annual', a);
        const daily = monthlyEquivalent('daily', a);
        return (
          annual === Math.round(a / 12) &&
          Math.abs(annual * 12 - a) <= 6 &&
          daily === Math.round((a / 8) * 209) &&
          Math.abs(daily * 8 - a * 209) <= 4
        );
      }),
    );
  });

  it('the hourly equivalent of an hourly or daily wage is exact', () => {
    fc.assert(
      fc.property(
        amount,
        (a) => hourlyEquivalent('hourly', a) === a && hourlyEquivalent('daily', a) === a / 8,
      ),
    );
  });

  it('the published figures: 10,320 won an hour is 2,156,880 won a month; 8,350 is 1,745,150', () => {
    expect(monthlyEquivalent('hourly', 10_320)).toBe(2_156_880);
    expect(monthlyEquivalent('hourly', 8_350)).toBe(1_745_150);
  });
});

describe('the minimum-wage rule', () => {
  it('a wage meets the minimum exactly when it is at least the minimum amount of its type', () => {
    fc.assert(
      fc.property(wageType, amount, hourlyMinimum, (type, a, m) => {
        return meetsMinimumWage(type, a, m) === a >= minimumAmount(type, m);
      }),
    );
  });

  it('… which is exactly: the unrounded monthly equivalent is at least the hourly minimum × 209', () => {
    fc.assert(
      fc.property(wageType, amount, hourlyMinimum, (type, a, m) => {
        const { numerator, denominator } = exactMonthly(type, a);
        return meetsMinimumWage(type, a, m) === numerator >= m * 209 * denominator;
      }),
    );
  });

  it('compared on rounded monthly equivalents it agrees, but for annual wages within 6 won a year under', () => {
    fc.assert(
      fc.property(wageType, amount, hourlyMinimum, (type, a, m) => {
        const meets = meetsMinimumWage(type, a, m);
        const roundedMeets = monthlyEquivalent(type, a) >= monthlyEquivalent('hourly', m);
        if (meets) return roundedMeets;
        if (type !== 'annual') return !roundedMeets;
        // Rounding an annual wage to the won a month lifts at most 6 won a year over the line.
        return !roundedMeets || minimumAmount('annual', m) - a <= 6;
      }),
    );
    expect(meetsMinimumWage('annual', minimumAmount('annual', 10_320) - 6, 10_320)).toBe(false);
    expect(monthlyEquivalent('annual', minimumAmount('annual', 10_320) - 6)).toBe(2_156_880);
  });

  it('the minimum amount of a type meets the minimum, and one won less does not', () => {
    fc.assert(
      fc.property(wageType, hourlyMinimum, (type, m) => {
        const least = minimumAmount(type, m);
        return meetsMinimumWage(type, least, m) && !meetsMinimumWage(type, least - 1, m);
      }),
    );
  });

  it("a year's rate is the table's latest year at or before it; none before the table begins", () => {
    const table = fc.dictionary(
      fc.integer({ min: 1988, max: 2100 }).map(String),
      fc.integer({ min: 1, max: 100_000 }),
      { maxKeys: 20 },
    );
    fc.assert(
      fc.property(table, fc.integer({ min: 1980, max: 2110 }), (rates, year) => {
        const earlier = Object.keys(rates)
          .map(Number)
          .filter((y) => y <= year);
        const expected = earlier.length ? rates[String(Math.max(...earlier))] : null;
        return minimumWageFor(rates, year) === expected;
      }),
    );
  });

  it('the default table: 2019 is 8,350; 2026 is 10,320; a later year keeps 2026 until a rate is added', () => {
    expect(minimumWageFor(DEFAULT_MINIMUM_WAGES, 2019)).toBe(8350);
    expect(minimumWageFor(DEFAULT_MINIMUM_WAGES, 2026)).toBe(10_320);
    expect(minimumWageFor(DEFAULT_MINIMUM_WAGES, 2030)).toBe(10_320);
    expect(minimumWageFor(DEFAULT_MINIMUM_WAGES, 2016)).toBeNull();
  });
});
