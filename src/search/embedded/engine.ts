import { LRUCache } from "lru-cache";
import { foldToCodes } from "../../domain/japanese.js";
import { KIND_CODES } from "../../domain/taxonomy.js";
import type { SearchDocument } from "../document.js";
import { highlightDocument } from "../highlight.js";
import type { DocumentScope, LatLng, SearchHit, SearchQuery, SearchResult, SynonymGroups } from "../port.js";
import { MAX_TERMS, type QueryPlan, SynonymTable, type TermSpec, planQuery } from "../query-plan.js";
import { DocStore, hash } from "./doc-store.js";
import { documentAt } from "./document-at.js";
import { FacetCounter } from "./facets.js";
import { type CompiledFilter, compileFilter, originOf } from "./filter.js";
import { boundsOf, cellsOf, distanceMeters, unitVector } from "./geo.js";
import { KindMatcher } from "./kind-matcher.js";
import { type Candidates, type RankContext, countBits, countKinds, rankByScore, rankNearest, rankRecent, rankTiered } from "./rank.js";
import { exactness, multiTermBase, singleTermBase } from "./score.js";
import { TermCache } from "./term-cache.js";
import { TermMatches, evaluateTerm } from "./term-eval.js";
import { TextIndex } from "./text-index.js";
import { PostingList, type Restriction } from "./postings.js";
import { RangeBits } from "./range-bits.js";
import { TopK } from "./top-k.js";

/** Compact once this share of slots is dead (and at least `MIN_DEAD`). */
const DEAD_SHARE = 0.25;
const MIN_DEAD = 5000;
/** A geo area touching more grid cells than this is checked per document instead. */
const MAX_CELLS = 400;
/** Documents of recent hits kept built (≈ 1 KB each): the services around a city's centers come up again and again. */
const HIT_DOCUMENTS = 10_000;

export interface EmbeddedIndexOptions {
  /**
   * Gather the candidates of a query with a municipality or an area from their slot lists, and
   * evaluate its words for those alone, or keep the whole-index evaluation of a word asked again;
   * find a distance sort's nearest from the grid cells around the point (default). Off, every
   * query takes the whole-index path and evaluates its words afresh: the reference the narrowed
   * path is tested against.
   */
  narrow?: boolean;
}

/**
 * The embedded search engine: an in-process index over the document store, built from the
 * database at start and kept current by the outbox worker. Everything here is synchronous;
 * `EmbeddedSearch` wraps it in the port.
 */
export class EmbeddedIndex {
  readonly #narrow: boolean;
  #store = new DocStore();
  #text = new TextIndex();
  readonly #kinds = new KindMatcher();
  readonly #ranges = new RangeBits();
  #synonyms = new SynonymTable();
  readonly #terms: TermMatches[] = [];
  readonly #termCache = new TermCache();
  /** Scratch bitsets (with their non-zero word lists), reused across queries. */
  #dense = new Scratch();
  #restricted = new Scratch();
  #restriction = new Scratch();
  #restrictionSlots = new Int32Array(0);
  /**
   * Recent hits' documents by slot, frozen: a slot's document never changes (an update takes a
   * new slot), so they stay right until the slots are renumbered (compaction, a new store). The
   * same objects also let the API keep each one's JSON (routes/search.ts).
   */
  #hitDocuments = new LRUCache<number, SearchDocument>({ max: HIT_DOCUMENTS });

  constructor(options: EmbeddedIndexOptions = {}) {
    this.#narrow = options.narrow ?? true;
  }

  setSynonyms(groups: SynonymGroups): void {
    this.#synonyms = new SynonymTable(groups);
  }

  get size(): number {
    return this.#store.liveCount;
  }

  /** Replaces the whole index with `docs` (built aside, then swapped in). */
  load(docs: Iterable<SearchDocument>): void {
    const store = new DocStore();
    const text = new TextIndex();
    for (const doc of docs) add(store, text, doc);
    this.#install(store, text);
  }

  /** Swaps in a store and text index built aside (their lists trimmed to size). */
  #install(store: DocStore, text: TextIndex): void {
    store.trim();
    text.trim();
    this.#store = store;
    this.#text = text;
    this.#hitDocuments.clear();
  }

  /** Builds a fresh index batch by batch; `commit` swaps it in. */
  builder(): { add(docs: readonly SearchDocument[]): void; commit(): void } {
    const store = new DocStore();
    const text = new TextIndex();
    return {
      add: (docs) => {
        for (const doc of docs) {
          const old = store.idToSlot.get(doc.id);
          if (old !== undefined) store.remove(old);
          add(store, text, doc);
        }
      },
      commit: () => this.#install(store, text),
    };
  }

  replace(scope: DocumentScope, docs: readonly SearchDocument[]): void {
    const store = this.#store;
    const services = new Set(scope.serviceIds);
    const orgs = new Set<number>();
    for (const id of scope.organizationIds ?? []) {
      const o = store.organizations.find(id);
      if (o !== undefined) orgs.add(o);
    }
    const keep = new Set(docs.map((d) => d.id));
    for (let s = 0; s < store.size; s++) {
      if (!store.alive.has(s)) continue;
      if ((services.has(store.serviceIds[s]!) || orgs.has(store.org[s]!)) && !keep.has(store.ids[s]!)) store.remove(s);
    }
    for (const doc of docs) {
      const old = store.idToSlot.get(doc.id);
      if (old !== undefined) store.remove(old);
      add(store, this.#text, doc);
    }
    if (store.dead > MIN_DEAD && store.dead > store.size * DEAD_SHARE) {
      this.#text.remap(store.compact());
      this.#hitDocuments.clear();
    }
  }

  documents(ids?: readonly string[]): SearchDocument[] {
    const store = this.#store;
    if (ids) return ids.map((id) => store.idToSlot.get(id)).filter((s): s is number => s !== undefined).map((s) => documentAt(store, s));
    const out: SearchDocument[] = [];
    store.alive.forEach((s) => out.push(documentAt(store, s)));
    return out;
  }

  search(query: SearchQuery): SearchResult {
    const started = performance.now();
    const store = this.#store;
    const plan = query.text?.trim() ? planQuery(query.text, this.#synonyms) : undefined;
    const filter = compileFilter(store, query, this.#ranges);
    const facets = new FacetCounter(store, query.facets ?? []);
    const origin = originOf(query);
    const byDistance = query.sort === "distance" && origin !== undefined;
    const restriction = filter.impossible ? undefined : this.#restrict(filter);
    const terms = plan ? this.#evaluate(plan, restriction) : [];
    const queryHash = plan ? hash(plan.folded.replace(/ /g, "")) : 0;
    const firstKey = terms.length ? firstBigram(terms[0]!.spec.text) : 0;
    const k = Math.min(query.page * query.size, store.size);

    let total = 0;
    let top = new TopK(0);
    // Every term must match; when nothing does, drop terms from the end (Meilisearch's "last").
    for (let level = terms.length; level >= (terms.length ? 1 : 0) && total === 0 && !filter.impossible; level--) {
      const matches = terms.slice(0, level).map((t) => t.matches);
      const candidates = restriction ? this.#restrictedCandidates(restriction, matches) : this.#denseCandidates(filter, matches);
      const ctx = { store, candidates, matches, k, queryHash, firstKey };
      facets.reset();
      // The nearest first, when no document needs a test: the page from the cells around the point.
      const nearest = byDistance && origin && !filter.needsTest && this.#narrow ? rankNearest(ctx, origin) : undefined;
      if (filter.needsTest || (byDistance && !nearest)) {
        ({ total, top } = this.#scan(ctx, filter, facets, byDistance ? origin : undefined));
        continue;
      }
      // No per-document condition: totals and kind counts straight from the bitsets (or, for
      // every live document, from the counts the store keeps).
      const everything = !restriction && !filter.kindMask && !filter.bits.length && matches.length === 0;
      total = everything ? store.alive.size : countBits(candidates);
      if (total === 0) continue;
      if (facets.kinds) {
        if (everything) facets.kinds.set(store.kindBits.map((bits) => bits.size));
        else countKinds(store, candidates, facets.kinds);
      }
      if (facets.others) facets.addAll(candidates);
      top =
        nearest ??
        (matches.length === 0 ? rankRecent(ctx) : matches.length === 1 && !matches[0]!.typos ? rankTiered(ctx) : rankByScore(ctx));
    }

    const forms = terms.flatMap((t) => t.matches.forms);
    const hits: SearchHit[] = top
      .sorted()
      .slice((query.page - 1) * query.size)
      .map((slot) => {
        const document = this.#hitDocument(slot);
        const hit: SearchHit = { document, highlights: highlightDocument(document, forms) };
        if (origin && document.lat !== null && document.lng !== null) {
          hit.distanceMeters = Math.round(distanceMeters(origin, { lat: document.lat, lng: document.lng }));
        }
        return hit;
      });
    return {
      hits,
      total,
      page: query.page,
      size: query.size,
      facets: facets.result(),
      expansions: plan?.expansions ?? [],
      tookMs: performance.now() - started,
    };
  }

  #hitDocument(slot: number): SearchDocument {
    let document = this.#hitDocuments.get(slot);
    if (!document) this.#hitDocuments.set(slot, (document = frozen(documentAt(this.#store, slot))));
    return document;
  }

  /** Every candidate through the per-document filter: counts, facets and the best `k` (by relevance or distance). */
  #scan(ctx: RankContext, filter: CompiledFilter, facets: FacetCounter, origin: LatLng | undefined): { total: number; top: TopK } {
    const { store, matches, queryHash, firstKey } = ctx;
    const top = new TopK(ctx.k);
    const single = matches.length === 1 ? matches[0]! : undefined;
    const [ox, oy, oz] = origin ? unitVector(origin.lat, origin.lng) : [0, 0, 0];
    const { x, y, z, verifiedAt, kindMask } = store;
    const kindCounts = facets.kinds;
    const { words, nonZero, nonZeroCount } = ctx.candidates;
    let total = 0;
    // Slots word by word, inline: a callback per slot would cost more than the test itself.
    for (let i = 0; i < nonZeroCount; i++) {
      const w = nonZero[i]!;
      for (let word = words[w]!; word !== 0; word &= word - 1) {
        const slot = (w << 5) | (31 - Math.clz32(word & -word));
        if (!filter.test(slot)) continue;
        total++;
        if (kindCounts) {
          for (let m = kindMask[slot]!; m !== 0; m &= m - 1) kindCounts[31 - Math.clz32(m & -m)]!++;
        }
        if (facets.others) facets.add(slot);
        // The same key as relevanceKey (rank.ts), inline: this loop meets every candidate.
        let relevance: number;
        if (matches.length === 0) {
          const v = verifiedAt[slot]!;
          relevance = v === v ? -v : Number.POSITIVE_INFINITY;
        } else {
          relevance = (single ? singleTermBase(store, single, slot) : multiTermBase(store, matches, slot)) * 4;
        }
        if (origin) {
          const dx = x[slot]! - ox!;
          const dy = y[slot]! - oy!;
          const dz = z[slot]! - oz!;
          const d = dx * dx + dy * dy + dz * dz;
          if (matches.length) relevance += exactness(store, slot, queryHash, firstKey);
          top.offer(slot, d === d ? d : Number.POSITIVE_INFINITY, relevance);
        } else if (top.wants(relevance)) {
          if (matches.length) relevance += exactness(store, slot, queryHash, firstKey);
          top.offer(slot, relevance, 0);
        }
      }
    }
    return { total, top };
  }

  /**
   * Evaluates the plan's terms, chunk by chunk: a chunk's words as typed, unless one of them
   * finds nothing, in which case the words the segmenter found in it.
   */
  #evaluate(plan: QueryPlan, restriction: Restriction | undefined): { spec: TermSpec; matches: TermMatches }[] {
    const out: { spec: TermSpec; matches: TermMatches }[] = [];
    const ctx = this.#context();
    // A term's kept whole-index evaluation, or a fresh one (for the restriction alone) in scratch space.
    const evaluate = (spec: TermSpec): boolean => {
      const kept = this.#narrow ? this.#termCache.get(spec, ctx) : undefined;
      const matches = kept?.matches ?? this.#scratch(out.length);
      out.push({ spec, matches });
      return kept ? kept.found : evaluateTerm(spec, ctx, matches, restriction);
    };
    for (const chunk of plan.chunks) {
      const start = out.length;
      let found = true;
      for (const spec of chunk.whole) {
        if (out.length >= MAX_TERMS) break;
        found = evaluate(spec) && found;
      }
      const split = found ? null : chunk.split();
      if (split) {
        out.length = start;
        for (const spec of split) {
          if (out.length >= MAX_TERMS) break;
          evaluate(spec);
        }
      }
    }
    return out;
  }

  #context() {
    return { text: this.#text, kinds: this.#kinds, store: this.#store };
  }

  #scratch(i: number): TermMatches {
    const capacity = this.#store.capacity;
    while (this.#terms.length <= i) this.#terms.push(new TermMatches(capacity));
    this.#terms[i]!.ensure(capacity);
    return this.#terms[i]!;
  }

  /**
   * The live documents of the query's kinds and conditions in its municipality or under its area, when those
   * are few (see `#narrowLists`): the words are then evaluated for them alone.
   */
  #restrict(filter: CompiledFilter): Restriction | undefined {
    const lists = this.#narrow ? this.#narrowLists(filter) : undefined;
    if (!lists) return undefined;
    const store = this.#store;
    const r = this.#restriction.begin(store.alive.words.length);
    const alive = store.alive.words;
    const { kindMask } = store;
    const kinds = filter.kindMask;
    const bits = filter.bits;
    let count = 0;
    for (const { data, length } of lists) {
      next: for (let i = 0; i < length; i++) {
        const slot = data[i]!;
        const w = slot >>> 5;
        const bit = 1 << (slot & 31);
        if ((alive[w]! & bit) === 0 || (kinds !== 0 && (kindMask[slot]! & kinds) === 0)) continue;
        for (let b = 0; b < bits.length; b++) if ((bits[b]![w]! & bit) === 0) continue next;
        r.set(w, r.words[w]! | bit);
        count++;
      }
    }
    const candidates = r.end();
    if (this.#restrictionSlots.length < count) this.#restrictionSlots = new Int32Array(Math.max(count, this.#restrictionSlots.length * 2));
    const slots = this.#restrictionSlots;
    let n = 0;
    for (let i = 0; i < candidates.nonZeroCount; i++) {
      const w = candidates.nonZero[i]!;
      for (let word = candidates.words[w]!; word !== 0; word &= word - 1) slots[n++] = (w << 5) | (31 - Math.clz32(word & -word));
    }
    return { ...candidates, slots, length: n };
  }

  /**
   * The slot lists that hold every document a query can match, when they are short: the
   * municipality's, or the grid cells under the area (a radius, a map view or a town holds a few
   * hundred documents out of 200,000). Undefined when they are longer than a pass over the bitsets.
   */
  #narrowLists(filter: CompiledFilter): PostingList[] | undefined {
    const store = this.#store;
    // Gathering costs per listed slot, the bitset pass per word of 32 slots; small indexes always gather.
    const limit = Math.max(1024, store.alive.words.length * 4);
    const length = (lists: PostingList[]) => lists.reduce((n, l) => n + l.length, 0);
    const muni = filter.municipality >= 0 ? [store.muniSlots[filter.municipality] ?? new PostingList(0)] : undefined;
    const cells = filter.area ? cellsOf(boundsOf(filter.area), MAX_CELLS) : undefined;
    const area = cells?.map((cell) => store.grid.get(cell)).filter((l): l is PostingList => l !== undefined);
    const best = muni && area ? (length(muni) <= length(area) ? muni : area) : (muni ?? area);
    return best && length(best) <= limit ? best : undefined;
  }

  /** The restricted documents that every term matches. */
  #restrictedCandidates(r: Restriction, matches: TermMatches[]): Candidates {
    if (matches.length === 0) return r;
    const c = this.#restricted.begin(r.words.length);
    for (let i = 0; i < r.nonZeroCount; i++) {
      const w = r.nonZero[i]!;
      let word = r.words[w]!;
      for (const m of matches) word &= m.all[w]!;
      if (word !== 0) c.set(w, word);
    }
    return c.end();
  }

  /** Live documents of the query's kinds and conditions that every term matches, by whole-index bitset passes. */
  #denseCandidates(filter: CompiledFilter, matches: TermMatches[]): Candidates {
    const store = this.#store;
    const c = this.#dense.begin(store.alive.words.length);
    const words = c.words;
    words.set(store.alive.words);
    if (filter.kindMask) {
      const any = new Uint32Array(words.length);
      for (let i = 0; i < KIND_CODES.length; i++) {
        if ((filter.kindMask & (1 << i)) === 0) continue;
        const kb = store.kindBits[i]!.words;
        for (let j = 0; j < words.length; j++) any[j]! |= kb[j]!;
      }
      for (let j = 0; j < words.length; j++) words[j]! &= any[j]!;
    }
    for (const bits of filter.bits) for (let j = 0; j < words.length; j++) words[j]! &= bits[j]!;
    for (const m of matches) {
      const w = m.all;
      for (let j = 0; j < words.length; j++) words[j]! &= w[j]!;
    }
    return c.endDense();
  }
}

/**
 * A bitset over slots with the list of its non-zero words, reused across queries. Sparse use
 * (`set` word by word) clears only the words it set last time; dense use overwrites every word.
 */
class Scratch {
  words = new Uint32Array(0);
  nonZero = new Int32Array(0);
  nonZeroCount = 0;

  /** Ready for a query over `size` words, all zero. */
  begin(size: number): this {
    if (this.words.length !== size) {
      this.words = new Uint32Array(size);
      this.nonZero = new Int32Array(size);
    } else {
      for (let i = 0; i < this.nonZeroCount; i++) this.words[this.nonZero[i]!] = 0;
    }
    this.nonZeroCount = 0;
    return this;
  }

  /** Sets word `w` (the first time a word becomes non-zero, it joins the list). */
  set(w: number, word: number): void {
    if (this.words[w] === 0 && word !== 0) this.nonZero[this.nonZeroCount++] = w;
    this.words[w] = word;
  }

  /** After `set`s: the list in ascending order. */
  end(): Candidates {
    this.nonZero.subarray(0, this.nonZeroCount).sort();
    return this;
  }

  /** After writing `words` directly: lists every non-zero word. */
  endDense(): Candidates {
    let n = 0;
    for (let j = 0; j < this.words.length; j++) if (this.words[j] !== 0) this.nonZero[n++] = j;
    this.nonZeroCount = n;
    return this;
  }
}

function add(store: DocStore, text: TextIndex, doc: SearchDocument) {
  const slot = store.add(doc);
  let f = foldToCodes(doc.name);
  store.setNameKeys(slot, false, f.codes, f.length);
  text.addField(slot, 0, f.codes, f.length);
  if (doc.nameKana) {
    f = foldToCodes(doc.nameKana);
    store.setNameKeys(slot, true, f.codes, f.length);
    text.addField(slot, 1, f.codes, f.length);
  }
  f = foldToCodes(doc.organization.nameKana ? `${doc.organization.name} ${doc.organization.nameKana}` : doc.organization.name);
  text.addField(slot, 2, f.codes, f.length);
  text.addSharedField(slot, 3, doc.description);
  f = foldToCodes(doc.address);
  text.addField(slot, 4, f.codes, f.length);
}

/** A document shared by every search that finds it: nobody may change it. */
function frozen(doc: SearchDocument): SearchDocument {
  for (const value of Object.values(doc)) if (typeof value === "object" && value !== null) Object.freeze(value);
  return Object.freeze(doc);
}

function firstBigram(text: string): number {
  return text.length >= 2 ? ((text.charCodeAt(0) << 16) | text.charCodeAt(1)) >>> 0 : 0;
}
