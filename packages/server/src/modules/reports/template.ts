/**
 * The plan template: the machine-readable sheets an export writes and an import reads
 * (documented in docs/api.md, "Plan workbook"). Columns are found by their header, so a user may
 * reorder them; every other sheet of a workbook is ignored on import.
 */

export const PLAN_SHEET = '계획';
export const STRATEGY_SHEET = '전략목록';
export const PROGRAM_SHEET = '사업목록';

/** The `계획` sheet: one row per field, columns 항목 (label), 값 (value), 키 (key). */
export const PLAN_FIELDS = [
  { key: 'title', label: '계획명' },
  { key: 'year', label: '연도' },
  { key: 'vision', label: '비전' },
  { key: 'masterPlan', label: '종합계획' },
  { key: 'previousYearTarget', label: '전년도 목표' },
  { key: 'employmentRateTarget', label: '고용률 목표(%)' },
  { key: 'employedIncreaseTarget', label: '취업자 증가 목표' },
  { key: 'paceBehindBelow', label: '부진 기준(%)' },
  { key: 'paceAheadAbove', label: '초과 기준(%)' },
] as const;
export type PlanFieldKey = (typeof PLAN_FIELDS)[number]['key'];

export const MONTH_KEYS = Array.from({ length: 12 }, (_, i) => `m${i + 1}` as const);
export type MonthKey = (typeof MONTH_KEYS)[number];

/** The `사업목록` sheet's columns, in the order the export writes them. */
export const PROGRAM_TEMPLATE_COLUMNS = [
  { key: 'strategy', header: '전략', width: 34 },
  { key: 'name', header: '사업명', width: 34 },
  { key: 'description', header: '사업설명', width: 40 },
  { key: 'unitCode', header: '담당부서코드', width: 24 },
  { key: 'jobType', header: '사업유형', width: 18 },
  { key: 'targetGroups', header: '대상계층', width: 26 },
  { key: 'budgetNational', header: '국비', width: 15 },
  { key: 'budgetCity', header: '시비', width: 15 },
  { key: 'budgetDistrict', header: '구비', width: 15 },
  { key: 'budgetOther', header: '기타', width: 15 },
  { key: 'annualTarget', header: '연간목표', width: 10 },
  ...MONTH_KEYS.map((key, i) => ({ key, header: `${i + 1}월`, width: 7 })),
  { key: 'groupTargets', header: '계층별목표', width: 30 },
  { key: 'illustrative', header: '예시', width: 6 },
] as const;
export type ProgramTemplateKey = (typeof PROGRAM_TEMPLATE_COLUMNS)[number]['key'];

/** The `전략목록` sheet's columns. */
export const STRATEGY_TEMPLATE_COLUMNS = [
  { key: 'name', header: '전략', width: 44 },
  { key: 'description', header: '전략설명', width: 70 },
] as const;

/** Lists in one cell: `youth;new_middle_aged`, and group targets as `youth:160;new_middle_aged:100`. */
export const LIST_SEPARATOR = ';';

/** Excel's column letters for a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
