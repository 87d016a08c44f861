/**
 * Text normalisation and character classes shared by indexing and querying: both sides must see
 * the same characters, or recall breaks.
 */

/** Anything but printable ASCII without capitals, syllables, initials, or single inner spaces. */
const NEEDS_WORK = /[^ !-@[-~\uac00-\ud7a3\u3131-\u314e]|^ | $| {2}/;

/**
 * The normal form every indexed text and every query goes through: full-width ASCII (Ａ, １, ＆)
 * becomes ASCII and the ideographic space a space, letters are lower-cased, the text is composed
 * (NFC: decomposed Hangul from macOS file names or old systems becomes syllables), and runs of
 * whitespace and control characters become one space.
 *
 * Not NFKC: it would turn compatibility jamo (ㄱ, the letters of a 초성 query) into conjoining jamo
 * and rewrite circled digits and ㈜; the full-width mapping is the part of NFKC users need here.
 */
export function normalize(text: string): string {
  // Most text is already normal (lower-case ASCII, syllables, single spaces): skip the work.
  if (!NEEDS_WORK.test(text)) return text;
  const halfWidth = text.replace(/[\uff01-\uff5e\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
  return halfWidth
    .toLowerCase()
    .normalize('NFC')
    .replace(/[\s\p{Cc}]+/gu, ' ')
    .trim();
}

/** A character's role in tokenisation. */
export const CharClass = {
  /** Spaces, punctuation (including ·), symbols, vowel and final-cluster jamo, astral characters. */
  Separator: 0,
  /** A precomposed Hangul syllable, 가 … 힣. */
  Syllable: 1,
  /** A compatibility consonant that can begin a syllable: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ. */
  Initial: 2,
  /** Any other letter or digit (Latin, digits, Hanja, …): part of a word. */
  Word: 3,
} as const;
export type CharClass = (typeof CharClass)[keyof typeof CharClass];

export const SYLLABLE_FIRST = 0xac00;
export const SYLLABLE_COUNT = 11172;
/** Syllables per initial consonant: 21 vowels × 28 finals. */
const SYLLABLES_PER_INITIAL = 588;

/** The 19 initial consonants in Unicode syllable order, as compatibility jamo. */
export const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';

const INITIAL_INDEX = new Map([...INITIALS].map((c, i) => [c.charCodeAt(0), i]));

/** One class per UTF-16 code unit, computed once (64 KiB): tokenising is then a table lookup. */
const CLASSES = (() => {
  const table = new Uint8Array(0x10000);
  const letterOrDigit = /[\p{L}\p{N}]/u;
  for (let code = 0; code < 0x10000; code++) {
    const isJamo =
      (code >= 0x1100 && code <= 0x11ff) ||
      (code >= 0x3130 && code <= 0x318f) ||
      (code >= 0xa960 && code <= 0xa97f) ||
      (code >= 0xd7b0 && code <= 0xd7ff);
    const isSurrogate = code >= 0xd800 && code <= 0xdfff;
    if (code >= SYLLABLE_FIRST && code < SYLLABLE_FIRST + SYLLABLE_COUNT) table[code] = CharClass.Syllable;
    else if (INITIAL_INDEX.has(code)) table[code] = CharClass.Initial;
    else if (!isJamo && !isSurrogate && letterOrDigit.test(String.fromCharCode(code)))
      table[code] = CharClass.Word;
  }
  return table;
})();

/** The class of a UTF-16 code unit. */
export function charClass(code: number): CharClass {
  return CLASSES[code] as CharClass;
}

/** The index (0–18) of a syllable's initial consonant; the caller passes a syllable. */
export function initialIndexOfSyllable(code: number): number {
  return Math.floor((code - SYLLABLE_FIRST) / SYLLABLES_PER_INITIAL);
}

/** The index (0–18) of an initial-consonant jamo, or -1. */
export function initialIndexOfJamo(code: number): number {
  return INITIAL_INDEX.get(code) ?? -1;
}

/** The first and one-past-last syllable codes whose initial is the given one. */
export function syllablesWithInitial(initial: number): [number, number] {
  const first = SYLLABLE_FIRST + initial * SYLLABLES_PER_INITIAL;
  return [first, first + SYLLABLES_PER_INITIAL];
}

/**
 * The 초성 (initial consonants) of a text, position for position: every syllable becomes its
 * initial jamo, every other character a space, so `간호사 2명` → `ㄱㅎㅅ   `. Keeping the length
 * lets a match in the 초성 string be located in the text (field, word boundaries).
 */
export function initialsOf(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += CLASSES[code] === CharClass.Syllable ? INITIALS[initialIndexOfSyllable(code)] : ' ';
  }
  return out;
}
