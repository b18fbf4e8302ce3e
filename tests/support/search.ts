import type { Kysely } from "kysely";
import type { Database } from "../../src/db/database.js";
import { createLogger } from "../../src/log.js";
import { OutboxWorker } from "../../src/outbox/worker.js";
import { EmbeddedSearch } from "../../src/search/embedded/embedded-search.js";
import type { SearchDocument } from "../../src/search/document.js";
import type { DocumentScope, SearchPort, SearchQuery, SearchResult, SearchStats, SynonymGroups } from "../../src/search/port.js";
import { rebuildSearchIndex } from "../../src/search/rebuild.js";

/**
 * The embedded index as API tests use it: built from the database on first use, and caught up
 * with the outbox before every search — what the server's background worker does within a
 * moment, done synchronously so tests need no waiting. A write that forgets its outbox row is
 * still invisible here, as it would be in production.
 */
export class FreshSearch implements SearchPort {
  readonly engine = "embedded" as const;
  readonly inner = new EmbeddedSearch();
  readonly worker: OutboxWorker;
  #built: Promise<unknown> | undefined;

  constructor(private readonly db: Kysely<Database>) {
    this.worker = new OutboxWorker({ db, search: this.inner, log: createLogger("silent") });
  }

  /** Builds the index on first use, then applies every pending outbox row. */
  async sync(): Promise<void> {
    this.#built ??= rebuildSearchIndex(this.db, this.inner);
    await this.#built;
    await this.worker.drain();
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    await this.sync();
    return this.inner.search(query);
  }

  async getDocuments(ids?: readonly string[]): Promise<SearchDocument[]> {
    await this.sync();
    return this.inner.getDocuments(ids);
  }

  async stats(): Promise<SearchStats> {
    return this.inner.stats();
  }

  prepare(synonyms: SynonymGroups): Promise<void> {
    return this.inner.prepare(synonyms);
  }

  setSynonyms(synonyms: SynonymGroups): Promise<void> {
    return this.inner.setSynonyms(synonyms);
  }

  replace(scope: DocumentScope, documents: readonly SearchDocument[]): Promise<void> {
    return this.inner.replace(scope, documents);
  }

  replaceAll(batches: AsyncIterable<readonly SearchDocument[]> | Iterable<readonly SearchDocument[]>): Promise<void> {
    return this.inner.replaceAll(batches);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
