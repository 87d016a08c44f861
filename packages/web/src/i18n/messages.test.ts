import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ko } from './ko';
import { placeholdersOf, translate } from './messages';

describe('messages', () => {
  it('defines exactly the same keys in Korean and English', () => {
    const koKeys = Object.keys(ko).sort();
    const enKeys = Object.keys(en).sort();
    expect(enKeys).toEqual(koKeys);
    expect(koKeys.length).toBeGreaterThan(100);
  });

  it('leaves no message empty in either language', () => {
    const empty = [
      ...Object.entries(ko).filter(([, text]) => text.trim() === ''),
      ...Object.entries(en).filter(([, text]) => text.trim() === ''),
    ].map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in both languages, so no value goes missing in translation', () => {
    const mismatched = (Object.keys(ko) as (keyof typeof ko)[]).filter(
      (key) => placeholdersOf(ko[key]).join() !== placeholdersOf(en[key]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(translate('ko', 'users.created', { name: '김민지' })).toBe('김민지 사용자를 추가했습니다.');
    expect(translate('en', 'users.created', { name: 'Kim Minji' })).toBe('User Kim Minji added.');
    expect(translate('en', 'common.total', {})).toBe('{total} in total');
    expect(translate('ko', 'footer.copyright', { year: 2026, org: '인천광역시 부평구' })).toBe(
      '© 2026 인천광역시 부평구',
    );
  });

  it('names the skip link as the brief and screen-reader users expect', () => {
    expect(translate('ko', 'a11y.skipToContent')).toBe('본문 바로가기');
  });
});
