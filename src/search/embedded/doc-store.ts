import { WEEKDAYS } from "../../domain/schedule.js";
import { KIND_CODES } from "../../domain/taxonomy.js";
import type { CostKind } from "../../db/database.js";
import type { SearchDocument } from "../document.js";
import { cellOf, unitVector } from "./geo.js";
import { Bitset, PostingList } from "./postings.js";
import { bigramKey } from "./text-index.js";

/**
 * The documents of the embedded engine, column by column: numbers in typed arrays, repeated
 * strings (organizations, municipalities, languages, descriptions) interned, and one slot per
 * document. An updated document gets a new slot and its old slot is marked dead; `compact`
 * renumbers once dead slots pile up.
 */
export const KIND_INDEX = new Map<string, number>(KIND_CODES.map((k, i) => [k, i]));
export const COST_KINDS: CostKind[] = ["free", "fee", "sliding"];
export const FLAG_FREE = 1;
export const FLAG_PRENATAL = 2;

export interface Organization {
  id: string;
  name: string;
  nameKana: string | null;
}

/** Interned values and their ids. */
class Interner<T> {
  readonly values: T[] = [];
  readonly #ids = new Map<string, number>();
  id(key: string, value: T): number {
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.#ids.set(key, id);
    } else {
      this.values[id] = value;
    }
    return id;
  }
  find(key: string): number | undefined {
    return this.#ids.get(key);
  }
}

export class DocStore {
  size = 0;
  dead = 0;
  /** Moves with every change to the slots (add, remove, compact): what is derived from them is rebuilt. */
  generation = 0;
  capacity = 0;
  alive = new Bitset(0);
  readonly kindBits: Bitset[] = KIND_CODES.map(() => new Bitset(0));
  /** Slots open on each weekday, free ones, and those of each language id: facet counts by popcount. */
  readonly dayBits: Bitset[] = WEEKDAYS.map(() => new Bitset(0));
  readonly freeBits: Bitset[] = [new Bitset(0)];
  readonly languageBits: Bitset[] = [];
  readonly idToSlot = new Map<string, number>();
  readonly grid = new Map<number, PostingList>();
  /** Per municipality id, its slots ascending (dead ones included until `compact`), like the grid's cells. */
  readonly muniSlots: PostingList[] = [];

  ids: string[] = [];
  serviceIds: string[] = [];
  locationIds: string[] = [];
  names: string[] = [];
  nameKanas: (string | null)[] = [];
  addresses: string[] = [];
  descriptions: string[] = [];

  kind = new Uint8Array(0);
  kindMask = new Uint32Array(0);
  org = new Int32Array(0);
  muni = new Int32Array(0);
  lat = new Float64Array(0);
  lng = new Float64Array(0);
  x = new Float64Array(0);
  y = new Float64Array(0);
  z = new Float64Array(0);
  ageMin = new Int16Array(0);
  ageMax = new Int16Array(0);
  pregMin = new Int8Array(0);
  flags = new Uint8Array(0);
  cost = new Uint8Array(0);
  days = new Uint8Array(0);
  langs = new Uint32Array(0);
  langStride = 1;
  verifiedAt = new Float64Array(0);
  updatedAt = new Float64Array(0);
  /** Hashes of the folded name and reading (spaces removed), for the exactness rule. */
  nameHash = new Uint32Array(0);
  kanaHash = new Uint32Array(0);
  /** First bigram of the folded name and reading, for "the name starts with the query". */
  namePrefix = new Uint32Array(0);
  kanaPrefix = new Uint32Array(0);

  #recent: { order: Int32Array; covered: number } | undefined;
  readonly #languageSets = new Map<number, string[]>();

  readonly organizations = new Interner<Organization>();
  readonly municipalities = new Interner<string>();
  readonly languages = new Interner<string>();
  readonly #strings = new Map<string, string>();

  /** Appends a document in a new slot (the caller removes an older version first). */
  add(doc: SearchDocument): number {
    this.generation++;
    const slot = this.size++;
    if (slot >= this.capacity) this.#grow(Math.max(1024, this.capacity * 2));
    this.alive.add(slot);
    this.idToSlot.set(doc.id, slot);
    this.ids[slot] = doc.id;
    this.serviceIds[slot] = doc.serviceId;
    this.locationIds[slot] = doc.locationId;
    this.names[slot] = doc.name;
    this.nameKanas[slot] = doc.nameKana;
    this.addresses[slot] = doc.address;
    this.descriptions[slot] = this.#intern(doc.description);

    let mask = 0;
    for (const k of doc.kinds.length ? doc.kinds : [doc.kind]) {
      const i = KIND_INDEX.get(k);
      if (i === undefined) continue;
      mask |= 1 << i;
      this.kindBits[i]!.add(slot);
    }
    this.kind[slot] = KIND_INDEX.get(doc.kind) ?? 0;
    this.kindMask[slot] = mask;
    this.org[slot] = this.organizations.id(doc.organization.id, { ...doc.organization });
    const muni = doc.municipalityCode ? this.municipalities.id(doc.municipalityCode, doc.municipalityCode) : -1;
    this.muni[slot] = muni;
    if (muni >= 0) (this.muniSlots[muni] ??= new PostingList()).push(slot);

    const hasPoint = doc.lat !== null && doc.lng !== null;
    this.lat[slot] = hasPoint ? doc.lat! : Number.NaN;
    this.lng[slot] = hasPoint ? doc.lng! : Number.NaN;
    const [x, y, z] = hasPoint ? unitVector(doc.lat!, doc.lng!) : [Number.NaN, Number.NaN, Number.NaN];
    this.x[slot] = x;
    this.y[slot] = y;
    this.z[slot] = z;
    if (hasPoint) this.#cell(cellOf(doc.lat!, doc.lng!)).push(slot);

    this.ageMin[slot] = doc.ageMinMonths ?? -1;
    this.ageMax[slot] = doc.ageMaxMonths ?? -1;
    this.pregMin[slot] = doc.pregnancyMinWeeks ?? -1;
    this.flags[slot] = (doc.costFree ? FLAG_FREE : 0) | (doc.acceptsPrenatal ? FLAG_PRENATAL : 0);
    this.cost[slot] = Math.max(0, COST_KINDS.indexOf(doc.costKind));
    let days = 0;
    for (const d of doc.days) days |= 1 << WEEKDAYS.indexOf(d);
    this.days[slot] = days;
    this.#setLanguages(slot, doc.languages);
    this.#setFacetBits(slot);
    this.verifiedAt[slot] = doc.verifiedAt ? Date.parse(doc.verifiedAt) : Number.NaN;
    this.updatedAt[slot] = Date.parse(doc.updatedAt);

    return slot;
  }

  /** Records the hash and first bigram of the folded name (or reading), spaces left out, for the exactness rule. */
  setNameKeys(slot: number, reading: boolean, codes: Uint16Array, length: number): void {
    let h = 0x811c9dc5;
    let first = -1;
    let prefix = 0;
    for (let i = 0; i < length; i++) {
      const u = codes[i]!;
      if (u === 0x20) continue;
      h = Math.imul(h ^ u, 0x01000193);
      if (first < 0) first = u;
      else if (prefix === 0) prefix = bigramKey(first, u);
    }
    (reading ? this.kanaHash : this.nameHash)[slot] = first < 0 ? 0 : h >>> 0 || 1;
    (reading ? this.kanaPrefix : this.namePrefix)[slot] = prefix;
  }

  /**
   * Slots by verification date, newest first (ties by slot), for lists without words. Built
   * for slots below `covered`; a changed document gets a new slot, so the order stays right for
   * the old ones and only slots from `covered` on need a look. Rebuilt once those pile up.
   */
  recentOrder(): { order: Int32Array; covered: number } {
    if (!this.#recent || this.size - this.#recent.covered > Math.max(1000, this.size / 20)) {
      const keys = new Float64Array(this.size);
      for (let s = 0; s < this.size; s++) keys[s] = Number.isNaN(this.verifiedAt[s]!) ? Number.POSITIVE_INFINITY : -this.verifiedAt[s]!;
      const order = Int32Array.from({ length: this.size }, (_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
      this.#recent = { order, covered: this.size };
    }
    return this.#recent;
  }

  /** Drops the spare capacity of the grid's and municipalities' lists (after a bulk build). */
  trim(): void {
    for (const list of this.grid.values()) list.trim();
    for (const list of this.muniSlots) list?.trim();
  }

  /** Marks a slot dead; postings that still point at it are skipped by every query. */
  remove(slot: number): void {
    if (!this.alive.has(slot)) return;
    this.generation++;
    this.alive.remove(slot);
    for (const set of this.#bitsetGroups()) for (const bits of set) bits.remove(slot);
    if (this.idToSlot.get(this.ids[slot]!) === slot) this.idToSlot.delete(this.ids[slot]!);
    this.dead++;
  }

  get liveCount(): number {
    return this.size - this.dead;
  }

  languageCodes(slot: number): string[] {
    // Most documents share a handful of language sets: remembered by their bits (one word of them).
    if (this.langStride === 1) {
      const bits = this.langs[slot]!;
      let codes = this.#languageSets.get(bits);
      if (!codes) this.#languageSets.set(bits, (codes = this.#languageCodesOf(slot)));
      return [...codes];
    }
    return this.#languageCodesOf(slot);
  }

  #languageCodesOf(slot: number): string[] {
    const out: string[] = [];
    for (let w = 0; w < this.langStride; w++) {
      let bits = this.langs[slot * this.langStride + w]!;
      while (bits !== 0) {
        const low = bits & -bits;
        out.push(this.languages.values[w * 32 + (31 - Math.clz32(low))]!);
        bits ^= low;
      }
    }
    return out.sort();
  }

  /** The language bit of a code: [word, mask], or undefined when no document has it. */
  languageBit(code: string): [number, number] | undefined {
    const id = this.languages.find(code);
    return id === undefined ? undefined : [id >>> 5, 1 << (id & 31)];
  }

  /** The per-value bitsets kept beside the columns (each grows, loses dead slots and is rebuilt with them). */
  #bitsetGroups(): Bitset[][] {
    return [this.kindBits, this.dayBits, this.freeBits, this.languageBits];
  }

  /** Sets the slot's weekday, free and language bits from its columns. */
  #setFacetBits(slot: number) {
    for (let d = 0; d < WEEKDAYS.length; d++) if (this.days[slot]! & (1 << d)) this.dayBits[d]!.add(slot);
    if (this.flags[slot]! & FLAG_FREE) this.freeBits[0]!.add(slot);
    for (let w = 0; w < this.langStride; w++) {
      for (let bits = this.langs[slot * this.langStride + w]!; bits !== 0; bits &= bits - 1) {
        const id = w * 32 + (31 - Math.clz32(bits & -bits));
        (this.languageBits[id] ??= new Bitset(this.capacity)).add(slot);
      }
    }
  }

  #setLanguages(slot: number, codes: readonly string[]) {
    for (const code of codes) {
      const id = this.languages.id(code, code);
      if (id >= this.langStride * 32) this.#widenLanguages(Math.ceil((id + 1) / 32));
      this.langs[slot * this.langStride + (id >>> 5)]! |= 1 << (id & 31);
    }
  }

  #widenLanguages(stride: number) {
    const next = new Uint32Array(this.capacity * stride);
    for (let s = 0; s < this.size; s++) for (let w = 0; w < this.langStride; w++) next[s * stride + w] = this.langs[s * this.langStride + w]!;
    this.langs = next;
    this.langStride = stride;
  }

  #cell(cell: number): PostingList {
    let list = this.grid.get(cell);
    if (!list) {
      list = new PostingList();
      this.grid.set(cell, list);
    }
    return list;
  }

  #intern(s: string): string {
    const found = this.#strings.get(s);
    if (found !== undefined) return found;
    this.#strings.set(s, s);
    return s;
  }

  #grow(capacity: number) {
    const copy = <T extends { length: number; set(a: ArrayLike<number>): void }>(a: T, make: (n: number) => T, per = 1): T => {
      const next = make(capacity * per);
      next.set(a as unknown as ArrayLike<number>);
      return next;
    };
    this.kind = copy(this.kind, (n) => new Uint8Array(n));
    this.kindMask = copy(this.kindMask, (n) => new Uint32Array(n));
    this.org = copy(this.org, (n) => new Int32Array(n));
    this.muni = copy(this.muni, (n) => new Int32Array(n));
    for (const key of ["lat", "lng", "x", "y", "z", "verifiedAt", "updatedAt"] as const) this[key] = copy(this[key], (n) => new Float64Array(n));
    this.ageMin = copy(this.ageMin, (n) => new Int16Array(n));
    this.ageMax = copy(this.ageMax, (n) => new Int16Array(n));
    this.pregMin = copy(this.pregMin, (n) => new Int8Array(n));
    for (const key of ["flags", "cost", "days"] as const) this[key] = copy(this[key], (n) => new Uint8Array(n));
    this.langs = copy(this.langs, (n) => new Uint32Array(n), this.langStride);
    for (const key of ["nameHash", "kanaHash", "namePrefix", "kanaPrefix"] as const) this[key] = copy(this[key], (n) => new Uint32Array(n));
    this.alive = this.alive.grown(capacity);
    for (const set of this.#bitsetGroups()) for (let i = 0; i < set.length; i++) set[i] = set[i]!.grown(capacity);
    this.capacity = capacity;
  }

  /**
   * Renumbers live documents 0…n-1 in their current order, dropping dead slots; returns the map
   * from old to new slot (-1 for dead ones) so the text index can follow.
   */
  compact(): Int32Array {
    this.generation++;
    const map = new Int32Array(this.size).fill(-1);
    let next = 0;
    for (let s = 0; s < this.size; s++) if (this.alive.has(s)) map[s] = next++;
    const move = <T extends { [i: number]: number }>(a: T, per = 1) => {
      for (let s = 0; s < this.size; s++) {
        const t = map[s]!;
        if (t >= 0 && t !== s) for (let k = 0; k < per; k++) a[t * per + k] = a[s * per + k]!;
      }
    };
    const moveStrings = (a: unknown[]) => {
      for (let s = 0; s < this.size; s++) if (map[s]! >= 0) a[map[s]!] = a[s];
      a.length = next;
    };
    for (const a of [this.ids, this.serviceIds, this.locationIds, this.names, this.nameKanas, this.addresses, this.descriptions]) moveStrings(a);
    for (const a of [this.kind, this.kindMask, this.org, this.muni, this.lat, this.lng, this.x, this.y, this.z, this.ageMin, this.ageMax,
      this.pregMin, this.flags, this.cost, this.days, this.verifiedAt, this.updatedAt, this.nameHash, this.kanaHash,
      this.namePrefix, this.kanaPrefix]) move(a);
    move(this.langs, this.langStride);
    this.langs.fill(0, next * this.langStride);
    this.alive.clear();
    for (const set of this.#bitsetGroups()) for (const bits of set) bits.clear();
    for (let s = 0; s < next; s++) {
      this.alive.add(s);
      for (let i = 0; i < KIND_CODES.length; i++) if (this.kindMask[s]! & (1 << i)) this.kindBits[i]!.add(s);
      this.#setFacetBits(s);
      this.idToSlot.set(this.ids[s]!, s);
    }
    for (const [cell, list] of this.grid) {
      list.remap((slot) => map[slot]!);
      if (list.length === 0) this.grid.delete(cell);
    }
    for (const list of this.muniSlots) list?.remap((slot) => map[slot]!);
    this.#strings.clear();
    for (let s = 0; s < next; s++) this.descriptions[s] = this.#intern(this.descriptions[s]!);
    this.size = next;
    this.dead = 0;
    this.#recent = undefined;
    return map;
  }
}

/** FNV-1a over UTF-16 code units (as `setNameKeys` computes it). */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0 || 1;
}

