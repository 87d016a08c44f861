import {
  CAREER_REQUIREMENTS,
  DECLARED_GROUPS,
  EDUCATION_LEVELS,
  EMPLOYER_FLAGS,
  EMPLOYER_SIZES,
  EMPLOYMENT_TYPES,
  type FieldError,
  type FieldMessageCode,
  formatBusinessNumber,
  type ImportRowError,
  KSIC_SECTIONS,
  PERSON_GROUPS,
  REGISTRY_LABELS,
  type RegistryExportKind,
  SEEKER_STATUSES,
  SHIFTS,
  VACANCY_SOURCES,
  VACANCY_STATUSES,
  WAGE_TYPES,
} from '@ilteo/shared';
import type { z } from 'zod';
import { fieldError, fieldErrorsFromValidation } from '../../http/errors.js';
import type { Cell, SheetRow } from './tabular.js';

/**
 * The columns of the registry's import and export files. One table per kind says, for each
 * column, its Korean header, the input field it fills and how its text reads and is written, so
 * an export re-imports cleanly. Columns marked `reference` are written for people to read and
 * ignored on import (a label next to a code). Fields starting with `$` are not part of the input
 * schema: the record's ID, the company of a vacancy, 고용24 references, a seeker's consents.
 */

/** The occupation scheme a bare code means; skills likewise. Certificates need their scheme. */
export const DEFAULT_OCCUPATION_SCHEME = 'KECO-2018';
export const DEFAULT_SKILL_SCHEME = 'NCS';
const LIST = ';';

type Labels = Readonly<Record<string, string>>;

type ColumnType =
  | { t: 'text' }
  | { t: 'bizno' }
  | { t: 'int' }
  | { t: 'number' }
  | { t: 'date' }
  | { t: 'bool' }
  | { t: 'enum'; codes: readonly string[]; labels: Labels }
  | { t: 'enumList'; codes: readonly string[]; labels: Labels }
  | { t: 'ref'; scheme: string | null }
  | { t: 'refs'; scheme: string | null }
  | { t: 'careers' };

export interface Column {
  header: string;
  /** What the column holds, in English (docs and the template's second sheet). */
  en: string;
  /** The input path it fills (`wage.amount`, `$id`); errors on this path are shown on this column. */
  field: string;
  type: ColumnType;
  /** Written on export for people to read; ignored on import. */
  reference?: boolean;
  required?: boolean;
}

const text = { t: 'text' } as const;
const int = { t: 'int' } as const;
const number = { t: 'number' } as const;
const date = { t: 'date' } as const;
const bool = { t: 'bool' } as const;
const enumOf = (codes: readonly string[], labels: Labels) => ({ t: 'enum', codes, labels }) as const;
const enumList = (codes: readonly string[], labels: Labels) => ({ t: 'enumList', codes, labels }) as const;
const KSIC_LABELS: Labels = Object.fromEntries(KSIC_SECTIONS.map((s) => [s, s]));
const GENDER_LABELS: Labels = { female: '여', male: '남', other: '기타' };
const SOURCE_LABELS: Labels = { own: '자체', work24: '고용24' };
const L = REGISTRY_LABELS;

const place = (what: string): Column[] => [
  { header: '주소', en: `${what} address`, field: 'place.address', type: text },
  {
    header: '지역체계',
    en: 'region scheme of the dong code (blank: the deployment’s, e.g. KOSTAT-2018)',
    field: 'place.regionScheme',
    type: text,
  },
  { header: '행정동코드', en: 'dong code (GET /api/v1/regions)', field: 'place.dongCode', type: text },
  { header: '위도', en: 'latitude (blank: the dong’s centre)', field: 'place.lat', type: number },
  { header: '경도', en: 'longitude (blank: the dong’s centre)', field: 'place.lon', type: number },
];

const contact = (n: number): Column[] => [
  { header: `담당자${n + 1} 이름`, en: `contact ${n + 1}: name`, field: `contacts.${n}.name`, type: text },
  {
    header: `담당자${n + 1} 직위`,
    en: `contact ${n + 1}: position`,
    field: `contacts.${n}.position`,
    type: text,
  },
  { header: `담당자${n + 1} 전화`, en: `contact ${n + 1}: phone`, field: `contacts.${n}.phone`, type: text },
  {
    header: `담당자${n + 1} 이메일`,
    en: `contact ${n + 1}: email`,
    field: `contacts.${n}.email`,
    type: text,
  },
];

/** How many contact people the employers file carries (the others are kept on update). */
export const FILE_CONTACTS = 2;

export const EMPLOYER_COLUMNS: Column[] = [
  { header: 'ID', en: 'ilteo ID (blank: new, or matched by business number)', field: '$id', type: int },
  {
    header: '사업자등록번호',
    en: 'business registration number, 123-45-67890',
    field: 'businessNumber',
    type: { t: 'bizno' },
    required: true,
  },
  { header: '기업명', en: 'company name', field: 'name', type: text, required: true },
  { header: '대표자', en: 'representative', field: 'representative', type: text, required: true },
  {
    header: '업종(KSIC 대분류)',
    en: 'industry: KSIC section letter A–U',
    field: 'industry',
    type: enumOf(KSIC_SECTIONS, KSIC_LABELS),
    required: true,
  },
  {
    header: '기업규모',
    en: 'size: 5인 미만, 5~49인, 50~299인, 300인 이상',
    field: 'size',
    type: enumOf(EMPLOYER_SIZES, L.size),
    required: true,
  },
  ...place('company'),
  {
    header: '기업구분',
    en: 'flags, separated by ;: 부평산단 입주기업, 사회적경제기업, 강소기업',
    field: 'flags',
    type: enumList(EMPLOYER_FLAGS, L.flag),
  },
  { header: '홈페이지', en: 'homepage URL', field: 'homepage', type: text },
  { header: '기업소개', en: 'description', field: 'description', type: text },
  ...Array.from({ length: FILE_CONTACTS }, (_, n) => contact(n)).flat(),
  {
    header: '인증여부(참고)',
    en: 'verified by staff (read only)',
    field: '$verified',
    type: bool,
    reference: true,
  },
];

export const VACANCY_COLUMNS: Column[] = [
  { header: 'ID', en: 'ilteo ID (blank: new, or matched by 구인인증번호)', field: '$id', type: int },
  { header: '기업ID', en: 'company: ilteo ID (or the business number)', field: '$employerId', type: int },
  {
    header: '사업자등록번호',
    en: 'company: business registration number (or the company ID)',
    field: '$businessNumber',
    type: { t: 'bizno' },
  },
  {
    header: '기업명(참고)',
    en: 'company name (read only)',
    field: '$employerName',
    type: text,
    reference: true,
  },
  { header: '공고제목', en: 'title', field: 'title', type: text, required: true },
  { header: '직무내용', en: 'description', field: 'description', type: text },
  {
    header: '직종코드',
    en: `occupation: code (${DEFAULT_OCCUPATION_SCHEME}) or SCHEME:code`,
    field: 'occupation',
    type: { t: 'ref', scheme: DEFAULT_OCCUPATION_SCHEME },
    required: true,
  },
  {
    header: '직종명(참고)',
    en: 'occupation name (read only)',
    field: '$occupationLabel',
    type: text,
    reference: true,
  },
  {
    header: '필수기술',
    en: `required skills: codes (${DEFAULT_SKILL_SCHEME}) or SCHEME:code, separated by ;`,
    field: 'requiredSkills',
    type: { t: 'refs', scheme: DEFAULT_SKILL_SCHEME },
  },
  {
    header: '우대기술',
    en: 'preferred skills, like required skills',
    field: 'preferredSkills',
    type: { t: 'refs', scheme: DEFAULT_SKILL_SCHEME },
  },
  {
    header: '필수자격증',
    en: 'required certificates: SCHEME:code, separated by ;',
    field: 'requiredCertificates',
    type: { t: 'refs', scheme: null },
  },
  {
    header: '우대자격증',
    en: 'preferred certificates: SCHEME:code, separated by ;',
    field: 'preferredCertificates',
    type: { t: 'refs', scheme: null },
  },
  { header: '학력', en: 'education', field: 'education', type: enumOf(EDUCATION_LEVELS, L.education) },
  {
    header: '경력',
    en: 'career: 신입, 경력, 관계없음',
    field: 'career',
    type: enumOf(CAREER_REQUIREMENTS, L.career),
  },
  { header: '최소경력(개월)', en: 'months of experience asked for', field: 'minCareerMonths', type: int },
  {
    header: '임금형태',
    en: 'wage type: 시급, 일급, 월급, 연봉',
    field: 'wage.type',
    type: enumOf(WAGE_TYPES, L.wageType),
    required: true,
  },
  { header: '임금액', en: 'wage in won', field: 'wage.amount', type: int, required: true },
  { header: '주당근로시간', en: 'hours a week', field: 'weeklyHours', type: number },
  {
    header: '근무형태',
    en: 'shifts: 주간, 저녁, 야간, 교대, 주말 (;)',
    field: 'shifts',
    type: enumList(SHIFTS, L.shift),
  },
  {
    header: '고용형태',
    en: 'employment type (label or code, e.g. permanent)',
    field: 'employmentType',
    type: enumOf(EMPLOYMENT_TYPES, L.employmentType),
    required: true,
  },
  { header: '모집인원', en: 'openings', field: 'openings', type: int },
  ...place('workplace'),
  { header: '시작일', en: 'opens on, YYYY-MM-DD', field: 'opensOn', type: date, required: true },
  { header: '마감일', en: 'closes on, YYYY-MM-DD (blank: 채용시까지)', field: 'closesOn', type: date },
  {
    header: '우대대상',
    en: 'preferred groups (;)',
    field: 'preferredGroups',
    type: enumList(PERSON_GROUPS, L.targetGroup),
  },
  {
    header: '지원대상',
    en: 'only these groups may apply (;); blank: anyone',
    field: 'eligibleGroups',
    type: enumList(PERSON_GROUPS, L.targetGroup),
  },
  {
    header: '상태',
    en: 'status: 작성 중 or 모집 중 (마감, 채용 완료 are kept as they are)',
    field: '$status',
    type: enumOf(VACANCY_STATUSES, L.vacancyStatus),
  },
  { header: '구인인증번호', en: '고용24 구인인증번호 (a 고용24 posting)', field: '$externalId', type: text },
  { header: '고용24 URL', en: 'the posting on 고용24', field: '$externalUrl', type: text },
  {
    header: '출처(참고)',
    en: 'source (read only)',
    field: '$source',
    type: enumOf(VACANCY_SOURCES, SOURCE_LABELS),
    reference: true,
  },
];

export const SEEKER_COLUMNS: Column[] = [
  { header: 'ID', en: 'ilteo ID (blank: a new seeker)', field: '$id', type: int },
  { header: '이름', en: 'name', field: 'name', type: text, required: true },
  { header: '출생연도', en: 'year of birth', field: 'birthYear', type: int, required: true },
  {
    header: '성별',
    en: 'gender: 여, 남, 기타',
    field: 'gender',
    type: enumOf(['female', 'male', 'other'], GENDER_LABELS),
  },
  { header: '휴대전화', en: 'phone', field: 'phone', type: text },
  { header: '이메일', en: 'email', field: 'email', type: text },
  {
    header: '희망직종',
    en: `desired occupations (1–3): codes (${DEFAULT_OCCUPATION_SCHEME}) or SCHEME:code (;)`,
    field: 'desiredOccupations',
    type: { t: 'refs', scheme: DEFAULT_OCCUPATION_SCHEME },
    required: true,
  },
  {
    header: '희망직종명(참고)',
    en: 'desired occupations’ names (read only)',
    field: '$occupationLabels',
    type: text,
    reference: true,
  },
  {
    header: '보유기술',
    en: 'skills (;)',
    field: 'skills',
    type: { t: 'refs', scheme: DEFAULT_SKILL_SCHEME },
  },
  {
    header: '자격증',
    en: 'certificates: SCHEME:code (;)',
    field: 'certificates',
    type: { t: 'refs', scheme: null },
  },
  { header: '학력', en: 'education', field: 'education', type: enumOf(EDUCATION_LEVELS, L.education) },
  {
    header: '경력사항',
    en: 'careers: occupation/months/company (;), e.g. 8511/24/부평정밀',
    field: 'careers',
    type: { t: 'careers' },
  },
  {
    header: '희망임금형태',
    en: 'desired wage type',
    field: 'desiredWage.type',
    type: enumOf(WAGE_TYPES, L.wageType),
  },
  { header: '희망임금액', en: 'desired wage in won', field: 'desiredWage.amount', type: int },
  { header: '희망임금 고수', en: 'will not take less (예/아니오)', field: 'wageFirm', type: bool },
  { header: '주당희망근로시간', en: 'hours a week', field: 'weeklyHours', type: int },
  { header: '근무형태', en: 'shifts (;)', field: 'shifts', type: enumList(SHIFTS, L.shift) },
  {
    header: '희망고용형태',
    en: 'employment types (;)',
    field: 'employmentTypes',
    type: enumList(EMPLOYMENT_TYPES, L.employmentType),
  },
  { header: '거주 행정동코드', en: 'home dong code', field: 'homeDongCode', type: text },
  { header: '통근가능거리(km)', en: 'commute limit, km', field: 'commuteKm', type: number },
  { header: '취업가능일', en: 'available from, YYYY-MM-DD', field: 'availableFrom', type: date },
  {
    header: '대상계층',
    en: 'declared groups (;): 경력단절여성, 장애인 (needs 민감정보 동의), 취업취약계층, 자활참여자',
    field: 'groups',
    type: enumList(DECLARED_GROUPS, L.targetGroup),
  },
  {
    header: '취업지원서비스 동의',
    en: 'consent to employment services (예, required for a new seeker)',
    field: '$consents.employment_services',
    type: bool,
  },
  {
    header: '추천 동의',
    en: 'consent to be recommended to employers',
    field: '$consents.recommendation',
    type: bool,
  },
  { header: '민감정보 동의', en: 'consent to record disability', field: '$consents.sensitive', type: bool },
  {
    header: '상태(참고)',
    en: 'status (read only)',
    field: '$status',
    type: enumOf(SEEKER_STATUSES, L.seekerStatus),
    reference: true,
  },
];

export const COLUMNS: Record<RegistryExportKind, Column[]> = {
  seekers: SEEKER_COLUMNS,
  employers: EMPLOYER_COLUMNS,
  vacancies: VACANCY_COLUMNS,
};

/** The sheet name of each kind's workbook. */
export const SHEET_NAMES: Record<RegistryExportKind, string> = {
  seekers: '구직자',
  employers: '기업',
  vacancies: '구인공고',
};

/* Reading. */

type Draft = Record<string, unknown>;

/** Sets `a.b.0.c` in a nested object, making arrays for numeric segments. */
function setPath(target: Draft, path: string, value: unknown): void {
  const parts = path.split('.');
  let node: Record<string, unknown> | unknown[] = target;
  parts.forEach((part, i) => {
    const key = /^\d+$/.test(part) ? Number(part) : part;
    if (i === parts.length - 1) {
      (node as Record<string | number, unknown>)[key] = value;
      return;
    }
    const next = (node as Record<string | number, unknown>)[key];
    if (next === undefined) {
      const created = /^\d+$/.test(parts[i + 1]!) ? [] : {};
      (node as Record<string | number, unknown>)[key] = created;
      node = created;
    } else node = next as Record<string, unknown>;
  });
}

/** Reads `a.b.0.c` of a nested object. */
export function getPath(source: unknown, path: string): unknown {
  let node = source;
  for (const part of path.split('.')) {
    if (node === null || node === undefined || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function normalised(s: string): string {
  return s.replace(/\s+/g, '').toLowerCase();
}

type Read = { value: unknown } | { error: FieldMessageCode; params?: Record<string, string | number> };

function readEnum(cell: string, codes: readonly string[], labels: Labels): Read {
  const wanted = normalised(cell);
  const code =
    codes.find((c) => normalised(c) === wanted) ??
    codes.find((c) => labels[c] !== undefined && normalised(labels[c]!) === wanted);
  if (code !== undefined) return { value: code };
  const allowed = codes.map((c) => labels[c] ?? c).join(', ');
  return { error: 'unknown_key', params: { value: cell, allowed } };
}

function splitList(cell: string): string[] {
  return cell
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function readRef(item: string, scheme: string | null): Read {
  const m = /^(?:([A-Za-z0-9][A-Za-z0-9._-]{0,39}):)?(\S+)$/.exec(item.trim());
  if (!m || (!m[1] && !scheme)) return { error: 'invalid_list_item', params: { value: item } };
  return { value: { scheme: m[1] ?? scheme, code: m[2] } };
}

const YES = ['예', 'y', 'yes', 'true', '1', 'o', '동의', '네'];
const NO = ['아니오', '아니요', 'n', 'no', 'false', '0', 'x', '미동의'];

/** One cell's text as the value of its column's field. */
export function readCell(type: ColumnType, raw: string): Read {
  const cell = raw.trim();
  switch (type.t) {
    case 'text':
    case 'bizno':
      return { value: cell };
    case 'int':
    case 'number': {
      const plain = cell.replaceAll(',', '');
      if (!/^[-+]?\d+(\.\d+)?$/.test(plain)) return { error: 'not_a_number', params: { value: cell } };
      const n = Number(plain);
      if (type.t === 'int' && !Number.isInteger(n))
        return { error: 'not_a_whole_number', params: { value: cell } };
      return { value: n };
    }
    case 'date': {
      const m = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?$/.exec(cell);
      const iso = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null;
      const ok = iso && new Date(`${iso}T00:00:00Z`).toISOString().slice(0, 10) === iso;
      return ok ? { value: iso } : { error: 'invalid_date', params: { value: cell } };
    }
    case 'bool': {
      const v = normalised(cell);
      if (YES.includes(v)) return { value: true };
      if (NO.includes(v)) return { value: false };
      return { error: 'not_a_yes_no', params: { value: cell } };
    }
    case 'enum':
      return readEnum(cell, type.codes, type.labels);
    case 'enumList': {
      const values: string[] = [];
      for (const item of splitList(cell)) {
        const r = readEnum(item, type.codes, type.labels);
        if ('error' in r) return r;
        if (!values.includes(r.value as string)) values.push(r.value as string);
      }
      return { value: values };
    }
    case 'ref':
      return readRef(cell, type.scheme);
    case 'refs': {
      const values: unknown[] = [];
      for (const item of splitList(cell)) {
        const r = readRef(item, type.scheme);
        if ('error' in r) return r;
        values.push(r.value);
      }
      return { value: values };
    }
    case 'careers': {
      const values: unknown[] = [];
      for (const item of splitList(cell)) {
        const [ref, months, ...company] = item.split('/').map((s) => s.trim());
        const occupation = readRef(ref ?? '', DEFAULT_OCCUPATION_SCHEME);
        const n = Number((months ?? '').replace(/개월$/, ''));
        if ('error' in occupation || !Number.isInteger(n)) {
          return { error: 'invalid_list_item', params: { value: item } };
        }
        const name = company.join('/');
        values.push({ occupation: occupation.value, months: n, ...(name ? { company: name } : {}) });
      }
      return { value: values };
    }
  }
}

/** A file's row read into an input draft (input fields and `$` fields), with the cells' errors. */
export interface ReadRow {
  row: number;
  draft: Draft;
  errors: ImportRowError[];
}

/**
 * Matches a file's header to the columns (unknown headers are ignored, reference columns too) and
 * reads every row. A required column missing from the header is one error for the file.
 */
export function readRows(
  columns: Column[],
  headers: string[],
  rows: SheetRow[],
): { rows: ReadRow[]; missing: FieldError[] } {
  const index = new Map(headers.map((h, i) => [normalised(h), i] as const));
  const used = columns
    .filter((c) => !c.reference)
    .map((c) => ({ column: c, at: index.get(normalised(c.header)) }));
  const missing = used
    .filter((u) => u.at === undefined && u.column.required)
    .map((u) => fieldError('file', 'column_missing', { column: u.column.header }));
  return {
    missing,
    rows: rows.map(({ row, cells }) => {
      const draft: Draft = {};
      const errors: ImportRowError[] = [];
      for (const { column, at } of used) {
        if (at === undefined) continue;
        const cell = cells[at] ?? '';
        if (cell.trim() === '') continue;
        const read = readCell(column.type, cell);
        if ('error' in read) {
          errors.push({ ...fieldError(column.field, read.error, read.params), column: column.header });
        } else setPath(draft, column.field, read.value);
      }
      return { row, draft, errors };
    }),
  };
}

/** The part of a draft that is the input schema's (without the `$` fields). */
export function inputOf(draft: Draft): Draft {
  return Object.fromEntries(Object.entries(draft).filter(([k]) => !k.startsWith('$')));
}

/** The column an error's field belongs to: the one whose field is the longest prefix of it. */
export function columnFor(columns: Column[], field: string): string | null {
  let best: Column | null = null;
  for (const c of columns) {
    if (c.reference) continue;
    if (field === c.field || field.startsWith(`${c.field}.`)) {
      if (!best || c.field.length > best.field.length) best = c;
    }
  }
  // `contacts.0` (a contact as a whole) belongs to its first column.
  if (!best) best = columns.find((c) => !c.reference && c.field.startsWith(`${field}.`)) ?? null;
  return best?.header ?? null;
}

/** Field errors of a zod failure, as the API reports them. */
export function zodErrors(error: z.ZodError, prefix = ''): FieldError[] {
  return fieldErrorsFromValidation(
    error.issues.map((i) => ({
      keyword: i.code,
      message: i.message,
      instancePath: `/${[...(prefix ? [prefix] : []), ...i.path.map(String)].join('/')}`,
      params: { ...i } as Record<string, unknown>,
    })),
  );
}

/** Field errors of a row, located on their columns. */
export function onColumns(columns: Column[], errors: FieldError[]): ImportRowError[] {
  return errors.map((e) => ({ ...e, column: columnFor(columns, e.field) }));
}

/* Writing. */

function refText(ref: { scheme: string; code: string }, scheme: string | null): string {
  return ref.scheme === scheme ? ref.code : `${ref.scheme}:${ref.code}`;
}

/** A field's value as its column writes it. */
export function writeCell(type: ColumnType, value: unknown): Cell {
  if (value === undefined || value === null || value === '') return null;
  switch (type.t) {
    case 'text':
    case 'date':
      return String(value);
    case 'bizno':
      return /^\d{10}$/.test(String(value)) ? formatBusinessNumber(String(value)) : String(value);
    case 'int':
    case 'number':
      return typeof value === 'number' ? value : Number(value);
    case 'bool':
      return value ? '예' : '아니오';
    case 'enum':
      return type.labels[String(value)] ?? String(value);
    case 'enumList': {
      const list = value as string[];
      return list.length ? list.map((v) => type.labels[v] ?? v).join(`${LIST} `) : null;
    }
    case 'ref':
      return refText(value as { scheme: string; code: string }, type.scheme);
    case 'refs': {
      const list = value as { scheme: string; code: string }[];
      return list.length ? list.map((r) => refText(r, type.scheme)).join(`${LIST} `) : null;
    }
    case 'careers': {
      const list = value as {
        occupation: { scheme: string; code: string };
        months: number;
        company?: string | null;
      }[];
      return list.length
        ? list
            .map(
              (c) =>
                `${refText(c.occupation, DEFAULT_OCCUPATION_SCHEME)}/${c.months}${c.company ? `/${c.company}` : ''}`,
            )
            .join(`${LIST} `)
        : null;
    }
  }
}

/** The cells of one exported record, in the columns' order. */
export function writeRow(columns: Column[], record: Draft): Cell[] {
  return columns.map((c) => writeCell(c.type, getPath(record, c.field)));
}
