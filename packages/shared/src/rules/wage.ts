/**
 * Wages. Every amount is whole won. Amounts of different kinds are compared as a monthly
 * equivalent on the statutory 209 hours a month (40 h a week + paid weekly rest, × 365/12/7),
 * the figure 고용노동부 publishes beside each year's minimum wage.
 */
export const WAGE_TYPES = ['hourly', 'daily', 'monthly', 'annual'] as const;
export type WageType = (typeof WAGE_TYPES)[number];

/** Hours in a month for the monthly equivalent. */
export const MONTHLY_HOURS = 209;
/** Hours in a working day, for daily wages. */
export const DAILY_HOURS = 8;

/**
 * The monthly equivalent of a wage, rounded to the won: hourly × 209, daily ÷ 8 × 209, annual ÷ 12.
 * Monotone in the amount for each type.
 */
export function monthlyEquivalent(type: WageType, amount: number): number {
  switch (type) {
    case 'hourly':
      return Math.round(amount * MONTHLY_HOURS);
    case 'daily':
      return Math.round((amount / DAILY_HOURS) * MONTHLY_HOURS);
    case 'monthly':
      return Math.round(amount);
    case 'annual':
      return Math.round(amount / 12);
  }
}

/** The hourly equivalent of a wage (monthly equivalent ÷ 209), not rounded. */
export function hourlyEquivalent(type: WageType, amount: number): number {
  if (type === 'hourly') return amount;
  if (type === 'daily') return amount / DAILY_HOURS;
  return monthlyEquivalent(type, amount) / MONTHLY_HOURS;
}

/**
 * 최저임금 per year in won an hour (고용노동부 고시). The defaults a new deployment starts
 * with; admins update the table (a new year's rate is announced each August).
 */
export const DEFAULT_MINIMUM_WAGES: Readonly<Record<number, number>> = {
  2017: 6470,
  2018: 7530,
  2019: 8350,
  2020: 8590,
  2021: 8720,
  2022: 9160,
  2023: 9620,
  2024: 9860,
  2025: 10030,
  2026: 10320,
};

/** The minimum wage in force for a year: that year's rate, else the latest earlier one. */
export function minimumWageFor(table: Readonly<Record<number, number>>, year: number): number | null {
  let best: number | null = null;
  let bestYear = -1;
  for (const [y, rate] of Object.entries(table)) {
    const yr = Number(y);
    if (yr <= year && yr > bestYear) {
      bestYear = yr;
      best = rate;
    }
  }
  return best;
}

/** The smallest amount of a wage type that meets an hourly minimum (the inverse of the equivalents, rounded up). */
export function minimumAmount(type: WageType, hourlyMinimum: number): number {
  switch (type) {
    case 'hourly':
      return hourlyMinimum;
    case 'daily':
      return hourlyMinimum * DAILY_HOURS;
    case 'monthly':
      return hourlyMinimum * MONTHLY_HOURS;
    case 'annual':
      return hourlyMinimum * MONTHLY_HOURS * 12;
  }
}

/** Whether a wage meets the hourly minimum, compared on its own terms (no rounding surprises). */
export function meetsMinimumWage(type: WageType, amount: number, hourlyMinimum: number): boolean {
  return amount >= minimumAmount(type, hourlyMinimum);
}
