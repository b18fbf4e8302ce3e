import type { SearchDocument } from "../document.js";
import type { DocumentScope, SearchPort, SearchQuery, SearchResult, SearchStats, SynonymGroups } from "../port.js";
import { EmbeddedIndex, type EmbeddedIndexOptions } from "./engine.js";

export interface IndexBuilder {
  add(batch: readonly SearchDocument[]): void;
  commit(): void;
}

/**
 * The embedded adapter: the in-process engine behind the search port. It lives and dies with
 * the process (rebuilt from the database at every start), so it is the one part of Tsunagu
 * that assumes a single instance.
 */
export class EmbeddedSearch implements SearchPort {
  readonly engine = "embedded" as const;
  readonly #index: EmbeddedIndex;
  /** Bumped by every change to the index or its synonyms (see `resultsVersion`). */
  #version = 0;

  constructor(options: EmbeddedIndexOptions = {}) {
    this.#index = new EmbeddedIndex(options);
  }

  async prepare(synonyms: SynonymGroups): Promise<void> {
    this.#index.setSynonyms(synonyms);
    this.#version++;
  }

  async setSynonyms(synonyms: SynonymGroups): Promise<void> {
    this.#index.setSynonyms(synonyms);
    this.#version++;
  }

  async replace(scope: DocumentScope, documents: readonly SearchDocument[]): Promise<void> {
    this.#index.replace(scope, documents);
    this.#version++;
  }

  async replaceAll(batches: AsyncIterable<readonly SearchDocument[]> | Iterable<readonly SearchDocument[]>): Promise<void> {
    const builder = this.builder();
    for await (const batch of batches) builder.add(batch);
    builder.commit();
  }

  /** A fresh index built batch by batch aside; `commit` swaps it in (what `replaceAll` does). */
  builder(): IndexBuilder {
    const builder = this.#index.builder();
    return {
      add: (batch) => builder.add(batch),
      commit: () => {
        builder.commit();
        this.#version++;
      },
    };
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    return this.#index.search(query);
  }

  async getDocuments(ids?: readonly string[]): Promise<SearchDocument[]> {
    return this.#index.documents(ids);
  }

  async stats(): Promise<SearchStats> {
    return { documents: this.#index.size };
  }

  resultsVersion(): number {
    return this.#version;
  }

  async close(): Promise<void> {}
}
