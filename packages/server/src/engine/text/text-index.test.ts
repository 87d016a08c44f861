import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CharClass, charClass, INITIALS, initialsOf, normalize } from './normalize.js';
import { parseQuery, type Term } from './terms.js';
import { TextIndex } from './text-index.js';

type Doc = { title: string; description: string };

/**
 * The matching rules, written out plainly over each field's normalised text: the index must
 * agree with this on every query (recall and precision both).
 */
function oracle(doc: Doc, query: string): boolean {
  const terms = parseQuery(query);
  if (terms.length === 0) return false;
  const fields = [doc.title, doc.description].map(normalize);
  return terms.every((t) => fields.some((f) => termOccurs(t, f)));
}

function termOccurs(term: Term, field: string): boolean {
  const isSyllable = (i: number) =>
    i >= 0 && i < field.length && charClass(field.charCodeAt(i)) === CharClass.Syllable;
  const isWordChar = (i: number) =>
    i >= 0 && i < field.length && charClass(field.charCodeAt(i)) === CharClass.Word;
  const positions = (needle: string, hay: string) => {
    const found: number[] = [];
    for (let i = 0; i + needle.length <= hay.length; i++) if (hay.startsWith(needle, i)) found.push(i);
    return found;
  };
  switch (term.kind) {
    case 'phrase':
      return positions(term.text, field).some((p) => {
        if (term.next < 0) return true;
        const after = p + term.text.length;
        return isSyllable(after) && initialsOf(field[after]!) === INITIALS[term.next];
      });
    case 'head':
      return positions(term.text, field).some((p) => !isSyllable(p - 1));
    case 'initials':
      return initialsOf(field).includes(term.text);
    case 'word':
      return positions(term.text, field).some((p) => !isWordChar(p - 1));
  }
}

/** The maximal runs of Hangul syllables in a text. */
function syllableRuns(text: string): string[] {
  return normalize(text).match(/[가-힣]+/g) ?? [];
}

function substrings(run: string, min: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < run.length; i++) for (let j = i + min; j <= run.length; j++) out.push(run.slice(i, j));
  return out;
}

// A small alphabet, so that random documents share syllables and queries hit several of them.
const SYLLABLES = [...'간호사조무가나다시병인요양보'];
const docText = fc.string({
  unit: fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...SYLLABLES) },
    { weight: 2, arbitrary: fc.constantFrom(' ', '·', '-', '(') },
    { weight: 1, arbitrary: fc.constantFrom('a', 'b', 'ab', 'Ｊ', '1', 'ㄱ', '힣', '뀨') },
  ),
  maxLength: 14,
});
const docs = fc.array(fc.record({ title: docText, description: docText }), { minLength: 1, maxLength: 12 });
const queryText = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...SYLLABLES) },
    { weight: 2, arbitrary: fc.constantFrom(...'ㄱㅎㅅㅈㅁ') },
    { weight: 1, arbitrary: fc.constantFrom(' ', 'a', 'b', 'j', '1') },
  ),
  minLength: 1,
  maxLength: 7,
});

function indexOf(list: Doc[]): TextIndex<'title' | 'description'> {
  const index = new TextIndex({ fields: { title: 3, description: 1 } });
  index.setAll(list.map((document, i) => ({ id: i * 3 + 1, document })));
  return index;
}
const idOf = (i: number) => i * 3 + 1;

describe('the text index: properties', () => {
  it('finds a document by every Hangul substring of two or more syllables (100 % recall), and every hit contains it', () => {
    fc.assert(
      fc.property(docs, (list) => {
        const index = indexOf(list);
        list.forEach((doc, i) => {
          for (const run of [...syllableRuns(doc.title), ...syllableRuns(doc.description)]) {
            for (const q of substrings(run, 2)) {
              const hits = index.candidates(q);
              expect(hits).toContain(idOf(i));
              for (const id of hits) {
                const hit = list[(id - 1) / 3]!;
                expect(normalize(hit.title).includes(q) || normalize(hit.description).includes(q)).toBe(true);
              }
            }
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it('finds a document by every 초성 substring of two or more, and every hit has it', () => {
    fc.assert(
      fc.property(docs, (list) => {
        const index = indexOf(list);
        list.forEach((doc, i) => {
          for (const run of [...syllableRuns(doc.title), ...syllableRuns(doc.description)]) {
            for (const q of substrings(initialsOf(run), 2)) {
              const hits = index.candidates(q);
              expect(hits).toContain(idOf(i));
              for (const id of hits) {
                const hit = list[(id - 1) / 3]!;
                const has = [hit.title, hit.description].some((f) => initialsOf(normalize(f)).includes(q));
                expect(has).toBe(true);
              }
            }
          }
        });
      }),
      { numRuns: 150 },
    );
  });

  it('agrees with the plain rules on any query: phrases, heads, 초성, words, several terms', () => {
    fc.assert(
      fc.property(docs, fc.array(queryText, { minLength: 1, maxLength: 10 }), (list, queries) => {
        const index = indexOf(list);
        for (const q of queries) {
          const expected = list.flatMap((d, i) => (oracle(d, q) ? [idOf(i)] : []));
          expect([...index.candidates(q)], q).toEqual(expected);
          const result = index.search(q, { limit: 1000 });
          expect(result.total).toBe(expected.length);
          expect(result.hits.map((h) => h.id).sort((a, b) => a - b)).toEqual(expected);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('stays exact through any sequence of adds, edits and removals', () => {
    const op = fc.oneof(
      fc.record({
        set: fc.integer({ min: 0, max: 15 }),
        doc: fc.record({ title: docText, description: docText }),
      }),
      fc.record({ remove: fc.integer({ min: 0, max: 15 }) }),
    );
    fc.assert(
      fc.property(
        fc.array(op, { maxLength: 40 }),
        fc.array(queryText, { minLength: 1, maxLength: 8 }),
        (ops, queries) => {
          const index = new TextIndex({ fields: { title: 3, description: 1 } });
          const model = new Map<number, Doc>();
          for (const o of ops) {
            if ('set' in o) {
              index.set(o.set, o.doc);
              model.set(o.set, o.doc);
            } else {
              expect(index.remove(o.remove)).toBe(model.delete(o.remove));
            }
          }
          expect(index.size).toBe(model.size);
          // A fresh build of the same documents holds exactly the same keys.
          const rebuilt = new TextIndex({ fields: { title: 3, description: 1 } });
          rebuilt.setAll([...model].map(([id, document]) => ({ id, document })));
          expect(index.stats()).toEqual(rebuilt.stats());
          for (const q of queries) {
            const expected = [...model.keys()]
              .filter((id) => oracle(model.get(id)!, q))
              .sort((a, b) => a - b);
            expect([...index.candidates(q)], q).toEqual(expected);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps the checked lists of common phrases exact through adds, edits and removals', () => {
    // checkedFrom 0: every phrase of five or more syllables is checked once and then kept.
    // Documents are built of a few phrases, their pieces and other syllables, so that writes
    // often add or remove a kept phrase (or only its grams: 간호사조 호사조무).
    const PHRASES = ['간호사조무사', '요양보호사', '조무사', '간호사조 호사조무', '사조무사'];
    const text = fc
      .array(fc.oneof(fc.constantFrom(...PHRASES), fc.constantFrom(...SYLLABLES, ' ')), { maxLength: 5 })
      .map((parts) => parts.join(''));
    const op = fc.oneof(
      fc.record({ set: fc.integer({ min: 0, max: 15 }), doc: fc.record({ title: text, description: text }) }),
      fc.record({ remove: fc.integer({ min: 0, max: 15 }) }),
      fc.record({ query: queryText }),
    );
    const phrase = fc.constantFrom(
      '간호사조무',
      '요양보호사',
      '호사조무사',
      '사조무사',
      '간호사조무사',
      '간호사조무 조무',
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            op,
            phrase.map((query) => ({ query })),
          ),
          { maxLength: 60 },
        ),
        (ops) => {
          const index = new TextIndex({ fields: { title: 3, description: 1 }, checkedFrom: 0 });
          const model = new Map<number, Doc>();
          for (const o of ops) {
            if ('set' in o) {
              index.set(o.set, o.doc);
              model.set(o.set, o.doc);
            } else if ('remove' in o) {
              expect(index.remove(o.remove)).toBe(model.delete(o.remove));
            } else {
              const expected = [...model.keys()]
                .filter((id) => oracle(model.get(id)!, o.query))
                .sort((a, b) => a - b);
              expect([...index.candidates(o.query)], o.query).toEqual(expected);
              expect(index.search(o.query).total, o.query).toBe(expected.length);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps a checked phrase list in step with writes', () => {
    const index = new TextIndex({ fields: { title: 1 }, checkedFrom: 0 });
    index.set(1, { title: '간호조무사' });
    // Both grams of 간호조무사 (간호조무, 호조무사), but not the phrase.
    index.set(2, { title: '간호조무 호조무사' });
    expect([...index.candidates('간호조무사')]).toEqual([1]);
    index.set(3, { title: '간호조무사 모집' });
    index.set(2, { title: '수간호조무사' });
    expect([...index.candidates('간호조무사')]).toEqual([1, 2, 3]);
    index.remove(1);
    index.set(3, { title: '간호조무 모집' });
    expect([...index.candidates('간호조무사')]).toEqual([2]);
    expect([...index.candidates('수간호조무 간호조무사')]).toEqual([2]);
  });

  it('ranks deterministically: score, then shorter text, then smaller id', () => {
    fc.assert(
      fc.property(docs, queryText, (list, q) => {
        const a = indexOf(list).search(q, { limit: 100 });
        const b = indexOf([...list]).search(q, { limit: 100 });
        expect(a).toEqual(b);
        for (let i = 1; i < a.hits.length; i++)
          expect(a.hits[i - 1]!.score).toBeGreaterThanOrEqual(a.hits[i]!.score);
        const page = indexOf(list).search(q, { limit: 2, offset: 1 });
        expect(page.hits).toEqual(a.hits.slice(1, 3));
      }),
    );
  });
});

describe('the text index: examples', () => {
  const occupations = () => {
    const index = new TextIndex({ fields: { label: 3, aliases: 2 } });
    index.setAll([
      { id: 3040, document: { label: '간호사' } },
      { id: 3075, document: { label: '간호조무사' } },
      { id: 5501, document: { label: '요양 보호사 및 간병인', aliases: ['요양보호사', '간병인'] } },
      { id: 1321, document: { label: '시간강사' } },
      { id: 1341, document: { label: 'Java 개발자', aliases: ['JavaScript 개발자', '자바 프로그래머'] } },
    ]);
    return index;
  };
  const ids = (index: TextIndex, q: string) => index.search(q).hits.map((h) => h.id);

  it('finds 간호사 and 간호조무사 by 간호, the shorter first', () => {
    expect(ids(occupations(), '간호')).toEqual([3040, 3075]);
  });

  it('finds them by their 초성', () => {
    expect(ids(occupations(), 'ㄱㅎ')).toEqual([3040, 3075]);
    expect(ids(occupations(), 'ㄱㅎㅈㅁㅅ')).toEqual([3075]);
    expect(ids(occupations(), 'ㄱㅂㅇ')).toEqual([5501]);
  });

  it('follows a syllable being typed: 간ㅎ, 간호ㅈ', () => {
    expect(ids(occupations(), '간ㅎ')).toEqual([3040, 3075]);
    expect(ids(occupations(), '간호ㅈ')).toEqual([3075]);
  });

  it('matches a single syllable at the start of a word only', () => {
    expect(ids(occupations(), '간')).toEqual([3040, 3075, 5501]);
    expect(ids(occupations(), '강')).toEqual([]);
  });

  it('matches substrings inside words and across aliases, never across two aliases', () => {
    expect(ids(occupations(), '조무')).toEqual([3075]);
    expect(ids(occupations(), '보호사')).toEqual([5501]);
    expect(ids(occupations(), '사간')).toEqual([]);
  });

  it('matches English words by prefix, case- and width-insensitively', () => {
    expect(ids(occupations(), 'java')).toEqual([1341]);
    expect(ids(occupations(), 'ＪＡＶ')).toEqual([1341]);
    expect(ids(occupations(), 'script')).toEqual([]);
  });

  it('needs every word of the query', () => {
    expect(ids(occupations(), '요양 간병')).toEqual([5501]);
    expect(ids(occupations(), '간호 요양')).toEqual([]);
    expect(ids(occupations(), 'java 자바')).toEqual([1341]);
  });

  it('matches nothing for an empty query or a lone consonant', () => {
    expect(occupations().search('')).toEqual({ total: 0, hits: [] });
    expect(occupations().search('ㄱ')).toEqual({ total: 0, hits: [] });
  });

  it('ranks a whole word over a word start over the inside of a word, weighted by field', () => {
    const index = new TextIndex({ fields: { title: 3, description: 1 } });
    index.setAll([
      { id: 1, document: { title: '방문간호 인력', description: '' } },
      { id: 2, document: { title: '간호사 모집', description: '' } },
      { id: 3, document: { title: '간호 인력', description: '' } },
      { id: 4, document: { title: '사무원', description: '간호 경력 우대' } },
    ]);
    const hits = index.search('간호').hits;
    expect(hits).toEqual([
      { id: 3, score: 12 },
      { id: 2, score: 6 },
      { id: 4, score: 4 },
      { id: 1, score: 3 },
    ]);
  });

  it('breaks a tie by the shorter first field, then the shorter document, then the smaller id', () => {
    const index = new TextIndex({ fields: { label: 3, aliases: 2 } });
    index.setAll([
      { id: 1, document: { label: '간호 및 조산 전문가' } },
      { id: 2, document: { label: '간호 전문가', aliases: ['간호사', 'registered nurse'] } },
      { id: 3, document: { label: '간호 전문가' } },
      { id: 4, document: { label: '간호 전문가' } },
    ]);
    expect(ids(index, '간호 전문가')).toEqual([3, 4, 2, 1]);
  });

  it('filters before ranking and counts only what passes', () => {
    const result = occupations().search('간', { filter: (id) => id !== 3040 });
    expect(result).toEqual({
      total: 2,
      hits: [
        { id: 3075, score: 6 },
        { id: 5501, score: 6 },
      ],
    });
  });

  it('updates one document in place, and forgets a removed one', () => {
    const index = occupations();
    index.set(3075, { label: '치과위생사' });
    expect(ids(index, '간호')).toEqual([3040]);
    expect(ids(index, '위생')).toEqual([3075]);
    expect(index.remove(3040)).toBe(true);
    expect(index.remove(3040)).toBe(false);
    expect(ids(index, '간호')).toEqual([]);
    expect(index.size).toBe(4);
  });

  it('ranks only the newest matches beyond maxRanked, and still counts them all', () => {
    const index = new TextIndex({ fields: { title: 1 } });
    index.setAll(
      Array.from({ length: 50 }, (_, i) => ({
        id: i + 1,
        document: { title: i === 0 ? '간호' : `간호사 ${i}` },
      })),
    );
    // The oldest document is the best match (a whole word), but it is beyond the newest 10.
    const bounded = index.search('간호', { maxRanked: 10, limit: 3 });
    expect(bounded.total).toBe(50);
    expect(bounded.hits.map((h) => h.id)).toEqual([41, 42, 43]);
    expect(index.search('간호', { limit: 1 }).hits).toEqual([{ id: 1, score: 4 }]);
    // A term that needs the check is still checked beyond the bound: the oldest document holds
    // both bigrams of 간호사, but not the phrase.
    index.set(0, { title: '간호 호사' });
    expect(index.candidates('간호사')).toHaveLength(49);
    expect(index.search('간호사', { maxRanked: 5 }).total).toBe(49);
  });

  it('takes the last of several documents with the same id in a bulk build, in any order', () => {
    const index = new TextIndex({ fields: { title: 1 } });
    index.setAll([
      { id: 9, document: { title: '간호사' } },
      { id: 2, document: { title: '요양보호사' } },
      { id: 9, document: { title: '간호조무사' } },
    ]);
    expect(index.size).toBe(2);
    expect(index.search('간호').hits.map((h) => h.id)).toEqual([9]);
    expect(index.candidates('간호조무')).toEqual(Uint32Array.of(9));
    expect(index.candidates('ㅇㅇ')).toEqual(Uint32Array.of(2));
  });

  it('refuses ids that are not unsigned 32-bit integers, and fields without a positive weight', () => {
    const index = new TextIndex({ fields: { title: 1 } });
    expect(() => index.set(-1, { title: 'x' })).toThrow(RangeError);
    expect(() => index.set(1.5, { title: 'x' })).toThrow(RangeError);
    expect(() => index.set(2 ** 32, { title: 'x' })).toThrow(RangeError);
    expect(() => new TextIndex({ fields: { title: 0 } })).toThrow(RangeError);
    expect(() => new TextIndex({ fields: {} })).toThrow(RangeError);
  });
});
