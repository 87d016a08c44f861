/**
 * Monthly phasing (월별 목표) as the server computes it, so the form can show the months an even
 * phasing will give and check a custom one before it is sent.
 */

/** An annual target spread over twelve months; the remainder goes to the last months (the server's rule). */
export function evenPhasing(annualTarget: number): number[] {
  const base = Math.floor(annualTarget / 12);
  const remainder = annualTarget - base * 12;
  return Array.from({ length: 12 }, (_, i) => base + (i >= 12 - remainder ? 1 : 0));
}

/** Sum of monthly figures, treating months not filled in as 0. */
export function sumOf(values: readonly (number | null | undefined)[]): number {
  return values.reduce<number>((a, b) => a + (b ?? 0), 0);
}

/** Running totals: `[1, 2, 3]` → `[1, 3, 6]`. */
export function cumulative(values: readonly (number | null | undefined)[]): number[] {
  let total = 0;
  return values.map((v) => {
    total += v ?? 0;
    return total;
  });
}

/** The live "합계 n / 목표 m" check of a custom phasing. */
export interface PhasingCheck {
  sum: number;
  target: number | null;
  /** sum − target; 0 when they match. */
  difference: number;
  matches: boolean;
}

/** Checks twelve monthly figures against the annual target. */
export function checkPhasing(months: readonly (number | null)[], target: number | null): PhasingCheck {
  const sum = sumOf(months);
  const difference = target === null ? sum : sum - target;
  return { sum, target, difference, matches: target !== null && difference === 0 };
}
