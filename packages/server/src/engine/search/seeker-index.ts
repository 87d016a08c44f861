import { parseQuery } from '../text/terms.js';
import { TextIndex } from '../text/text-index.js';
import { FacetCounter } from './facet-counter.js';
import { type FacetCount, Labels, type Requirement, SetFacet, scan } from './facets.js';
import { Slots, topBySlotKey } from './slots.js';

/**
 * A job seeker as the staff search holds it. Only what staff may search and filter by: no
 * contact data, no birth date, and never a sensitive group (`disabled`, 민감정보), which the index
 * drops even if a caller passes it.
 */
export interface SeekerDocument {
  /** The database id (a positive 31-bit integer). */
  id: number;
  orgId: number;
  /** Staff may find a person by name; results show it masked. */
  name: string;
  /** Labels of the desired occupations. */
  occupations: readonly string[];
  skills: readonly string[];
  certificates: readonly string[];
  /** Each desired occupation's parent chain, top level first. */
  occupationPaths: readonly (readonly string[])[];
  dong: string | null;
  education: string;
  /** Declared and age groups; `disabled` is ignored. */
  targetGroups: readonly string[];
  status: string;
  employmentTypes: readonly string[];
}

/** Groups never indexed, filtered or counted: 민감정보 under 개인정보 보호법 §23. */
export const SENSITIVE_GROUPS: readonly string[] = ['disabled'];

export const SEEKER_FACETS = [
  'occupationGroup',
  'dong',
  'education',
  'targetGroup',
  'status',
  'employmentType',
] as const;
export type SeekerFacet = (typeof SEEKER_FACETS)[number];

/** A staff search over seekers; lists OR within a facet, AND across. */
export interface SeekerQuery {
  q?: string | undefined;
  orgId?: number | undefined;
  occupation?: readonly string[] | undefined;
  dong?: readonly string[] | undefined;
  education?: readonly string[] | undefined;
  targetGroup?: readonly string[] | undefined;
  status?: readonly string[] | undefined;
  employmentType?: readonly string[] | undefined;
  /** relevance (default; newest without a text query), newest (highest id), name (가나다). */
  sort?: 'relevance' | 'newest' | 'name' | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
  facets?: boolean | undefined;
  maxRanked?: number | undefined;
}

export interface SeekerResult {
  total: number;
  hits: { id: number; score: number }[];
  facets: Partial<Record<SeekerFacet, FacetCount[]>>;
}

/** The staff search over seekers: the same machinery as VacancyIndex (FacetCounter without text). */
export class SeekerIndex {
  private readonly text = new TextIndex<'name' | 'occupations' | 'skills' | 'certificates'>({
    fields: { name: 4, occupations: 3, certificates: 2, skills: 1 },
  });
  private readonly slots: Slots;
  private readonly facets: Record<SeekerFacet, SetFacet>;
  private readonly org: Labels;
  /** Postings and base counts of the facets, in SEEKER_FACETS order. */
  private readonly counter: FacetCounter;
  /** Names by slot, for sorting by name. */
  private names: string[] = [];

  constructor(options: { capacity?: number } = {}) {
    const capacity = options.capacity ?? 1024;
    this.slots = new Slots(capacity, (n) => this.grow(n));
    this.facets = Object.fromEntries(SEEKER_FACETS.map((f) => [f, new SetFacet(capacity)])) as Record<
      SeekerFacet,
      SetFacet
    >;
    this.org = new Labels(capacity, 'org');
    this.counter = new FacetCounter(
      this.slots,
      SEEKER_FACETS.map((f) => this.facets[f]),
    );
  }

  get size(): number {
    return this.slots.size;
  }

  has(id: number): boolean {
    return this.slots.slot(id) >= 0;
  }

  /** Adds a seeker, or replaces the one with its id. */
  set(document: SeekerDocument): void {
    const known = this.slots.slot(document.id);
    let slot = known;
    if (known >= 0) this.counter.move(known, () => this.setColumns(document));
    else {
      slot = this.setColumns(document);
      this.counter.admit(slot);
    }
    this.text.set(slot, textOf(document));
  }

  /** Adds many seekers at once (fast into an empty index). */
  setAll(documents: Iterable<SeekerDocument>): void {
    // In id order, so slots follow ids (see Slots).
    const sorted = [...documents].sort((a, b) => a.id - b.id);
    const slots = sorted.map((d) => this.setColumns(d));
    this.counter.rebuild();
    // One document's fields at a time: the text index keeps only their normalised text.
    this.text.setAll(
      (function* () {
        for (let i = 0; i < sorted.length; i++) yield { id: slots[i]!, document: textOf(sorted[i]!) };
      })(),
    );
  }

  /** Removes a seeker; returns whether it was held. */
  remove(id: number): boolean {
    const slot = this.slots.slot(id);
    if (slot < 0) return false;
    this.counter.release(slot);
    this.slots.release(id);
    this.names[slot] = '';
    this.text.remove(slot);
    return true;
  }

  /** The ids held, in no particular order. */
  ids(): number[] {
    const out: number[] = [];
    for (let s = 0; s < this.slots.end; s++) if (this.slots.alive[s]) out.push(this.slots.ids[s]!);
    return out;
  }

  /** Searches: filters, a page of hits, facet counts (disjunctive, as in VacancyIndex). */
  search(query: SeekerQuery): SeekerResult {
    const offset = Math.max(0, query.offset ?? 0);
    const limit = Math.max(0, query.limit ?? 20);
    const hasText = query.q !== undefined && parseQuery(query.q).length > 0;
    // The text index is keyed by slot: its matches are candidate slots as they are.
    const candidates = hasText ? this.text.candidates(query.q!) : null;
    const counting = query.facets !== false;
    const selected: Record<SeekerFacet, readonly string[] | undefined> = {
      occupationGroup: query.occupation,
      dong: query.dong,
      education: query.education,
      targetGroup: query.targetGroup?.filter((g) => !SENSITIVE_GROUPS.includes(g)),
      status: query.status,
      employmentType: query.employmentType,
    };
    const accepts = SEEKER_FACETS.map((f) => this.facets[f].accept(selected[f]));
    const requirements: Requirement[] =
      query.orgId === undefined ? [] : [this.org.require([String(query.orgId)])];
    let matched: Uint32Array;
    let hists: Uint32Array[] | null;
    if (candidates === null) {
      // Sorted here (by id or name): the counter returns every match.
      const counted = this.counter.count({ requirements, accepts, counting, orderBy: null, offset, limit });
      matched = counted.matched!;
      hists = counted.hists;
    } else {
      hists = counting ? SEEKER_FACETS.map((f) => new Uint32Array(this.facets[f].size)) : null;
      matched = scan(
        [candidates],
        this.slots.end,
        this.slots.alive,
        requirements,
        null,
        SEEKER_FACETS.map((f, i) => ({
          codes: this.facets[f].codes,
          accept: accepts[i]!,
          hist: hists?.[i] ?? null,
        })),
      );
    }
    const sort = query.sort ?? 'relevance';
    let hits: { id: number; score: number }[];
    if (sort === 'relevance' && hasText) {
      // The matches are checked slots in ascending order: ranked as they are, nothing read twice.
      hits = this.text
        .rank(query.q!, matched, {
          offset,
          limit,
          ...(query.maxRanked === undefined ? {} : { maxRanked: query.maxRanked }),
        })
        .map((h) => ({ id: this.slots.ids[h.id]!, score: h.score }));
    } else {
      const ids = this.slots.ids;
      let page: number[];
      if (sort === 'name') {
        // 가나다 order is code-point order for Hangul syllables; the same name: newer first.
        const names = this.names;
        page = Array.from(matched)
          .sort((x, y) => (names[x] !== names[y] ? (names[x]! < names[y]! ? -1 : 1) : ids[y]! - ids[x]!))
          .slice(offset, offset + limit);
      } else {
        page = topBySlotKey(matched, ids, ids, offset, limit);
      }
      hits = page.map((slot) => ({ id: ids[slot]!, score: 0 }));
    }
    const facets: SeekerResult['facets'] = {};
    if (hists) {
      SEEKER_FACETS.forEach((f, i) => {
        facets[f] = this.facets[f].counts(hists[i]!, selected[f]);
      });
    }
    return { total: matched.length, hits, facets };
  }

  private setColumns(d: SeekerDocument): number {
    const slot = this.slots.acquire(d.id);
    const paths = d.occupationPaths.filter((p) => p.length > 0);
    this.facets.occupationGroup.set(
      slot,
      paths.flat(),
      paths.map((p) => p[0]!),
    );
    this.facets.dong.set(slot, d.dong === null ? [] : [d.dong]);
    this.facets.education.set(slot, [d.education]);
    this.facets.targetGroup.set(
      slot,
      d.targetGroups.filter((g) => !SENSITIVE_GROUPS.includes(g)),
    );
    this.facets.status.set(slot, [d.status]);
    this.facets.employmentType.set(slot, d.employmentTypes);
    this.org.set(slot, String(d.orgId));
    this.names[slot] = d.name;
    return slot;
  }

  private grow(capacity: number): void {
    for (const facet of Object.values(this.facets)) facet.grow(capacity);
    this.org.grow(capacity);
  }
}

function textOf(d: SeekerDocument) {
  return { name: d.name, occupations: d.occupations, skills: d.skills, certificates: d.certificates };
}
