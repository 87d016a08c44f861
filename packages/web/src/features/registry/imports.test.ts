import type { ImportReport } from '@ilteo/shared';
import { describe, expect, it } from 'vitest';
import {
  acceptFor,
  canImportAll,
  canImportValidOnly,
  checkImportFile,
  countsOf,
  exportUrl,
  linesOfProblem,
  reportLines,
  runKind,
} from './imports';

const message = (ko: string) => ({ ko, en: ko });

function report(change: Partial<ImportReport> = {}): ImportReport {
  return {
    id: null,
    kind: 'seekers',
    format: 'csv',
    source: 'seekers.csv',
    mode: 'all',
    dryRun: true,
    written: false,
    totalRows: 3,
    inserted: 0,
    updated: 0,
    invalid: 1,
    skipped: 3,
    rows: [
      { row: 2, status: 'valid', id: null, key: null, errors: [], notes: [] },
      {
        row: 3,
        status: 'invalid',
        id: null,
        key: null,
        errors: [
          { field: 'birthYear', column: '출생연도', code: 'required', message: message('필수 항목입니다.') },
          { field: 'row', column: null, code: 'x', message: message('행 전체') },
        ],
        notes: [],
      },
      {
        row: 4,
        status: 'valid',
        id: null,
        key: null,
        errors: [],
        notes: [
          {
            field: 'wage.amount',
            column: null,
            code: 'below_minimum_wage',
            message: message('최저임금 미만'),
          },
        ],
      },
    ],
    ...change,
  };
}

describe('the import report', () => {
  it('counts valid rows and lists errors row by row, then notes', () => {
    const r = report();
    expect(countsOf(r)).toEqual({ total: 3, valid: 2, invalid: 1, written: 0 });
    expect(reportLines(r)).toEqual([
      { row: 3, column: '출생연도', message: message('필수 항목입니다.'), note: false },
      { row: 3, column: null, message: message('행 전체'), note: false },
      { row: 4, column: 'wage.amount', message: message('최저임금 미만'), note: true },
    ]);
  });

  it('offers "import all" only without errors, and "valid only" only with some of each', () => {
    expect(canImportAll(report())).toBe(false);
    expect(canImportValidOnly(report())).toBe(true);
    expect(canImportAll(report({ invalid: 0 }))).toBe(true);
    expect(canImportValidOnly(report({ invalid: 0 }))).toBe(false);
    expect(canImportValidOnly(report({ invalid: 3 }))).toBe(false);
    expect(canImportAll(report({ invalid: 0, totalRows: 0 }))).toBe(false);
  });

  it('counts what was written', () => {
    expect(countsOf(report({ written: true, inserted: 2, updated: 1, invalid: 0 })).written).toBe(3);
  });

  it('reads row numbers out of a refused file’s field errors', () => {
    expect(linesOfProblem([{ field: 'rows.3.name', message: message('a') }])[0]).toMatchObject({
      row: 3,
      column: 'name',
    });
    expect(linesOfProblem([{ field: '7', message: message('a') }])[0]).toMatchObject({
      row: 7,
      column: null,
    });
    expect(linesOfProblem([{ field: 'file', message: message('a') }])[0]).toMatchObject({
      row: null,
      column: 'file',
    });
  });

  it('checks the file type by kind before sending', () => {
    expect(checkImportFile('work24', { name: 'list.xml', size: 10 })).toBeNull();
    expect(checkImportFile('work24', { name: 'list.csv', size: 10 })).not.toBeNull();
    expect(checkImportFile('seekers', { name: '구직자.XLSX', size: 10 })).toBeNull();
    expect(checkImportFile('seekers', { name: 'a.csv', size: 0 })).not.toBeNull();
    expect(checkImportFile('seekers', { name: 'a.csv', size: 11 * 1024 * 1024 })).not.toBeNull();
    expect(acceptFor('work24')).toContain('.xml');
    expect(acceptFor('vacancies')).toContain('.xlsx');
  });

  it('links exports and templates, and shows 고용24 runs as such', () => {
    expect(exportUrl('seekers', 'csv')).toBe('/api/v1/exports/seekers.csv');
    expect(exportUrl('vacancies', 'xlsx', true)).toBe('/api/v1/exports/vacancies.xlsx?template=true');
    expect(runKind({ kind: 'vacancies', format: 'work24' })).toBe('work24');
    expect(runKind({ kind: 'employers', format: 'xlsx' })).toBe('employers');
  });
});
