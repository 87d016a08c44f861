import {
  CharClass,
  charClass,
  initialIndexOfJamo,
  initialIndexOfSyllable,
  normalize,
  SYLLABLE_COUNT,
  SYLLABLE_FIRST,
} from './normalize.js';

/**
 * What a text is indexed under and what a query asks for. A text is cut into runs of one class:
 * Hangul syllable runs (`간호사`), words of other letters and digits (`java`, `2`), and separators
 * between them. `IT기획자` is the word `it` and the run `기획자`.
 */

/*
 * Hangul keys share one numeric space (all below 2^27, so V8 keeps them as small integers):
 * adjacent syllable pairs (bigrams), then the first syllable of each run (heads: single-syllable
 * queries match word starts), then adjacent initial-consonant pairs (초성 bigrams).
 */
const HEAD_BASE = SYLLABLE_COUNT * SYLLABLE_COUNT;
const INITIAL_PAIR_BASE = HEAD_BASE + SYLLABLE_COUNT;

/** The key of two adjacent syllables. */
export function bigramKey(first: number, second: number): number {
  return (first - SYLLABLE_FIRST) * SYLLABLE_COUNT + (second - SYLLABLE_FIRST);
}

/** The key of a run that begins with this syllable. */
export function headKey(syllable: number): number {
  return HEAD_BASE + syllable - SYLLABLE_FIRST;
}

/** The key of two adjacent initial consonants, by their indexes (0–18). */
export function initialPairKey(first: number, second: number): number {
  return INITIAL_PAIR_BASE + first * 19 + second;
}

/**
 * The longest run of syllables indexed as it is (a gram): phrases up to this long are found
 * exactly by their postings, longer ones by their grams and a check of the text. Most Korean
 * words people search by are two to four syllables (간호, 조리사, 요양보호 …).
 */
export const MAX_GRAM = 4;

/**
 * Calls back with every key a normalised text is indexed under (a key may repeat): numeric
 * Hangul keys; runs of three and four syllables (grams), as the end and length of the run
 * (`text.slice(end - length, end)`: a string, as four syllables hold more than the 53 bits a
 * number keeps exact; the caller slices only when it needs to); and words of other letters and
 * digits, whole (queries match them by prefix).
 */
export function forEachKey(
  text: string,
  onKey: (key: number) => void,
  onWord: (word: string) => void,
  onGram: (end: number, length: number) => void,
): void {
  let wordStart = -1;
  let previous = -1;
  /** Syllables in the current run so far. */
  let run = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0;
    const cls = i < text.length ? charClass(code) : CharClass.Separator;
    if (cls === CharClass.Syllable) {
      if (previous === -1) onKey(headKey(code));
      else {
        onKey(bigramKey(previous, code));
        onKey(initialPairKey(initialIndexOfSyllable(previous), initialIndexOfSyllable(code)));
      }
      run++;
      for (let n = 3; n <= MAX_GRAM && n <= run; n++) onGram(i + 1, n);
      previous = code;
    } else {
      previous = -1;
      run = 0;
    }
    if (cls === CharClass.Word) {
      if (wordStart === -1) wordStart = i;
    } else if (wordStart !== -1) {
      onWord(text.slice(wordStart, i));
      wordStart = -1;
    }
  }
}

/** The keys of a normalised text, each once. */
export interface DocumentKeys {
  keys: Set<number>;
  words: Set<string>;
  grams: Set<string>;
}

/** The keys of a normalised text, each once. */
export function documentKeys(text: string): DocumentKeys {
  const found: DocumentKeys = { keys: new Set(), words: new Set(), grams: new Set() };
  forEachKey(
    text,
    (k) => found.keys.add(k),
    (w) => found.words.add(w),
    (end, length) => found.grams.add(text.slice(end - length, end)),
  );
  return found;
}

/** One part of a query; every part must match (AND). */
export type Term =
  /**
   * Hangul matched anywhere (a substring): two or more syllables, or one syllable followed by the
   * initial consonant the user is still typing (`간ㅎ` while typing 간호). `next` is the index
   * (0–18) of that trailing initial, or -1.
   */
  | { kind: 'phrase'; text: string; next: number }
  /** One syllable: matches runs that begin with it (`간` → 간호사, 간병인; not 시간). */
  | { kind: 'head'; text: string }
  /** Two or more initial consonants: matches runs whose 초성 contain them (`ㄱㅎ` → 간호사). */
  | { kind: 'initials'; text: string }
  /** A word of other letters or digits: matches words that begin with it (`jav` → java). */
  | { kind: 'word'; text: string };

/**
 * The terms of a query, without repeats. A lone initial consonant (`ㄱ`) is dropped: it narrows
 * nothing and is usually a syllable still being typed.
 */
export function parseQuery(query: string): Term[] {
  const text = normalize(query);
  const runs: { cls: CharClass; text: string; end: number }[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    const cls = charClass(text.charCodeAt(start));
    if (i === text.length || charClass(text.charCodeAt(i)) !== cls) {
      if (cls !== CharClass.Separator) runs.push({ cls, text: text.slice(start, i), end: i });
      start = i;
    }
  }
  const terms: Term[] = [];
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    const after = runs[r + 1];
    if (run.cls === CharClass.Syllable) {
      // A single initial right after the syllables is the start of the next syllable.
      const trailing =
        after?.cls === CharClass.Initial && after.text.length === 1 && after.end === run.end + 1;
      if (trailing) {
        terms.push({ kind: 'phrase', text: run.text, next: initialIndexOfJamo(after.text.charCodeAt(0)) });
        r++;
      } else if (run.text.length === 1) terms.push({ kind: 'head', text: run.text });
      else terms.push({ kind: 'phrase', text: run.text, next: -1 });
    } else if (run.cls === CharClass.Initial) {
      if (run.text.length >= 2) terms.push({ kind: 'initials', text: run.text });
    } else terms.push({ kind: 'word', text: run.text });
  }
  const seen = new Set<string>();
  return terms.filter((t) => {
    const key = `${t.kind}:${t.text}:${t.kind === 'phrase' ? t.next : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
