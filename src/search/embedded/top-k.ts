/**
 * The best `k` of a stream of slots by (primary, secondary, slot) ascending, in a binary heap
 * whose root is the worst kept entry. On a tie the lower slot wins, whatever the order slots are
 * offered in, which makes the order total (and paging stable) without comparing ids.
 */
export class TopK {
  readonly #k: number;
  readonly #p: Float64Array;
  readonly #s: Float64Array;
  readonly #slot: Int32Array;
  size = 0;

  constructor(k: number) {
    this.#k = k;
    this.#p = new Float64Array(k);
    this.#s = new Float64Array(k);
    this.#slot = new Int32Array(k);
  }

  /**
   * Whether an entry whose primary key will be at least `primary` can still be kept (a cheap
   * pre-check before computing the rest of its key): a tie with the worst kept entry loses, as
   * the later slot (so only while slots are offered in ascending order).
   */
  wants(primary: number): boolean {
    return this.size < this.#k || primary < this.#p[0]!;
  }

  /** Primary key of the worst kept entry. */
  worst(): number {
    return this.#p[0]!;
  }

  offer(slot: number, primary: number, secondary: number): void {
    const p = this.#p;
    const s = this.#s;
    if (this.size < this.#k) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!(p[parent]! < primary || (p[parent] === primary && (s[parent]! < secondary || (s[parent] === secondary && this.#slot[parent]! < slot))))) break;
        this.#move(parent, i);
        i = parent;
      }
      this.#put(i, slot, primary, secondary);
      return;
    }
    if (this.#k === 0 || primary > p[0]! || (primary === p[0] && (secondary > s[0]! || (secondary === s[0] && slot > this.#slot[0]!)))) return;
    // Sift the new entry down from the root.
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.size) break;
      let c = l;
      const r = l + 1;
      if (r < this.size && this.#after(r, l)) c = r;
      if (!(p[c]! > primary || (p[c] === primary && (s[c]! > secondary || (s[c] === secondary && this.#slot[c]! > slot))))) break;
      this.#move(c, i);
      i = c;
    }
    this.#put(i, slot, primary, secondary);
  }

  /** The kept slots, best first. */
  sorted(): number[] {
    const order = Array.from({ length: this.size }, (_, i) => i);
    order.sort((a, b) => (this.#after(a, b) ? 1 : this.#after(b, a) ? -1 : 0));
    return order.map((i) => this.#slot[i]!);
  }

  /** Entry a ranks after entry b. */
  #after(a: number, b: number): boolean {
    const p = this.#p;
    const s = this.#s;
    if (p[a] !== p[b]) return p[a]! > p[b]!;
    if (s[a] !== s[b]) return s[a]! > s[b]!;
    return this.#slot[a]! > this.#slot[b]!;
  }

  #move(from: number, to: number) {
    this.#p[to] = this.#p[from]!;
    this.#s[to] = this.#s[from]!;
    this.#slot[to] = this.#slot[from]!;
  }

  #put(i: number, slot: number, p: number, s: number) {
    this.#p[i] = p;
    this.#s[i] = s;
    this.#slot[i] = slot;
  }
}
