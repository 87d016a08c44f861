/** One catalogue of errors: a stable code, an HTTP status and a message in Korean and English. */
export const ERRORS = {
  VALIDATION: { status: 400, ko: '입력값을 확인해 주세요.', en: 'Please check the highlighted fields.' },
  BAD_REQUEST: { status: 400, ko: '요청을 처리할 수 없습니다.', en: 'The request could not be processed.' },
  UNAUTHENTICATED: { status: 401, ko: '로그인이 필요합니다.', en: 'Please sign in.' },
  INVALID_CREDENTIALS: {
    status: 401,
    ko: '이메일 또는 비밀번호가 올바르지 않습니다.',
    en: 'The email or password is incorrect.',
  },
  ACCOUNT_LOCKED: {
    status: 423,
    ko: '로그인 시도가 너무 많아 계정이 잠시 잠겼습니다. {minutes}분 후 다시 시도해 주세요.',
    en: 'Too many sign-in attempts: the account is locked. Try again in {minutes} minutes.',
  },
  ACCOUNT_DISABLED: { status: 403, ko: '사용이 중지된 계정입니다.', en: 'This account is disabled.' },
  RATE_LIMITED: {
    status: 429,
    ko: '요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.',
    en: 'Too many requests. Please try again shortly.',
  },
  CSRF: {
    status: 403,
    ko: '보안 토큰이 없거나 만료되었습니다. 페이지를 새로고침해 주세요.',
    en: 'The security token is missing or expired. Please reload the page.',
  },
  FORBIDDEN: { status: 403, ko: '권한이 없습니다.', en: 'You do not have permission to do this.' },
  NOT_FOUND: { status: 404, ko: '찾을 수 없습니다.', en: 'Not found.' },
  EMAIL_TAKEN: { status: 409, ko: '이미 가입된 이메일입니다.', en: 'This email is already registered.' },
  WRONG_PASSWORD: {
    status: 400,
    ko: '현재 비밀번호가 올바르지 않습니다.',
    en: 'The current password is incorrect.',
  },
  CONFLICT: {
    status: 409,
    ko: '다른 사용자가 먼저 변경했습니다. 새로고침 후 다시 시도해 주세요.',
    en: 'Someone else changed this first. Reload and try again.',
  },
  PAYLOAD_TOO_LARGE: { status: 413, ko: '요청이 너무 큽니다.', en: 'The request is too large.' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    ko: '지원하지 않는 형식입니다.',
    en: 'This content type is not supported.',
  },
  PLAN_YEAR_TAKEN: {
    status: 409,
    ko: '이 연도의 계획이 이미 있습니다.',
    en: 'There is already a plan for this year.',
  },
  STRATEGY_NOT_EMPTY: {
    status: 409,
    ko: '세부 사업이 있는 전략은 삭제할 수 없습니다. 사업을 먼저 옮기거나 삭제해 주세요.',
    en: 'A strategy with programs cannot be deleted. Move or delete its programs first.',
  },
  PROGRAM_HAS_RESULTS: {
    status: 409,
    ko: '실적이 보고된 사업은 삭제할 수 없습니다.',
    en: 'A program with reported results cannot be deleted.',
  },
  RESULT_UNDER_REVIEW: {
    status: 409,
    ko: '검토 중인 실적은 수정할 수 없습니다. 반려된 뒤 수정해 주세요.',
    en: 'A result under review cannot be changed. It can be edited once it is returned.',
  },
  RESULT_WRONG_STATE: {
    status: 409,
    ko: '이 실적은 현재 상태에서 그 작업을 할 수 없습니다. 새로고침해 주세요.',
    en: 'This result is not in a state that allows that. Please reload.',
  },
  PLAN_HAS_RESULTS: {
    status: 409,
    ko: '실적이 보고된 계획은 파일로 구조를 바꿀 수 없습니다.',
    en: 'The structure of a plan with reported results cannot be replaced from a file.',
  },
  RESULT_MISSING: {
    status: 409,
    ko: '이 달의 실적을 먼저 저장해 주세요.',
    en: 'Save this month’s result first.',
  },
  EVIDENCE_LOCKED: {
    status: 409,
    ko: '증빙 파일은 작성 중이거나 반려된 실적에만 추가하거나 삭제할 수 있습니다.',
    en: 'Evidence can be added or removed only while the result is a draft or has been returned.',
  },
  // Seekers and privacy (#4, seekers+privacy).
  SEEKER_PROFILE_EXISTS: {
    status: 409,
    ko: '이미 구직 등록이 되어 있습니다. 등록 정보를 수정해 주세요.',
    en: 'You are already registered as a job seeker. Edit your profile instead.',
  },
  SEEKER_CONSENT_WITHDRAWN: {
    status: 410,
    ko: '이 구직자는 취업지원 서비스 동의를 철회하여 프로필을 열람하거나 수정할 수 없습니다.',
    en: 'This seeker withdrew the employment-services consent: the profile can no longer be read or changed.',
  },
  // Imports and exports (#4, imports).
  WORK24_NO_RESULTS: { status: 400, ko: '{ko}', en: '{en}' },
  WORK24_ERROR: { status: 400, ko: '{ko}', en: '{en}' },
  INTERNAL: {
    status: 500,
    ko: '일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.',
    en: 'Something went wrong on our side. Please try again shortly.',
  },
} as const satisfies Record<string, { status: number; ko: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** A message in both languages. */
export interface Bilingual {
  ko: string;
  en: string;
}

/** A field-level error inside a problem document. */
export interface FieldError {
  /** Dotted path of the field, e.g. `password` or `units.0.name`. */
  field: string;
  code: string;
  message: Bilingual;
}

/** RFC 9457 problem details as ilteo sends them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: ErrorCode;
  message: Bilingual;
  errors?: FieldError[];
  requestId?: string;
}
