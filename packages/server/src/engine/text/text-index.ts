import { IntMap } from './int-map.js';
import {
  CharClass,
  charClass,
  initialIndexOfJamo,
  initialIndexOfSyllable,
  normalize,
  SYLLABLE_COUNT,
  SYLLABLE_FIRST,
  syllablesWithInitial,
} from './normalize.js';
import { EMPTY, intersectAll, PostingStore, union } from './postings.js';
import {
  bigramKey,
  type DocumentKeys,
  documentKeys,
  forEachKey,
  headKey,
  initialPairKey,
  MAX_GRAM,
  parseQuery,
  type Term,
} from './terms.js';

/**
 * An in-memory full-text index for Korean and English, over documents with weighted fields.
 *
 * Matching (every term of a query must match; see terms.ts for how a query is cut into terms):
 * - two or more Hangul syllables match anywhere, with 100 % recall and no false positives: two
 *   syllables by their bigram's postings, three or four by their gram's (terms.ts); five or more
 *   by intersecting the postings of their grams of four, then checking each candidate's
 *   normalised text for the whole substring;
 * - one syllable matches the start of a run (`간` → 간호사, not 시간): a two-syllable word is
 *   already a useful query, a one-syllable substring is not;
 * - initial consonants (`ㄱㅎ`) match runs whose 초성 contain them, by 초성 bigrams likewise;
 * - other words (English, digits) match words that begin with them;
 * - a query with no term left (empty, punctuation, one lone consonant) matches nothing: callers
 *   list without a text query instead.
 *
 * Ranking: each term scores its best occurrence as the field's weight × 4 for a whole word,
 * × 2 for a word's start, × 1 elsewhere; a document's score is the sum over terms. Ties go to the
 * shorter first field (the title or label: a shorter one is a more specific match, whatever
 * aliases or description follow), then the shorter document, then the smaller id, so the order
 * is fully deterministic.
 *
 * Ids are the caller's (database ids: unsigned 32-bit integers), and every list this index
 * returns is sorted by id, so it intersects directly with other engine structures keyed by the
 * same ids (facets, filters, region cells).
 *
 * Memory per document, measured (heap + array buffers, after a bulk build) with a million
 * synthetic vacancy-like documents of three fields — title, company, occupation — averaging 44
 * characters and 36 distinct keys, before grams were indexed: about 540 bytes. That is the
 * normalised text (2 bytes a character: Korean makes V8 strings two-byte) with its Map entry,
 * 4 bytes per key in the postings, and for each distinct key in the whole index about 30 bytes
 * (hash slot and list record). A long text costs about 7 bytes a character more (2 of text,
 * ~1.3 keys × 4; grams add about a fifth, see docs/search.md), so a million 1,000-character
 * descriptions would need 7–8 GB: index a title and a short summary, not whole descriptions. On
 * a shared 2-core machine under load, the same million built in 12–30 s, took 1–8 ms per write
 * (a bulk build packs the lists, so the first writes move the ones they touch), and answered
 * every query tried in under 50 ms — "모집", in every document, in about 15 ms thanks to
 * `maxRanked`.
 */
export class TextIndex<F extends string = string> {
  private readonly fieldNames: F[];
  private readonly weights: number[];
  private readonly maxWeight: number;
  /**
   * Normalised text of each document: its fields in declaration order, joined by U+0000. Dense
   * ids (the engine's slots) are held in an array — a lookup while verifying or ranking a hundred
   * thousand matches is then an indexed load, not a hash probe —, sparse ones in a map
   * (DENSE_GAP).
   */
  private readonly dense: (string | undefined)[] = [];
  private readonly sparse = new Map<number, string>();
  private count = 0;
  private readonly postings = new PostingStore();
  /** Hangul keys (bigrams, heads, 초성 bigrams; see terms.ts) → their posting lists. */
  private readonly keys = new IntMap();
  /** Runs of three and four syllables (see terms.ts) → their posting lists. */
  private readonly grams = new Map<string, number>();
  /** Words of other letters and digits → their posting lists. */
  private readonly words = new Map<string, number>();
  /** The keys of `words`, sorted, for prefix ranges. */
  private readonly vocabulary: string[] = [];
  /** Scratch space for one document's field boundaries while scoring. */
  private readonly fieldStarts: Int32Array;
  /**
   * Checked lists of common phrases (five or more syllables, each gram in at least
   * `checkedFrom` documents, in a query whose every list is that long): the documents that hold
   * the phrase itself, not only its grams. Checking a phrase reads every candidate's text
   * (20–40 ms for 200,000 candidates at a million documents), so the first query pays it and
   * later ones intersect this list instead. Kept exact on every write (set, remove), least
   * recently used dropped beyond CHECKED_IDS ids in all (4 bytes each).
   */
  private readonly checked = new Map<string, CheckedList>();
  private checkedIds = 0;
  private readonly checkedFrom: number;

  constructor(options: { fields: Record<F, number>; checkedFrom?: number }) {
    this.checkedFrom = options.checkedFrom ?? 20_000;
    this.fieldNames = Object.keys(options.fields) as F[];
    if (this.fieldNames.length === 0) throw new RangeError('a TextIndex needs at least one field');
    this.weights = this.fieldNames.map((f) => options.fields[f]);
    if (this.weights.some((w) => !(w > 0))) throw new RangeError('field weights must be positive numbers');
    this.maxWeight = Math.max(...this.weights);
    this.fieldStarts = new Int32Array(this.fieldNames.length);
  }

  /** How many documents the index holds. */
  get size(): number {
    return this.count;
  }

  /** Whether a document is indexed. */
  has(id: number): boolean {
    return this.textAt(id) !== undefined;
  }

  /**
   * Adds a document, or replaces the one with the same id: only the keys that changed are
   * touched, so an edit costs a few posting updates. A field may be a list (aliases).
   */
  set(id: number, document: TextDocument<F>): void {
    checkId(id);
    const text = this.textOf(document);
    const old = this.textAt(id);
    if (old === text) return;
    const keys = documentKeys(text);
    if (old === undefined) this.addKeys(id, keys);
    else {
      const before = documentKeys(old);
      this.removeKeys(id, before, keys);
      this.addKeys(id, keys, before);
    }
    this.putText(id, text);
    for (const [phrase, list] of this.checked) {
      if (text.includes(phrase)) this.checkedIds += list.add(id);
      else this.checkedIds -= list.remove(id);
    }
  }

  /**
   * Indexes many documents (a later one with the same id wins). Into an empty index, it counts
   * each key's documents first and then fills postings of exactly that size in id order: no
   * posting grows or moves, which is what makes building a million documents fast.
   */
  setAll(documents: Iterable<{ id: number; document: TextDocument<F> }>): void {
    if (this.count > 0) {
      for (const d of documents) this.set(d.id, d.document);
      return;
    }
    this.checked.clear();
    this.checkedIds = 0;
    const given: { id: number; text: string }[] = [];
    let ascending = true;
    for (const d of documents) {
      checkId(d.id);
      ascending &&= given.length === 0 || given[given.length - 1]!.id < d.id;
      given.push({ id: d.id, text: this.textOf(d.document) });
    }
    // Rows usually come in id order; otherwise sort (stable, so a later duplicate stays later).
    if (!ascending) given.sort((a, b) => a.id - b.id);
    const unique = given.filter((d, i) => i + 1 === given.length || given[i + 1]!.id !== d.id);
    const ids = Uint32Array.from(unique, (d) => d.id);
    // Every key gets a number on first sight. Grams are numbered by numbers, not strings, so that
    // a million documents' hundred million grams allocate nothing: a trigram by its syllables, a
    // gram of four by its first three's number and its last syllable; each gram's string is made
    // once, when first seen.
    const keyNumbers = new IntMap();
    const wordNumbers = new Map<string, number>();
    const trigramNumbers = new Map<number, number>();
    const quadgramNumbers = new Map<number, number>();
    const grams: { gram: string; n: number }[] = [];
    const counts: number[] = [];
    const lastDocument: number[] = [];
    const fresh = () => {
      counts.push(0);
      lastDocument.push(-1);
      return counts.length - 1;
    };
    let doc = 0;
    let text = '';
    /** What each pass does with a key's number (the document's keys may repeat). */
    let visit = (_n: number) => {};
    const onKey = (k: number) => {
      let n = keyNumbers.get(k);
      if (n === -1) {
        n = fresh();
        keyNumbers.set(k, n);
      }
      visit(n);
    };
    const onWord = (w: string) => {
      let n = wordNumbers.get(w);
      if (n === undefined) {
        n = fresh();
        wordNumbers.set(w, n);
      }
      visit(n);
    };
    const onGram = (end: number, length: number) => {
      const last = text.charCodeAt(end - 1) - SYLLABLE_FIRST;
      const first = bigramKey(text.charCodeAt(end - length), text.charCodeAt(end - length + 1));
      const numbers = length === 3 ? trigramNumbers : quadgramNumbers;
      const key =
        length === 3
          ? first * SYLLABLE_COUNT + last
          : trigramNumbers.get(first * SYLLABLE_COUNT + text.charCodeAt(end - 2) - SYLLABLE_FIRST)! *
              SYLLABLE_COUNT +
            last;
      let n = numbers.get(key);
      if (n === undefined) {
        n = fresh();
        numbers.set(key, n);
        grams.push({ gram: text.slice(end - length, end), n });
      }
      visit(n);
    };
    // Pass 1: number the keys and count the documents of each.
    visit = (n) => {
      if (lastDocument[n] === doc) return;
      lastDocument[n] = doc;
      counts[n]!++;
    };
    for (doc = 0; doc < ids.length; doc++) {
      text = unique[doc]!.text;
      this.putText(ids[doc]!, text);
      forEachKey(text, onKey, onWord, onGram);
    }
    // Pass 2: lists of the counted size, filled in id order by reading the keys again (cheaper
    // in memory than keeping every document's keys: 128 million numbers at a million vacancies).
    this.postings.ensureRoom(counts.reduce((sum, c) => sum + c, 0));
    const lists = counts.map((c) => this.postings.create(c));
    lastDocument.fill(-1);
    const postings = this.postings;
    visit = (n) => {
      if (lastDocument[n] === doc) return;
      lastDocument[n] = doc;
      postings.append(lists[n]!, ids[doc]!);
    };
    for (doc = 0; doc < ids.length; doc++) {
      text = unique[doc]!.text;
      forEachKey(text, onKey, onWord, onGram);
    }
    keyNumbers.forEach((n, k) => {
      this.keys.set(k, lists[n]!);
    });
    for (const [w, n] of wordNumbers) this.words.set(w, lists[n]!);
    for (const { gram, n } of grams) this.grams.set(gram, lists[n]!);
    for (const w of [...wordNumbers.keys()].sort(compareStrings)) this.vocabulary.push(w);
  }

  /** Removes a document; returns whether it was indexed. */
  remove(id: number): boolean {
    const old = this.textAt(id);
    if (old === undefined) return false;
    this.removeKeys(id, documentKeys(old));
    if (id < this.dense.length) this.dense[id] = undefined;
    this.sparse.delete(id);
    this.count--;
    for (const list of this.checked.values()) this.checkedIds -= list.remove(id);
    return true;
  }

  /**
   * Every document that matches the query, as ids in ascending order, checked (no false
   * positives, no misses). Other filters intersect it; `rank` orders it.
   *
   * Several words: the posting lists of every term's keys (a phrase's bigram or grams) are
   * intersected together, smallest first, so a rare word bounds the work of a common one; only
   * the ids left are read, and only for the terms whose keys do not prove them (a phrase of five
   * or more syllables; one contained in another word of the query is implied by it and not
   * checked).
   */
  candidates(query: string): Uint32Array {
    return this.matches(parseQuery(query), null);
  }

  /**
   * Ranks matches the caller already has (`candidates`, perhaps narrowed by other filters: ids in
   * ascending order): the page after `offset`, best first. Ranking reads each match's text, so it
   * is bounded: only the newest `maxRanked` of them (the highest ids: rows are numbered in the
   * order they were created) are ranked by score; the older ones follow them, newest first, so
   * every match is on some page — a truncation never drops a match from a full answer.
   */
  rank(query: string, matches: Uint32Array, options: RankOptions = {}): SearchResult['hits'] {
    return this.rankTerms(parseQuery(query), matches, options);
  }

  /**
   * The best-ranked matches: `total` counts every match that passes `filter`; `hits` are the
   * page after `offset` (ranked as `rank` ranks). "모집" in a million vacancies ranks the newest
   * 10,000 instead of all of them.
   */
  search(query: string, options: SearchOptions = {}): SearchResult {
    const terms = parseQuery(query);
    const found = this.matches(terms, options.filter ?? null);
    return { total: found.length, hits: this.rankTerms(terms, found, options) };
  }

  /** Counts for capacity planning: documents, distinct keys, posting entries, text characters. */
  stats(): { documents: number; keys: number; postings: number; characters: number } {
    let postings = 0;
    this.keys.forEach((list) => {
      postings += this.postings.length(list);
    });
    for (const list of this.words.values()) postings += this.postings.length(list);
    for (const list of this.grams.values()) postings += this.postings.length(list);
    let characters = 0;
    for (let id = 0; id < this.dense.length; id++) characters += this.dense[id]?.length ?? 0;
    for (const t of this.sparse.values()) characters += t.length;
    return {
      documents: this.count,
      keys: this.keys.size + this.words.size + this.grams.size,
      postings,
      characters,
    };
  }

  private textAt(id: number): string | undefined {
    return this.dense[id] ?? this.sparse.get(id);
  }

  private putText(id: number, text: string): void {
    if (this.textAt(id) === undefined) this.count++;
    if (id < this.dense.length + DENSE_GAP) {
      // Fill up to the id first, so the array stays a packed list rather than a dictionary.
      while (this.dense.length < id) this.dense.push(undefined);
      this.dense[id] = text;
      this.sparse.delete(id);
    } else this.sparse.set(id, text);
  }

  /** The checked matches of the terms that `filter` accepts (ids ascending). */
  private matches(terms: Term[], filter: ((id: number) => boolean) | null): Uint32Array {
    if (terms.length === 0) return EMPTY;
    const lists: Uint32Array[] = [];
    /** Phrases whose lists are checked already (see `checked`). */
    const proven = new Set<Term>();
    const common: Term[] = [];
    for (const term of terms) {
      if (term.kind === 'phrase' && term.next < 0) {
        const cached = this.checked.get(term.text);
        if (cached) {
          // Most recently used last (a Map keeps insertion order).
          this.checked.delete(term.text);
          this.checked.set(term.text, cached);
          lists.push(cached.view());
          proven.add(term);
          continue;
        }
        // Each gram on its own: intersected with every other term's lists, smallest first.
        lists.push(...this.phraseLists(term.text));
        if (term.text.length > MAX_GRAM) common.push(term);
      } else lists.push(this.postingsOf(term));
    }
    // Only when every list is long does a phrase's check cost much: then check its own
    // candidates once, keep them, and use them instead of its grams.
    if (common.length > 0 && lists.every((l) => l.length >= this.checkedFrom)) {
      lists.length = 0;
      proven.clear();
      for (const term of terms) {
        if (term.kind === 'phrase' && term.next < 0) {
          if (term.text.length > MAX_GRAM) {
            lists.push(this.checkedList(term.text));
            proven.add(term);
          } else lists.push(...this.phraseLists(term.text));
        } else lists.push(this.postingsOf(term));
      }
    }
    const candidates = intersectAll(lists);
    const checks = termsToCheck(terms).filter((t) => !proven.has(t));
    if (checks.length === 0 && filter === null) return candidates;
    const out = new Uint32Array(candidates.length);
    let n = 0;
    const phrases = checks.every((t) => t.kind === 'phrase' && t.next < 0);
    const needle = checks.length === 1 && phrases ? checks[0]!.text : null;
    for (let i = 0; i < candidates.length; i++) {
      const id = candidates[i]!;
      if (filter !== null && !filter(id)) continue;
      if (checks.length > 0) {
        const text = this.textAt(id)!;
        if (needle !== null) {
          if (!text.includes(needle)) continue;
        } else if (!this.holdsAll(checks, text, phrases)) continue;
      }
      out[n++] = id;
    }
    return out.subarray(0, n);
  }

  /** The checked list of a plain phrase: kept (see `checked`), or made and kept now. */
  private checkedList(phrase: string): Uint32Array {
    const known = this.checked.get(phrase);
    if (known) return known.view();
    const candidates = intersectAll(this.phraseLists(phrase));
    const ids = new Uint32Array(candidates.length);
    let n = 0;
    for (let i = 0; i < candidates.length; i++) {
      const id = candidates[i]!;
      if (this.textAt(id)!.includes(phrase)) ids[n++] = id;
    }
    const list = new CheckedList(ids.slice(0, n));
    this.checked.set(phrase, list);
    this.checkedIds += n;
    // Drop the least recently used beyond the budget (never the one just made).
    for (const [old, dropped] of this.checked) {
      if (this.checkedIds <= CHECKED_IDS || old === phrase) break;
      this.checked.delete(old);
      this.checkedIds -= dropped.length;
    }
    return list.view();
  }

  /** Whether a text holds every term (terms that need the check). */
  private holdsAll(terms: Term[], text: string, phrases: boolean): boolean {
    for (const term of terms) {
      if (phrases) {
        if (!text.includes(term.text)) return false;
      } else {
        const best =
          term.kind === 'initials' ? this.bestInitials(term.text, text) : this.bestOccurrence(term, text);
        if (best === 0) return false;
      }
    }
    return true;
  }

  private rankTerms(terms: Term[], matches: Uint32Array, options: RankOptions): SearchResult['hits'] {
    const { limit = 20, offset = 0, maxRanked = 10_000 } = options;
    const wanted = offset + limit;
    if (wanted <= 0 || matches.length === 0) return [];
    const top = new TopHits(wanted);
    let ranked = 0;
    let i = matches.length - 1;
    for (; i >= 0 && ranked < maxRanked; i--) {
      const id = matches[i]!;
      const text = this.textAt(id)!;
      top.offer(id, this.score(terms, text), brevity(text));
      ranked++;
    }
    const hits = top.sorted();
    // Beyond the ranked ones: the older matches, newest first.
    for (; i >= 0 && hits.length < wanted; i--) {
      const id = matches[i]!;
      hits.push({ id, score: this.score(terms, this.textAt(id)!) });
    }
    return hits.slice(offset);
  }

  private textOf(document: TextDocument<F>): string {
    return this.fieldNames.map((f) => fieldText(document[f])).join('\u0000');
  }

  private posting(key: number): Uint32Array {
    const list = this.keys.get(key);
    return list === -1 ? EMPTY : this.postings.view(list);
  }

  /**
   * The lists whose intersection holds a phrase: its bigram (two syllables) or its gram (three
   * or four), exactly; for five or more, its grams of four, whose documents are still to be
   * checked. None for one syllable.
   */
  private phraseLists(phrase: string): Uint32Array[] {
    if (phrase.length < 2) return [];
    if (phrase.length === 2) return [this.posting(bigramKey(phrase.charCodeAt(0), phrase.charCodeAt(1)))];
    const lists: Uint32Array[] = [];
    if (phrase.length <= MAX_GRAM) lists.push(this.gramPosting(phrase));
    else
      for (let i = 0; i + MAX_GRAM <= phrase.length; i++)
        lists.push(this.gramPosting(phrase.slice(i, i + MAX_GRAM)));
    return lists;
  }

  private gramPosting(gram: string): Uint32Array {
    const list = this.grams.get(gram);
    return list === undefined ? EMPTY : this.postings.view(list);
  }

  private postingsOf(term: Term): Uint32Array {
    const text = term.text;
    const posting = (key: number) => this.posting(key);
    switch (term.kind) {
      case 'phrase': {
        const lists = this.phraseLists(text);
        if (term.next >= 0) {
          // The syllable being typed: any syllable with that initial may follow.
          const [from, to] = syllablesWithInitial(term.next);
          const following: Uint32Array[] = [];
          if (text.length === 1) {
            const last = text.charCodeAt(0);
            for (let s = from; s < to; s++) following.push(posting(bigramKey(last, s)));
          } else {
            // The gram of the last syllables and each possible next one (요양ㅂ: 요양보, 요양병 …).
            const tail = text.slice(Math.max(0, text.length - MAX_GRAM + 1));
            for (let s = from; s < to; s++) following.push(this.gramPosting(tail + String.fromCharCode(s)));
          }
          lists.push(union(following));
        }
        return intersectAll(lists);
      }
      case 'head':
        return posting(headKey(text.charCodeAt(0)));
      case 'initials': {
        const lists: Uint32Array[] = [];
        for (let i = 0; i + 1 < text.length; i++) {
          lists.push(
            posting(
              initialPairKey(
                initialIndexOfJamo(text.charCodeAt(i)),
                initialIndexOfJamo(text.charCodeAt(i + 1)),
              ),
            ),
          );
        }
        return intersectAll(lists);
      }
      case 'word': {
        const lists: Uint32Array[] = [];
        for (let i = lowerBound(this.vocabulary, text); i < this.vocabulary.length; i++) {
          const word = this.vocabulary[i]!;
          if (!word.startsWith(text)) break;
          lists.push(this.postings.view(this.words.get(word)!));
        }
        return union(lists);
      }
    }
  }

  /** The document's score for the query, or 0 when a term does not occur in it. */
  private score(terms: Term[], text: string): number {
    const starts = this.fieldStarts;
    for (let f = 1, at = -1; f < starts.length; f++) {
      at = text.indexOf('\u0000', at + 1);
      starts[f] = at + 1;
    }
    let total = 0;
    for (const term of terms) {
      const best =
        term.kind === 'initials' ? this.bestInitials(term.text, text) : this.bestOccurrence(term, text);
      if (best === 0) return 0;
      total += best;
    }
    return total;
  }

  /** The best-scoring occurrence of a phrase, head or word in a text, or 0. */
  private bestOccurrence(term: Term, text: string): number {
    const needle = term.text;
    const cls = term.kind === 'word' ? CharClass.Word : CharClass.Syllable;
    const next = term.kind === 'phrase' ? term.next : -1;
    const mustStartWord = term.kind === 'head' || term.kind === 'word';
    const ceiling = this.maxWeight * EXACT;
    let best = 0;
    for (let at = text.indexOf(needle); at !== -1 && best < ceiling; at = text.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      const startsWord = at === 0 || charClass(text.charCodeAt(at - 1)) !== cls;
      if (mustStartWord && !startsWord) continue;
      let endsWord = end === text.length || charClass(text.charCodeAt(end)) !== cls;
      if (next >= 0) {
        const following = text.charCodeAt(end);
        if (charClass(following) !== CharClass.Syllable || initialIndexOfSyllable(following) !== next)
          continue;
        endsWord = false;
      }
      best = Math.max(best, this.weightAt(at) * (startsWord ? (endsWord ? EXACT : PREFIX) : SUBSTRING));
    }
    return best;
  }

  /** The best-scoring run of syllables whose initials spell the query (ㄱㅎ), or 0. */
  private bestInitials(initials: string, text: string): number {
    const n = initials.length;
    const wanted = Array.from({ length: n }, (_, j) => initialIndexOfJamo(initials.charCodeAt(j)));
    const isSyllable = (i: number) =>
      i >= 0 && i < text.length && charClass(text.charCodeAt(i)) === CharClass.Syllable;
    const ceiling = this.maxWeight * EXACT;
    let best = 0;
    for (let at = 0; at + n <= text.length && best < ceiling; at++) {
      let j = 0;
      while (j < n && isSyllable(at + j) && initialIndexOfSyllable(text.charCodeAt(at + j)) === wanted[j])
        j++;
      if (j < n) continue;
      const startsWord = !isSyllable(at - 1);
      const endsWord = !isSyllable(at + n);
      best = Math.max(best, this.weightAt(at) * (startsWord ? (endsWord ? EXACT : PREFIX) : SUBSTRING));
    }
    return best;
  }

  /** The weight of the field a position of the document being scored falls in. */
  private weightAt(position: number): number {
    let field = 0;
    while (field + 1 < this.fieldStarts.length && this.fieldStarts[field + 1]! <= position) field++;
    return this.weights[field]!;
  }

  private addKeys(id: number, found: DocumentKeys, except?: DocumentKeys): void {
    for (const k of found.keys) {
      if (except?.keys.has(k)) continue;
      let list = this.keys.get(k);
      if (list === -1) {
        list = this.postings.create();
        this.keys.set(k, list);
      }
      this.postings.add(list, id);
    }
    for (const w of found.words) {
      if (except?.words.has(w)) continue;
      if (this.addTo(this.words, w, id)) this.vocabulary.splice(lowerBound(this.vocabulary, w), 0, w);
    }
    for (const g of found.grams) if (!except?.grams.has(g)) this.addTo(this.grams, g, id);
  }

  /** Adds an id to a string key's list, made on first use; returns whether it was made. */
  private addTo(lists: Map<string, number>, key: string, id: number): boolean {
    let list = lists.get(key);
    const made = list === undefined;
    if (list === undefined) {
      list = this.postings.create();
      lists.set(key, list);
    }
    this.postings.add(list, id);
    return made;
  }

  private removeKeys(id: number, found: DocumentKeys, except?: DocumentKeys): void {
    for (const k of found.keys) {
      if (except?.keys.has(k)) continue;
      const list = this.keys.get(k);
      if (list !== -1 && this.removeFrom(list, id)) this.keys.delete(k);
    }
    for (const w of found.words) {
      if (except?.words.has(w)) continue;
      if (this.removeFromKey(this.words, w, id)) this.vocabulary.splice(lowerBound(this.vocabulary, w), 1);
    }
    for (const g of found.grams) if (!except?.grams.has(g)) this.removeFromKey(this.grams, g, id);
  }

  /** Removes an id from a string key's list; drops the key when its list empties, and says so. */
  private removeFromKey(lists: Map<string, number>, key: string, id: number): boolean {
    const list = lists.get(key);
    if (list === undefined || !this.removeFrom(list, id)) return false;
    lists.delete(key);
    return true;
  }

  /** Removes an id from a list; releases the list when it empties, and says so. */
  private removeFrom(list: number, id: number): boolean {
    this.postings.remove(list, id);
    if (this.postings.length(list) > 0) return false;
    this.postings.release(list);
    return true;
  }
}

/** A document as the index takes it: a text, or a list of texts (aliases), per field. */
export type TextDocument<F extends string> = Partial<Record<F, string | readonly string[] | null>>;

/** How `rank` pages and bounds its work. */
export interface RankOptions {
  /** Hits to return (default 20). */
  limit?: number;
  /** Hits to skip, for pages (default 0). */
  offset?: number;
  /**
   * At most this many matches are ranked by score, the newest (default 10,000); the older ones
   * follow them, newest first.
   */
  maxRanked?: number;
}

/** How `search` pages, filters and bounds its work. */
export interface SearchOptions extends RankOptions {
  /** Keeps only the ids it accepts; checked before the text, so a cheap filter saves work. */
  filter?: (id: number) => boolean;
}

/** A page of ranked matches and how many there are in all. */
export interface SearchResult {
  /** Matches that pass the filter. */
  total: number;
  /** Best first. */
  hits: { id: number; score: number }[];
}

/** A tie-breaking length: the first field's, then the whole text's, in one number. */
function brevity(text: string): number {
  const first = text.indexOf('\u0000');
  return (first === -1 ? text.length : first) * 2 ** 20 + Math.min(text.length, 2 ** 20 - 1);
}

const EXACT = 4;
const PREFIX = 2;
const SUBSTRING = 1;

/**
 * Whether a term's postings can hold documents it does not match (so each must be checked): a
 * phrase longer than a gram (counting a syllable being typed), whose grams may occur apart.
 */
function needsCheck(term: Term): boolean {
  if (term.kind === 'phrase') return term.text.length + (term.next >= 0 ? 1 : 0) > MAX_GRAM;
  return term.kind === 'initials' && term.text.length >= 3;
}

/**
 * The terms a candidate must be checked for: those that need it, less a plain phrase contained
 * in another plain phrase of the query (조작 in 조작원: a text holding 조작원 holds 조작).
 */
function termsToCheck(terms: Term[]): Term[] {
  const plain = (t: Term) => t.kind === 'phrase' && t.next < 0;
  return terms.filter(
    (t, i) =>
      needsCheck(t) &&
      !(
        plain(t) &&
        terms.some((u, j) => j !== i && plain(u) && u.text.length > t.text.length && u.text.includes(t.text))
      ),
  );
}

/** Ids held in all checked phrase lists at most (4 bytes each: 32 MB). */
const CHECKED_IDS = 8_000_000;

/** A sorted list of ids that grows and shrinks in place (a checked phrase's documents). */
class CheckedList {
  length: number;
  constructor(private ids: Uint32Array) {
    this.length = ids.length;
  }

  view(): Uint32Array {
    return this.ids.subarray(0, this.length);
  }

  /** Adds an id; returns 1 when it was new, else 0. */
  add(id: number): number {
    const n = this.length;
    let at = n;
    if (n > 0 && this.ids[n - 1]! >= id) {
      at = lowerBoundIds(this.ids, n, id);
      if (this.ids[at] === id) return 0;
    }
    if (n === this.ids.length) {
      const grown = new Uint32Array(Math.max(8, Math.ceil(n * 1.5)));
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids.copyWithin(at + 1, at, n);
    this.ids[at] = id;
    this.length = n + 1;
    return 1;
  }

  /** Removes an id; returns 1 when it was there, else 0. */
  remove(id: number): number {
    const n = this.length;
    const at = lowerBoundIds(this.ids, n, id);
    if (at >= n || this.ids[at] !== id) return 0;
    this.ids.copyWithin(at, at + 1, n);
    this.length = n - 1;
    return 1;
  }
}

function lowerBoundIds(ids: Uint32Array, n: number, id: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * An id at most this far past the end of the text array extends it (the engine's slots always
 * do); one further away (sparse database ids) goes to the map instead of growing a mostly
 * empty array.
 */
const DENSE_GAP = 4096;

function fieldText(value: string | readonly string[] | null | undefined): string {
  if (value === null || value === undefined) return '';
  // Items of a list are joined by a space: no term crosses a space, so none spans two aliases.
  return typeof value === 'string' ? normalize(value) : value.map(normalize).filter(Boolean).join(' ');
}

function checkId(id: number): void {
  if (!Number.isInteger(id) || id < 0 || id > 0xffffffff) throw new RangeError(`not a uint32 id: ${id}`);
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function lowerBound(sorted: string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The best hits seen so far, at most `capacity`: a heap whose root is the worst kept hit. */
class TopHits {
  private readonly ids: number[] = [];
  private readonly scores: number[] = [];
  private readonly lengths: number[] = [];
  constructor(private readonly capacity: number) {}

  offer(id: number, score: number, length: number): void {
    const n = this.ids.length;
    if (n < this.capacity) {
      this.ids.push(id);
      this.scores.push(score);
      this.lengths.push(length);
      this.up(n);
    } else if (n > 0 && better(score, length, id, this.scores[0]!, this.lengths[0]!, this.ids[0]!)) {
      this.ids[0] = id;
      this.scores[0] = score;
      this.lengths[0] = length;
      this.down(0);
    }
  }

  sorted(): { id: number; score: number }[] {
    const order = this.ids.map((_, i) => i);
    order.sort((a, b) => (this.isBetter(a, b) ? -1 : 1));
    return order.map((i) => ({ id: this.ids[i]!, score: this.scores[i]! }));
  }

  private isBetter(a: number, b: number): boolean {
    return better(
      this.scores[a]!,
      this.lengths[a]!,
      this.ids[a]!,
      this.scores[b]!,
      this.lengths[b]!,
      this.ids[b]!,
    );
  }

  private swap(a: number, b: number): void {
    for (const list of [this.ids, this.scores, this.lengths]) [list[a], list[b]] = [list[b]!, list[a]!];
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.isBetter(parent, i)) return;
      this.swap(parent, i);
      i = parent;
    }
  }

  private down(i: number): void {
    const n = this.ids.length;
    for (;;) {
      let worst = i;
      const left = 2 * i + 1;
      if (left < n && this.isBetter(worst, left)) worst = left;
      if (left + 1 < n && this.isBetter(worst, left + 1)) worst = left + 1;
      if (worst === i) return;
      this.swap(worst, i);
      i = worst;
    }
  }
}

/** Whether hit a ranks before hit b: higher score, then shorter (see brevity), then smaller id. */
function better(
  scoreA: number,
  lengthA: number,
  idA: number,
  scoreB: number,
  lengthB: number,
  idB: number,
): boolean {
  if (scoreA !== scoreB) return scoreA > scoreB;
  if (lengthA !== lengthB) return lengthA < lengthB;
  return idA < idB;
}
