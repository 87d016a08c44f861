import type { SortOrder } from '../../components/SortHeader';

export type SortValue = number | string | null;

/**
 * Rows in the order of one column. Rows without a figure (null) go last either way, so a
 * table sorted by rate never opens with dashes.
 */
export function sortRows<T>(rows: readonly T[], value: (row: T) => SortValue, order: SortOrder): T[] {
  const sign = order === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, v: value(row) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) {
        if (a.v === b.v) return a.index - b.index;
        return a.v === null ? 1 : -1;
      }
      const diff =
        typeof a.v === 'number' && typeof b.v === 'number'
          ? a.v - b.v
          : String(a.v).localeCompare(String(b.v), 'ko');
      return diff === 0 ? a.index - b.index : sign * diff;
    })
    .map((x) => x.row);
}
