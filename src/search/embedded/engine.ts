import { fold } from "../../domain/japanese.js";
import { KIND_CODES } from "../../domain/taxonomy.js";
import { WEEKDAYS } from "../../domain/schedule.js";
import type { SearchDocument } from "../document.js";
import { highlightDocument } from "../highlight.js";
import type { DocumentScope, FacetName, SearchHit, SearchQuery, SearchResult, SynonymGroups } from "../port.js";
import { MAX_TERMS, type QueryPlan, SynonymTable, type TermSpec, planQuery } from "../query-plan.js";
import { DocStore, FLAG_FREE, foldedNames, hash } from "./doc-store.js";
import { compileFilter, originOf } from "./filter.js";
import { boundsOf, cellsOf, distanceMeters, unitVector } from "./geo.js";
import { Bitset } from "./postings.js";
import { KindMatcher } from "./kind-matcher.js";
import { scoreOf } from "./score.js";
import { TermMatches, evaluateTerm } from "./term-eval.js";
import { TextIndex } from "./text-index.js";
import { TopK } from "./top-k.js";

/** Compact once this share of slots is dead (and at least `MIN_DEAD`). */
const DEAD_SHARE = 0.25;
const MIN_DEAD = 5000;
/** A geo area touching more grid cells than this is checked per document instead. */
const MAX_CELLS = 400;

/**
 * The embedded search engine: an in-process index over the document store, built from the
 * database at start and kept current by the outbox worker. Everything here is synchronous;
 * `EmbeddedSearch` wraps it in the port.
 */
export class EmbeddedIndex {
  #store = new DocStore();
  #text = new TextIndex();
  readonly #kinds = new KindMatcher();
  #synonyms = new SynonymTable();
  readonly #terms: TermMatches[] = [];
  #candidates = new Bitset(0);

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
    text.trim();
    this.#store = store;
    this.#text = text;
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
      commit: () => {
        text.trim();
        this.#store = store;
        this.#text = text;
      },
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
    if (store.dead > MIN_DEAD && store.dead > store.size * DEAD_SHARE) this.#text.remap(store.compact());
  }

  documents(ids?: readonly string[]): SearchDocument[] {
    const store = this.#store;
    if (ids) return ids.map((id) => store.idToSlot.get(id)).filter((s): s is number => s !== undefined).map((s) => store.toDocument(s));
    const out: SearchDocument[] = [];
    store.alive.forEach((s) => out.push(store.toDocument(s)));
    return out;
  }

  search(query: SearchQuery): SearchResult {
    const started = performance.now();
    const store = this.#store;
    const plan = query.text?.trim() ? planQuery(query.text, this.#synonyms) : undefined;
    const filter = compileFilter(store, query);
    const facetNames = query.facets ?? [];
    const facets = new FacetCounter(store, facetNames);
    const k = query.page * query.size;
    const origin = originOf(query);
    const byDistance = query.sort === "distance" && origin !== undefined;
    const o = origin ? unitVector(origin.lat, origin.lng) : [0, 0, 0];

    const terms = plan ? this.#evaluate(plan) : [];
    const queryHash = plan ? hash(plan.folded.replace(/ /g, "")) : 0;
    const firstKey = terms.length ? firstBigram(terms[0]!.spec.text) : 0;

    let total = 0;
    let top = new TopK(k, (a, b) => (store.ids[a]! < store.ids[b]! ? -1 : store.ids[a]! > store.ids[b]! ? 1 : 0));
    // Every term must match; when nothing does, drop terms from the end (Meilisearch's "last").
    for (let level = terms.length; level >= (terms.length ? 1 : 0) && total === 0 && !filter.impossible; level--) {
      const matches = terms.slice(0, level).map((t) => t.matches);
      const candidates = this.#candidateSet(filter, matches);
      top = new TopK(k, (a, b) => (store.ids[a]! < store.ids[b]! ? -1 : store.ids[a]! > store.ids[b]! ? 1 : 0));
      facets.reset();
      const { x, y, z, verifiedAt, idKey } = store;
      candidates.forEach((slot) => {
        if (!filter.test(slot)) return;
        total++;
        facets.add(slot);
        const score = matches.length ? scoreOf(store, matches, slot, queryHash, firstKey) : 0;
        if (byDistance) {
          const dx = x[slot]! - o[0]!;
          const dy = y[slot]! - o[1]!;
          const dz = z[slot]! - o[2]!;
          const d = dx * dx + dy * dy + dz * dz;
          top.offer(slot, Number.isNaN(d) ? Number.POSITIVE_INFINITY : d, score, idKey[slot]!);
        } else if (matches.length) {
          top.offer(slot, score, 0, idKey[slot]!);
        } else {
          // No words: the most recently verified first.
          const v = verifiedAt[slot]!;
          top.offer(slot, Number.isNaN(v) ? Number.POSITIVE_INFINITY : -v, 0, idKey[slot]!);
        }
      });
    }

    const forms = terms.flatMap((t) => t.matches.forms);
    const hits: SearchHit[] = top
      .sorted()
      .slice((query.page - 1) * query.size)
      .map((slot) => {
        const document = store.toDocument(slot);
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

  /**
   * Evaluates the plan's terms, chunk by chunk: a chunk's words as typed, unless one of them
   * finds nothing, in which case the words the segmenter found in it.
   */
  #evaluate(plan: QueryPlan): { spec: TermSpec; matches: TermMatches }[] {
    const out: { spec: TermSpec; matches: TermMatches }[] = [];
    const ctx = this.#context();
    for (const chunk of plan.chunks) {
      const start = out.length;
      let found = true;
      for (const spec of chunk.whole) {
        if (out.length >= MAX_TERMS) break;
        const matches = this.#scratch(out.length);
        found = evaluateTerm(spec, ctx, matches) && found;
        out.push({ spec, matches });
      }
      if (!found && chunk.split) {
        out.length = start;
        for (const spec of chunk.split) {
          if (out.length >= MAX_TERMS) break;
          const matches = this.#scratch(out.length);
          evaluateTerm(spec, ctx, matches);
          out.push({ spec, matches });
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

  /** Live documents that pass the kind filter, the geo grid and every term, as a bitset. */
  #candidateSet(filter: ReturnType<typeof compileFilter>, matches: TermMatches[]): Bitset {
    const store = this.#store;
    if (this.#candidates.capacity < store.capacity) this.#candidates = new Bitset(store.capacity);
    const c = this.#candidates.words;
    c.set(store.alive.words);
    if (filter.kindMask) {
      const any = new Uint32Array(c.length);
      for (let i = 0; i < KIND_CODES.length; i++) {
        if ((filter.kindMask & (1 << i)) === 0) continue;
        const kb = store.kindBits[i]!.words;
        for (let j = 0; j < c.length; j++) any[j]! |= kb[j]!;
      }
      for (let j = 0; j < c.length; j++) c[j]! &= any[j]!;
    }
    for (const m of matches) {
      const w = m.all.words;
      for (let j = 0; j < c.length; j++) c[j]! &= w[j]!;
    }
    const cells = filter.area ? cellsOf(boundsOf(filter.area), MAX_CELLS) : undefined;
    if (cells) {
      const inArea = new Uint32Array(c.length);
      for (const cell of cells) {
        const list = store.grid.get(cell);
        if (!list) continue;
        for (let i = 0; i < list.length; i++) {
          const s = list.data[i]!;
          inArea[s >>> 5]! |= 1 << (s & 31);
        }
      }
      for (let j = 0; j < c.length; j++) c[j]! &= inArea[j]!;
    }
    return this.#candidates;
  }
}

function add(store: DocStore, text: TextIndex, doc: SearchDocument) {
  const { name, kana } = foldedNames(doc);
  const slot = store.add(doc, name, kana);
  const org = doc.organization.nameKana ? `${doc.organization.name} ${doc.organization.nameKana}` : doc.organization.name;
  text.add(slot, [name, kana, fold(org), fold(doc.description), fold(doc.address)]);
}

function firstBigram(text: string): number {
  return text.length >= 2 ? ((text.charCodeAt(0) << 16) | text.charCodeAt(1)) >>> 0 : 0;
}

/** Facet counts over every matching document. */
class FacetCounter {
  readonly #want: Set<FacetName>;
  #kinds = new Int32Array(KIND_CODES.length);
  #munis: Int32Array;
  #langs: Map<number, number> = new Map();
  #free = [0, 0];
  #days = new Int32Array(7);

  constructor(
    private readonly store: DocStore,
    names: readonly FacetName[],
  ) {
    this.#want = new Set(names);
    this.#munis = new Int32Array(store.municipalities.values.length);
  }

  reset(): void {
    this.#kinds.fill(0);
    this.#munis.fill(0);
    this.#langs.clear();
    this.#free = [0, 0];
    this.#days.fill(0);
  }

  add(slot: number): void {
    const s = this.store;
    if (this.#want.has("kind")) {
      let m = s.kindMask[slot]!;
      while (m) {
        const low = m & -m;
        this.#kinds[31 - Math.clz32(low)]!++;
        m ^= low;
      }
    }
    if (this.#want.has("municipality") && s.muni[slot]! >= 0) this.#munis[s.muni[slot]!]!++;
    if (this.#want.has("free")) this.#free[s.flags[slot]! & FLAG_FREE ? 0 : 1]!++;
    if (this.#want.has("openOn")) for (let d = 0; d < 7; d++) if (s.days[slot]! & (1 << d)) this.#days[d]!++;
    if (this.#want.has("language")) {
      for (let w = 0; w < s.langStride; w++) {
        let bits = s.langs[slot * s.langStride + w]!;
        while (bits) {
          const low = bits & -bits;
          const id = w * 32 + (31 - Math.clz32(low));
          this.#langs.set(id, (this.#langs.get(id) ?? 0) + 1);
          bits ^= low;
        }
      }
    }
  }

  result(): SearchResult["facets"] {
    const out: SearchResult["facets"] = {};
    const nonZero = (entries: [string, number][]) => Object.fromEntries(entries.filter(([, n]) => n > 0));
    if (this.#want.has("kind")) out.kind = nonZero(KIND_CODES.map((k, i) => [k, this.#kinds[i]!]));
    if (this.#want.has("municipality")) out.municipality = nonZero(this.store.municipalities.values.map((code, i) => [code, this.#munis[i] ?? 0]));
    if (this.#want.has("language")) out.language = nonZero([...this.#langs].map(([id, n]) => [this.store.languages.values[id]!, n]));
    if (this.#want.has("free")) out.free = nonZero([["true", this.#free[0]!], ["false", this.#free[1]!]]);
    if (this.#want.has("openOn")) out.openOn = nonZero(WEEKDAYS.map((d, i) => [d, this.#days[i]!]));
    return out;
  }
}
