import type { Bilingual } from './errors.js';

/** Field-level validation messages in both languages, keyed by a stable code. */
export const FIELD_MESSAGES = {
  required: { ko: '필수 항목입니다.', en: 'This field is required.' },
  invalid_type: { ko: '형식이 올바르지 않습니다.', en: 'This value has the wrong type.' },
  too_small: { ko: '{min}자 이상 입력해 주세요.', en: 'Enter at least {min} characters.' },
  too_big: { ko: '{max}자 이하로 입력해 주세요.', en: 'Enter at most {max} characters.' },
  too_small_number: { ko: '{min} 이상이어야 합니다.', en: 'Must be at least {min}.' },
  too_big_number: { ko: '{max} 이하여야 합니다.', en: 'Must be at most {max}.' },
  invalid_email: { ko: '올바른 이메일 주소를 입력해 주세요.', en: 'Enter a valid email address.' },
  invalid_value: { ko: '허용되지 않는 값입니다.', en: 'This value is not allowed.' },
  unknown_field: { ko: '알 수 없는 항목입니다.', en: 'This field is not recognised.' },
  weak_password: {
    ko: '비밀번호는 10자 이상이며 영문자와 숫자를 모두 포함해야 합니다.',
    en: 'Passwords need at least 10 characters, with letters and digits.',
  },
  must_accept: { ko: '동의가 필요합니다.', en: 'You need to agree to continue.' },
  email_taken: { ko: '이미 가입된 이메일입니다.', en: 'This email is already registered.' },
  wrong_password: { ko: '현재 비밀번호가 올바르지 않습니다.', en: 'The current password is incorrect.' },
  phasing_sum: {
    ko: '월별 목표의 합({sum})이 연간 목표({target})와 같아야 합니다.',
    en: 'The monthly targets add up to {sum}; they must equal the annual target ({target}).',
  },
  group_sum: {
    ko: '계층별 값의 합({sum})이 전체({total})보다 클 수 없습니다.',
    en: 'The group figures add up to {sum}, more than the total ({total}).',
  },
  group_not_targeted: {
    ko: '이 사업의 대상 계층이 아닙니다.',
    en: 'This group is not one of the program’s target groups.',
  },
  correction_reason_required: {
    ko: '승인된 실적을 정정하려면 사유를 입력해 주세요.',
    en: 'Correcting an approved result needs a reason.',
  },
  month_not_started: {
    ko: '아직 시작되지 않은 달의 실적은 입력할 수 없습니다.',
    en: 'Results cannot be reported for a month that has not begun.',
  },
  invalid_format: { ko: '형식이 올바르지 않습니다.', en: 'The format is not valid.' },
  file_required: { ko: '파일을 첨부해 주세요.', en: 'Attach a file.' },
  file_too_large: { ko: '파일은 {max} 이하여야 합니다.', en: 'Files must be at most {max}.' },
  file_type_not_allowed: {
    ko: 'PDF, PNG, JPEG, XLSX, DOCX, HWP, HWPX 파일만 올릴 수 있습니다(파일 내용으로 확인합니다).',
    en: 'Only PDF, PNG, JPEG, XLSX, DOCX, HWP and HWPX files can be uploaded (checked by their content).',
  },
  not_xlsx: { ko: 'XLSX(엑셀) 파일이 아닙니다.', en: 'This is not an XLSX (Excel) file.' },
  sheet_missing: { ko: "'{sheet}' 시트가 없습니다.", en: "The sheet '{sheet}' is missing." },
  column_missing: { ko: "'{column}' 열이 없습니다.", en: "The column '{column}' is missing." },
  too_many_rows: { ko: '행이 너무 많습니다(최대 {max}행).', en: 'Too many rows (at most {max}).' },
  not_a_number: { ko: '숫자를 입력해 주세요: {value}', en: 'Enter a number: {value}' },
  not_a_whole_number: {
    ko: '0 이상의 정수를 입력해 주세요: {value}',
    en: 'Enter a whole number of 0 or more: {value}',
  },
  unknown_unit: {
    ko: '알 수 없는 부서 코드입니다: {value} (부서·기관 코드만 쓸 수 있습니다)',
    en: 'Unknown unit code: {value} (only departments and agencies own programs)',
  },
  unknown_key: {
    ko: '알 수 없는 값입니다: {value} (쓸 수 있는 값: {allowed})',
    en: 'Unknown value: {value} (allowed: {allowed})',
  },
  unknown_strategy: {
    ko: "'전략목록' 시트에 없는 전략입니다: {value}",
    en: "This strategy is not on the '전략목록' sheet: {value}",
  },
  unknown_parent: {
    ko: "상위 코드 '{value}'가 이 분류체계에 없습니다.",
    en: "The parent code '{value}' is not in this scheme.",
  },
  parent_cycle: {
    ko: '상위 코드가 순환합니다: {value}',
    en: 'The parent codes go round in a circle: {value}',
  },
  duplicate_code: {
    ko: "코드 '{value}'가 {line}행에 이미 있습니다.",
    en: "The code '{value}' is already on line {line}.",
  },
  scheme_mismatch: {
    ko: "분류체계 '{value}'가 지정한 '{expected}'와 다릅니다.",
    en: "The scheme '{value}' differs from the one given, '{expected}'.",
  },
  no_rows: { ko: '데이터 행이 없습니다.', en: 'The file has no data rows.' },
  invalid_geometry: {
    ko: '도형이 올바르지 않습니다(Polygon 또는 MultiPolygon, 경위도 좌표): {value}',
    en: 'The geometry is not valid (a Polygon or MultiPolygon in longitude/latitude): {value}',
  },
  // Seekers, employers, vacancies (#4).
  all_weights_zero: {
    ko: '가중치 중 하나 이상은 0보다 커야 합니다.',
    en: 'At least one weight must be above zero.',
  },
  invalid_business_number: {
    ko: '사업자등록번호가 올바르지 않습니다(10자리, 검증번호 확인).',
    en: 'This business registration number is not valid (10 digits with a check digit).',
  },
  business_number_taken: {
    ko: '이미 등록된 사업자등록번호입니다.',
    en: 'A company with this business registration number is already registered.',
  },
  invalid_phone: {
    ko: '전화번호 형식이 올바르지 않습니다(예: 010-1234-5678).',
    en: 'Enter a phone number such as 010-1234-5678.',
  },
  below_minimum_wage: {
    ko: '{year}년 최저임금({hourly}원/시간, {type} {minimum}원) 이상이어야 합니다.',
    en: 'Must be at least the {year} minimum wage ({hourly} won an hour, {minimum} won {typeEn}).',
  },
  no_minimum_wage: {
    ko: '{year}년 최저임금이 등록되어 있지 않습니다. 관리자에게 문의해 주세요.',
    en: 'No minimum wage is recorded for {year}. Ask an administrator.',
  },
  unknown_item: { ko: '분류표에 없는 코드입니다: {value}', en: 'Not a code of the classification: {value}' },
  unknown_region: {
    ko: '알 수 없는 지역(동) 코드입니다: {value}',
    en: 'Unknown region (dong) code: {value}',
  },
  closes_before_opens: {
    ko: '마감일은 시작일 이후여야 합니다.',
    en: 'The closing date must be on or after the opening date.',
  },
  sensitive_consent_required: {
    ko: '장애 여부는 민감정보로, 별도 동의가 있어야 기록할 수 있습니다.',
    en: 'Disability is sensitive data: it can only be recorded with the separate consent.',
  },
  invalid_status_change: {
    ko: '{from} 상태에서 {to}(으)로 바꿀 수 없습니다.',
    en: 'The status cannot change from {from} to {to}.',
  },
  // Seekers and privacy (#4, seekers+privacy).
  employment_consent_required: {
    ko: '취업지원 서비스 동의가 있어야 구직 중 상태로 바꿀 수 있습니다.',
    en: 'A seeker can be active only with the employment-services consent.',
  },
  unknown_desk: {
    ko: '담당하는 상담 창구(동 행정복지센터·일자리센터)가 아닙니다.',
    en: 'This is not a counselling desk you serve (community centre or job centre).',
  },
  duplicate_age_group: {
    ko: '같은 연령 계층이 두 번 있습니다: {value}',
    en: 'The same age group appears twice: {value}',
  },
  max_below_min: {
    ko: '최대 나이는 최소 나이({min}) 이상이어야 합니다.',
    en: 'The maximum age must be at least the minimum ({min}).',
  },
  // Imports and exports (#4, imports).
  not_work24_xml: {
    ko: '고용24 OPEN-API의 채용정보 XML(목록 wantedRoot 또는 상세 wantedDtl)이 아닙니다.',
    en: 'This is not a 고용24 OPEN-API vacancy XML (a wantedRoot list or a wantedDtl detail).',
  },
  not_csv_or_xlsx: {
    ko: 'CSV(UTF-8) 또는 XLSX(엑셀) 파일만 가져올 수 있습니다.',
    en: 'Only CSV (UTF-8) and XLSX (Excel) files can be imported.',
  },
  unknown_record: {
    ko: '이 기관에 번호 {value}인 자료가 없습니다(새로 등록하려면 비워 두세요).',
    en: 'There is no record {value} in this organisation (leave it blank to add a new one).',
  },
  unknown_employer: {
    ko: '등록되지 않은 기업입니다: {value} (기업을 먼저 가져오거나 기업ID를 적어 주세요).',
    en: 'Unknown company: {value} (import the company first, or give its ID).',
  },
  duplicate_in_file: {
    ko: '파일의 {line}행과 같은 자료입니다: {value}',
    en: 'The same record as row {line} of the file: {value}',
  },
  invalid_date: {
    ko: '날짜는 YYYY-MM-DD 형식으로 입력해 주세요: {value}',
    en: 'Enter dates as YYYY-MM-DD: {value}',
  },
  invalid_list_item: {
    ko: '목록 항목의 형식이 올바르지 않습니다: {value}',
    en: 'A list item is not in the expected form: {value}',
  },
  not_a_yes_no: {
    ko: '예 또는 아니오로 입력해 주세요: {value}',
    en: 'Enter 예 (yes) or 아니오 (no): {value}',
  },
  work24_wage_unknown: {
    ko: '고용24 공고에 금액이 없어 임금을 0원으로 기록했습니다(면접 후 결정 등).',
    en: 'The 고용24 posting gives no amount: the wage is recorded as 0 won (e.g. decided at interview).',
  },
  work24_below_minimum_wage: {
    ko: '고용24 공고의 임금이 {year}년 최저임금({hourly}원/시간)보다 낮습니다. 공고 그대로 가져왔습니다.',
    en: 'The 고용24 wage is below the {year} minimum wage ({hourly} won an hour); imported as posted.',
  },
  work24_business_number: {
    ko: '고용24의 사업자등록번호({value})가 가려졌거나 올바르지 않아 기업명으로 찾았습니다.',
    en: 'The 고용24 business number ({value}) is masked or invalid: the company was matched by name.',
  },
  work24_occupation: {
    ko: '고용24 직종 {value}에 맞는 KECO-2018 직종이 없어 고용24 직종코드(WORK24)로 기록했습니다.',
    en: '고용24 occupation {value} has no KECO-2018 match: recorded under its 고용24 code (scheme WORK24).',
  },
  work24_missing: {
    ko: '고용24 공고에 {value}이(가) 없어 기본값으로 기록했습니다.',
    en: 'The 고용24 posting has no {value}: the default was recorded.',
  },
  // Employers and vacancies (#4, employers+vacancies).
  employer_not_in_organisation: {
    ko: '이 기관에 등록된 기업이 아닙니다: {value}',
    en: 'This is not a company registered with your organisation: {value}',
  },
} as const satisfies Record<string, Bilingual>;

export type FieldMessageCode = keyof typeof FIELD_MESSAGES;

/** Fills `{name}` placeholders of a bilingual message. */
export function fillMessage(message: Bilingual, params: Record<string, string | number> = {}): Bilingual {
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
  return { ko: fill(message.ko), en: fill(message.en) };
}
