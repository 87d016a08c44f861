/**
 * Spreads an annual target evenly over twelve months. The remainder goes to the last months, so
 * the expected-to-date pace is never ahead of what an even spread allows.
 */
export function evenPhasing(annualTarget: number): number[] {
  const base = Math.floor(annualTarget / 12);
  const remainder = annualTarget - base * 12;
  return Array.from({ length: 12 }, (_, i) => base + (i >= 12 - remainder ? 1 : 0));
}

/** Sum of a phasing. */
export function phasingSum(phasing: readonly number[]): number {
  return phasing.reduce((a, b) => a + b, 0);
}
