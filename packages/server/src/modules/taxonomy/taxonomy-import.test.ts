import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText, parseCsv } from './csv.js';
import { type ExistingItem, planScheme, readTaxonomyCsv } from './taxonomy-import.js';

const fixture = (name: string) => fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const csv = (text: string) => new TextEncoder().encode(text);
const fields = (errors: { field: string; code: string }[]) => errors.map((e) => `${e.field} ${e.code}`);

describe('CSV files', () => {
  it('read quotes, doubled quotes, commas and line breaks inside quotes, CRLF, and skip blank lines', () => {
    const { records, error } = parseCsv('a,b\r\n"x, ""y""","line\nbreak"\r\n\r\n3,4');
    expect(error).toBeNull();
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, "y"', 'line\nbreak'] },
      { line: 5, cells: ['3', '4'] },
    ]);
  });

  it('report an unterminated quote by the line it starts on', () => {
    expect(parseCsv('a\n"open\nstill').error).toMatchObject({ field: 'rows.2', code: 'invalid_format' });
  });

  it('decode UTF-8 with a BOM and CP949 from Korean Excel alike', () => {
    expect(decodeText(Uint8Array.of(0xef, 0xbb, 0xbf, ...csv('간호사')))).toBe('간호사');
    expect(decodeText(Uint8Array.of(0xb0, 0xa3, 0xc8, 0xa3, 0xbb, 0xe7))).toBe('간호사');
  });
});

describe('reading a taxonomy file', () => {
  it('takes each row with the given scheme, its parent and its aliases split on ; and |', () => {
    const { rows, errors } = readTaxonomyCsv(fixture('isco08-excerpt.csv'), 'ISCO-08');
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(9);
    expect(rows[3]).toEqual({
      line: 5,
      scheme: 'ISCO-08',
      code: '2221',
      label: '간호 전문가',
      labelEn: 'Nursing professionals',
      parentCode: '222',
      aliases: ['간호사', 'RN', 'Registered nurse'],
    });
    expect(rows[8]!.aliases).toEqual(['간호조무사', '"practical" nurse']);
    expect(rows[0]).toMatchObject({ parentCode: null, aliases: [] });
  });

  it('needs the code and name columns, refuses unknown ones, and needs a scheme from somewhere', () => {
    const result = readTaxonomyCsv(csv('code,title,parent\n1,a,\n'));
    expect(fields(result.errors)).toEqual([
      'columns.title unknown_field',
      'columns.parent unknown_field',
      'columns.name column_missing',
      'scheme required',
    ]);
  });

  it('reads the scheme of each row from a scheme column, and refuses one that differs from the given scheme', () => {
    const text = 'scheme,code,name\nESCO,a,가\n,b,나\nKSCO-7,c,다\n';
    expect(readTaxonomyCsv(csv(text), 'ESCO').errors).toEqual([
      expect.objectContaining({ field: 'rows.4.scheme', code: 'scheme_mismatch' }),
    ]);
    const mixed = readTaxonomyCsv(csv('scheme,code,name\nESCO,a,가\nKSCO-7,c,다\n'));
    expect(mixed.rows.map((r) => r.scheme)).toEqual(['ESCO', 'KSCO-7']);
    expect(fields(readTaxonomyCsv(csv('scheme,code,name\n,a,가\n')).errors)).toEqual([
      'rows.2.scheme required',
    ]);
  });

  it('reports every bad cell by line and column', () => {
    const text = `code,name,parent_code,aliases\n,이름,,\nx y,이름,,\nok,,,\nok2,${'가'.repeat(201)},,\nok3,이름,bad parent,\nok4,이름,,a;${'b'.repeat(201)}\nok5,이름,,,extra\n`;
    expect(fields(readTaxonomyCsv(csv(text), 'X').errors)).toEqual([
      'rows.2.code required',
      'rows.3.code invalid_format',
      'rows.4.name required',
      'rows.5.name too_big',
      'rows.6.parent_code invalid_format',
      'rows.7.aliases too_big',
      'rows.8 invalid_format',
    ]);
  });

  it('refuses an empty file and a file with a header only', () => {
    expect(fields(readTaxonomyCsv(csv(''), 'X').errors)).toEqual(['file no_rows']);
    expect(fields(readTaxonomyCsv(csv('code,name\n'), 'X').errors)).toEqual(['file no_rows']);
  });
});

describe('planning an import', () => {
  const rowsOf = (name: string) => readTaxonomyCsv(fixture(name), 'ISCO-08').rows;

  it('computes levels from the parent chain, not from the codes', () => {
    const { plan, errors } = planScheme('ISCO-08', rowsOf('isco08-excerpt.csv'), [], 'merge');
    expect(errors).toEqual([]);
    expect(Object.fromEntries(plan.inserts.map((r) => [r.code, r.level]))).toEqual({
      '2': 1,
      '22': 2,
      '222': 3,
      '2221': 4,
      '2222': 4,
      '3': 1,
      '32': 2,
      '322': 3,
      '3221': 4,
    });
    // A code's length says nothing: a short code can sit deep in the chain.
    const odd = readTaxonomyCsv(csv('code,name,parent_code\nLONGROOT,a,\nx,b,LONGROOT\n'), 'X').rows;
    expect(planScheme('X', odd, [], 'merge').plan.inserts.map((r) => r.level)).toEqual([1, 2]);
  });

  it('reports unknown parents, duplicates and cycles, each on its row', () => {
    const { rows } = readTaxonomyCsv(fixture('isco08-bad.csv'), 'ISCO-08');
    const { errors } = planScheme('ISCO-08', rows, [], 'merge');
    expect(errors.map((e) => [e.field, e.code, e.message.en])).toEqual([
      ['rows.5.code', 'duplicate_code', "The code '22' is already on line 3."],
      ['rows.4.parent_code', 'unknown_parent', "The parent code '222' is not in this scheme."],
      ['rows.7.parent_code', 'parent_cycle', 'The parent codes go round in a circle: 8 → 9 → 8'],
      ['rows.8.parent_code', 'parent_cycle', 'The parent codes go round in a circle: 8 → 9 → 8'],
    ]);
  });

  it('merges with what exists: parents may be in the database, unchanged rows are left alone, moved subtrees get new levels', () => {
    const existing: ExistingItem[] = [
      { code: 'A', label: '가', labelEn: null, parentCode: null, level: 1, aliases: [] },
      { code: 'B', label: '나', labelEn: null, parentCode: 'A', level: 2, aliases: [] },
      { code: 'C', label: '다', labelEn: null, parentCode: 'B', level: 3, aliases: [] },
    ];
    const rows = readTaxonomyCsv(csv('code,name,parent_code\nB,나,\nD,라,C\nA,가,\n'), 'X').rows;
    const { plan, errors } = planScheme('X', rows, existing, 'merge');
    expect(errors).toEqual([]);
    expect(plan.inserts.map((r) => [r.code, r.level])).toEqual([['D', 3]]);
    expect(plan.updates.map((r) => [r.code, r.level])).toEqual([['B', 1]]);
    expect(plan.unchanged).toBe(1);
    expect(plan.levelChanges).toEqual([{ code: 'C', level: 2 }]);
    expect(plan.deletions).toEqual([]);
  });

  it('replaces: codes the file lacks are deleted, and parents must be in the file', () => {
    const existing: ExistingItem[] = [
      { code: 'A', label: '가', labelEn: null, parentCode: null, level: 1, aliases: [] },
      { code: 'B', label: '나', labelEn: null, parentCode: 'A', level: 2, aliases: [] },
    ];
    const rows = readTaxonomyCsv(csv('code,name,parent_code\nB,나,\n'), 'X').rows;
    expect(planScheme('X', rows, existing, 'replace').plan).toMatchObject({
      deletions: ['A'],
      updates: [{ code: 'B', level: 1 }],
    });
    const orphan = readTaxonomyCsv(csv('code,name,parent_code\nC,다,A\n'), 'X').rows;
    expect(fields(planScheme('X', orphan, existing, 'replace').errors)).toEqual([
      'rows.2.parent_code unknown_parent',
    ]);
    expect(planScheme('X', orphan, existing, 'merge').errors).toEqual([]);
  });

  it('refuses a merge that would close a cycle through the database', () => {
    const existing: ExistingItem[] = [
      { code: 'A', label: '가', labelEn: null, parentCode: null, level: 1, aliases: [] },
      { code: 'B', label: '나', labelEn: null, parentCode: 'A', level: 2, aliases: [] },
    ];
    const rows = readTaxonomyCsv(csv('code,name,parent_code\nA,가,B\n'), 'X').rows;
    expect(fields(planScheme('X', rows, existing, 'merge').errors)).toEqual([
      'rows.2.parent_code parent_cycle',
    ]);
  });
});
