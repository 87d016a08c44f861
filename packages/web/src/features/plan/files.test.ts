import { describe, expect, it } from 'vitest';
import { cellErrors, checkUpload, MAX_UPLOAD_BYTES } from './files';

describe('checking a file before it is uploaded', () => {
  it('accepts evidence of the server’s types and refuses others', () => {
    expect(checkUpload({ name: '실적증빙.PDF', size: 1000 }, 'evidence')).toBeNull();
    expect(checkUpload({ name: '명단.hwpx', size: 1000 }, 'evidence')).toBeNull();
    expect(checkUpload({ name: 'script.exe', size: 1000 }, 'evidence')?.ko).toContain('PDF');
  });

  it('refuses empty and too large files with the server’s messages', () => {
    expect(checkUpload({ name: 'a.pdf', size: 0 }, 'evidence')?.en).toBe('Attach a file.');
    expect(checkUpload({ name: 'a.pdf', size: MAX_UPLOAD_BYTES + 1 }, 'evidence')?.ko).toContain('10 MB');
  });

  it('takes only XLSX as a plan workbook', () => {
    expect(checkUpload({ name: 'plan.xlsx', size: 10 }, 'workbook')).toBeNull();
    expect(checkUpload({ name: 'plan.xls', size: 10 }, 'workbook')?.ko).toContain('XLSX');
  });
});

describe('a refused import', () => {
  it('lists the cells in error and leaves the form’s own fields out', () => {
    const message = { ko: '필수 항목입니다.', en: 'This field is required.' };
    expect(
      cellErrors([
        { field: '사업목록!F7', code: 'required', message },
        { field: '사업목록!L7:W7', code: 'phasing_sum', message },
        { field: '계획', code: 'sheet_missing', message },
        { field: 'year', code: 'required', message },
        { field: 'file', code: 'not_xlsx', message },
      ]).map((c) => c.where),
    ).toEqual(['사업목록!F7', '사업목록!L7:W7', '계획']);
  });
});
