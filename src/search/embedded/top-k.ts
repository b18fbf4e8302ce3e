/**
 * The best `k` of a stream of slots by (primary, secondary, tie) ascending, in a binary heap
 * whose root is the worst kept entry; `tie` is the id's first 32 bits and `finalTie` decides
 * the (rare) rest, so the order is total and paging is stable.
 */
export class TopK {
  readonly #k: number;
  readonly #p: Float64Array;
  readonly #s: Float64Array;
  readonly #t: Uint32Array;
  readonly #slot: Int32Array;
  #size = 0;

  constructor(
    k: number,
    private readonly finalTie: (a: number, b: number) => number,
  ) {
    this.#k = k;
    this.#p = new Float64Array(k);
    this.#s = new Float64Array(k);
    this.#t = new Uint32Array(k);
    this.#slot = new Int32Array(k);
  }

  /** Negative when entry (p1,s1,t1,slot1) ranks before (p2,s2,t2,slot2). */
  #cmp(p1: number, s1: number, t1: number, slot1: number, p2: number, s2: number, t2: number, slot2: number): number {
    if (p1 !== p2) return p1 < p2 ? -1 : 1;
    if (s1 !== s2) return s1 < s2 ? -1 : 1;
    if (t1 !== t2) return t1 < t2 ? -1 : 1;
    return this.finalTie(slot1, slot2);
  }

  #cmpAt(i: number, j: number): number {
    return this.#cmp(this.#p[i]!, this.#s[i]!, this.#t[i]!, this.#slot[i]!, this.#p[j]!, this.#s[j]!, this.#t[j]!, this.#slot[j]!);
  }

  offer(slot: number, primary: number, secondary: number, tie: number): void {
    if (this.#k === 0) return;
    if (this.#size < this.#k) {
      let i = this.#size++;
      this.#set(i, slot, primary, secondary, tie);
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (this.#cmpAt(i, parent) <= 0) break;
        this.#swap(i, parent);
        i = parent;
      }
      return;
    }
    if (this.#cmp(primary, secondary, tie, slot, this.#p[0]!, this.#s[0]!, this.#t[0]!, this.#slot[0]!) >= 0) return;
    this.#set(0, slot, primary, secondary, tie);
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < this.#size && this.#cmpAt(l, worst) > 0) worst = l;
      if (r < this.#size && this.#cmpAt(r, worst) > 0) worst = r;
      if (worst === i) break;
      this.#swap(i, worst);
      i = worst;
    }
  }

  /** The kept slots, best first. */
  sorted(): number[] {
    const order = Array.from({ length: this.#size }, (_, i) => i);
    order.sort((a, b) => this.#cmpAt(a, b));
    return order.map((i) => this.#slot[i]!);
  }

  #set(i: number, slot: number, p: number, s: number, t: number) {
    this.#slot[i] = slot;
    this.#p[i] = p;
    this.#s[i] = s;
    this.#t[i] = t;
  }

  #swap(i: number, j: number) {
    const slot = this.#slot[i]!;
    const p = this.#p[i]!;
    const s = this.#s[i]!;
    const t = this.#t[i]!;
    this.#set(i, this.#slot[j]!, this.#p[j]!, this.#s[j]!, this.#t[j]!);
    this.#set(j, slot, p, s, t);
  }
}
