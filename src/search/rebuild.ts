import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import type { Logger } from "../log.js";
import type { SearchPort } from "./port.js";
import { countPublicDocuments, streamAllDocuments } from "./projection.js";
import { loadSynonymGroups } from "./synonyms.js";

export interface RebuildResult {
  documents: number;
  elapsedMs: number;
}

/**
 * Rebuilds the index from the database: settings and synonyms first, then every public
 * document, a batch at a time. Searches keep answering from the old index until the new one is
 * complete (the embedded engine swaps at the end; Meilisearch swaps a freshly built index in).
 */
export async function rebuildSearchIndex(
  db: Kysely<Database>,
  search: SearchPort,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<RebuildResult> {
  const started = performance.now();
  await search.prepare(await loadSynonymGroups(db));
  const total = options.onProgress ? await countPublicDocuments(db) : 0;
  let documents = 0;
  async function* batches() {
    for await (const batch of streamAllDocuments(db)) {
      documents += batch.length;
      options.onProgress?.(documents, Math.max(total, documents));
      yield batch;
    }
  }
  await search.replaceAll(batches());
  return { documents, elapsedMs: performance.now() - started };
}

/**
 * Readies a shared index (Meilisearch) at start: settings and synonyms, and a full rebuild only
 * when the index is empty while the database is not; otherwise the outbox catches it up.
 */
export async function prepareSharedIndex(db: Kysely<Database>, search: SearchPort, log: Logger): Promise<void> {
  await search.prepare(await loadSynonymGroups(db));
  const { documents } = await search.stats();
  if (documents === 0 && (await countPublicDocuments(db)) > 0) {
    const result = await rebuildSearchIndex(db, search);
    log.info("search index built", { engine: search.engine, documents: result.documents, ms: Math.round(result.elapsedMs) });
  } else {
    log.info("search index in use", { engine: search.engine, documents });
  }
}
