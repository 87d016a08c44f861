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
} as const satisfies Record<string, Bilingual>;

export type FieldMessageCode = keyof typeof FIELD_MESSAGES;

/** Fills `{name}` placeholders of a bilingual message. */
export function fillMessage(message: Bilingual, params: Record<string, string | number> = {}): Bilingual {
  const fill = (text: string) =>
    text.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
  return { ko: fill(message.ko), en: fill(message.en) };
}
