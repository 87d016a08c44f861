/**
 * The consents a person gives at sign-up. Each has a purpose and a version; changing the text
 * means a new version, and the record says which one the person agreed to.
 */
export const SIGN_UP_CONSENTS = [
  {
    purpose: 'terms',
    version: '2026-11-01',
    ko: '일터 이용약관',
    en: 'ilteo terms of use',
  },
  {
    purpose: 'privacy.required',
    version: '2026-11-01',
    ko: '개인정보 수집·이용(필수) — 목적: 취업지원 서비스 제공 및 구인·구직 연계, 항목: 이메일·이름, 보유기간: 회원 탈퇴 시까지',
    en: 'Collection and use of personal data (required) — purpose: employment services and job matching; items: email, name; kept until the account is deleted',
  },
] as const;
