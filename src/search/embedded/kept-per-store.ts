import { LRUCache } from "lru-cache";
import type { DocStore } from "./doc-store.js";

/**
 * Values derived from a store's live slots (a filter's bitset, a word's evaluation), kept by key
 * until the slots change: another store swapped in, or its `generation` moved. The one home of
 * that rule for everything the engine keeps between queries.
 */
export class KeptPerStore<V extends {}> {
  #store: DocStore | undefined;
  #generation = -1;
  readonly #kept: LRUCache<string, V>;

  constructor(max: number) {
    this.#kept = new LRUCache<string, V>({ max });
  }

  /** The values kept for `store` as it is now (none, if its slots changed since the last call). */
  of(store: DocStore): LRUCache<string, V> {
    if (store !== this.#store || store.generation !== this.#generation) {
      this.#kept.clear();
      this.#store = store;
      this.#generation = store.generation;
    }
    return this.#kept;
  }
}
