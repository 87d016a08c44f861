import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CharClass, charClass, INITIALS, initialsOf, normalize } from './normalize.js';
import { parseQuery } from './terms.js';

describe('normalisation', () => {
  it('turns full-width letters, digits and signs into ASCII, and lower-cases Latin', () => {
    expect(normalize('ＪＡＶＡ　개발자（３년）')).toBe('java 개발자(3년)');
    expect(normalize('Java Developer')).toBe('java developer');
  });

  it('composes decomposed Hangul (NFD from macOS file names) into syllables', () => {
    const decomposed = '간호사'.normalize('NFD');
    expect(decomposed).toHaveLength(7);
    expect(normalize(decomposed)).toBe('간호사');
  });

  it('keeps compatibility jamo, so a 초성 query survives', () => {
    expect(normalize('ㄱㅎㅅ')).toBe('ㄱㅎㅅ');
  });

  it('collapses whitespace and control characters and trims', () => {
    expect(normalize('  요양\t보호사\n\n및\u0000간병인  ')).toBe('요양 보호사 및 간병인');
  });

  it('is idempotent on Korean and ASCII text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'가나다간호사ＡＢａ１ ㄱㅎ\t·-'.split('')) }), (s) => {
        expect(normalize(normalize(s))).toBe(normalize(s));
      }),
    );
  });
});

describe('initial consonants (초성)', () => {
  it('maps each syllable to its initial, including the double consonants', () => {
    expect(initialsOf('간호사')).toBe('ㄱㅎㅅ');
    expect(initialsOf('까치 따라 빠른 싸움 짜장')).toBe('ㄲㅊ ㄸㄹ ㅃㄹ ㅆㅇ ㅉㅈ');
    expect(initialsOf('힣')).toBe('ㅎ');
    expect(initialsOf('가')).toBe('ㄱ');
  });

  it('keeps positions: anything that is not a syllable becomes a space', () => {
    expect(initialsOf('IT기획자 2명')).toBe('  ㄱㅎㅈ  ㅁ');
    expect(initialsOf('ㄱㅎ')).toBe('  ');
  });

  it('knows the 19 initials in Unicode order', () => {
    expect([...INITIALS]).toHaveLength(19);
    for (let i = 0; i < 19; i++) expect(initialsOf(String.fromCharCode(0xac00 + i * 588))).toBe(INITIALS[i]);
  });
});

describe('character classes', () => {
  it('tells syllables, initials, other letters and separators apart', () => {
    const classOf = (c: string) => charClass(c.charCodeAt(0));
    expect(classOf('간')).toBe(CharClass.Syllable);
    expect(classOf('ㄲ')).toBe(CharClass.Initial);
    expect(classOf('ㅏ')).toBe(CharClass.Separator);
    expect(classOf('ㄳ')).toBe(CharClass.Separator);
    expect(classOf('a')).toBe(CharClass.Word);
    expect(classOf('7')).toBe(CharClass.Word);
    expect(classOf('漢')).toBe(CharClass.Word);
    expect(classOf('·')).toBe(CharClass.Separator);
    expect(classOf(' ')).toBe(CharClass.Separator);
  });
});

describe('queries', () => {
  it('cut into Hangul runs, words and 초성, without repeats', () => {
    expect(parseQuery('IT기획자  java java')).toEqual([
      { kind: 'word', text: 'it' },
      { kind: 'phrase', text: '기획자', next: -1 },
      { kind: 'word', text: 'java' },
    ]);
    expect(parseQuery('ㄱㅎ 간')).toEqual([
      { kind: 'initials', text: 'ㄱㅎ' },
      { kind: 'head', text: '간' },
    ]);
  });

  it('read a consonant typed after syllables as the start of the next syllable', () => {
    expect(parseQuery('간ㅎ')).toEqual([{ kind: 'phrase', text: '간', next: INITIALS.indexOf('ㅎ') }]);
    expect(parseQuery('간호ㅈ')).toEqual([{ kind: 'phrase', text: '간호', next: INITIALS.indexOf('ㅈ') }]);
    expect(parseQuery('간 ㅎ')).toEqual([{ kind: 'head', text: '간' }]);
  });

  it('drop what narrows nothing: punctuation, a lone consonant, vowels', () => {
    expect(parseQuery('')).toEqual([]);
    expect(parseQuery(' · - ')).toEqual([]);
    expect(parseQuery('ㄱ')).toEqual([]);
    expect(parseQuery('ㅏㅓ')).toEqual([]);
  });
});
