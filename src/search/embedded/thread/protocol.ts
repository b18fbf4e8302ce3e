import type { SearchDocument } from "../../document.js";
import type { SearchBodyHead } from "../../response-body.js";
import type { DocumentScope, SearchQuery, SearchResult, SearchStats, SynonymGroups } from "../../port.js";

/**
 * The messages between `ThreadedSearch` (the port, on the server's main thread) and the search
 * thread that holds the index. Every request carries an id, and its reply the same id: a value,
 * or the error's name and message. A full rebuild is a build opened, filled batch by batch and
 * committed, so that batches stream from the database as they do in-process.
 */
export interface ThreadCalls {
  prepare(synonyms: SynonymGroups): void;
  setSynonyms(synonyms: SynonymGroups): void;
  replace(scope: DocumentScope, documents: readonly SearchDocument[]): void;
  search(query: SearchQuery): SearchResult;
  /** The API's body for the search, its bytes moved (not copied) to the caller. */
  searchBodyHead(query: SearchQuery): SearchBodyHead;
  getDocuments(ids: readonly string[] | undefined): SearchDocument[];
  stats(): SearchStats;
  /** Opens a build; returns its number. */
  buildBegin(): number;
  buildAdd(build: number, documents: readonly SearchDocument[]): void;
  /** Swaps the build in. */
  buildCommit(build: number): void;
  /** Drops a build whose batches failed. */
  buildAbort(build: number): void;
}

export type CallName = keyof ThreadCalls;

export interface ThreadRequest<N extends CallName = CallName> {
  id: number;
  call: N;
  args: Parameters<ThreadCalls[N]>;
}

export type ThreadReply = { id: number; value: unknown } | { id: number; error: { name: string; message: string } };
