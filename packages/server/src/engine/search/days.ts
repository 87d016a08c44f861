/**
 * Whole days as numbers: days since 1970-01-01. The engine compares days, never clocks: callers
 * pass `today` (in Korea, for ilteo) with each query.
 */

/** `YYYY-MM-DD` → its day number. */
export function dayNumber(isoDate: string): number {
  const ms = Date.UTC(
    Number(isoDate.slice(0, 4)),
    Number(isoDate.slice(5, 7)) - 1,
    Number(isoDate.slice(8, 10)),
  );
  if (!Number.isFinite(ms)) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`);
  return Math.floor(ms / 86_400_000);
}

/** A day number → `YYYY-MM-DD`. */
export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
