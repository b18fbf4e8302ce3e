import { type ResourceLimits, Worker } from "node:worker_threads";
import type { SearchDocument } from "../../document.js";
import {
  type DocumentScope,
  type SearchPort,
  type SearchQuery,
  type SearchResult,
  type SearchStats,
  SearchUnavailableError,
  type SynonymGroups,
} from "../../port.js";
import type { SearchBodyHead } from "../../response-body.js";
import type { EmbeddedIndexOptions } from "../engine.js";
import type { CallName, ThreadCalls, ThreadReply, ThreadRequest } from "./protocol.js";

/** Set by scripts/build-server.ts in the compiled server: the compiled search thread's file URL. */
declare const TSUNAGU_SEARCH_THREAD: string | undefined;

/** Starts the thread: compiled next to the server, or from the TypeScript source (under tsx and vitest). */
function startThread(workerData: unknown, resourceLimits?: ResourceLimits): Worker {
  const entry = typeof TSUNAGU_SEARCH_THREAD === "string" ? new URL(TSUNAGU_SEARCH_THREAD) : new URL("./from-source.mjs", import.meta.url);
  return new Worker(entry, { workerData, resourceLimits });
}

export interface ThreadedSearchOptions {
  index?: EmbeddedIndexOptions;
  /**
   * Told once if the thread stops other than by `close` (it threw, or ran out of memory). The index
   * is gone with it: searches answer 503 and health says degraded until the process restarts.
   */
  onCrash?: (reason: Error) => void;
  /** The thread's V8 heap limits (Node's defaults otherwise). */
  resourceLimits?: ResourceLimits;
}

/**
 * The embedded engine on a thread of its own, behind the same port. The server's main thread
 * then parses requests, checks sessions, reads the database and writes answers while the
 * thread searches: a Node process uses a second core, with one copy of the index. Requests are
 * answered in the order they were sent, so a search sent after a write sees it.
 */
export class ThreadedSearch implements SearchPort {
  readonly engine = "embedded" as const;
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
  #lastId = 0;
  /** Bumped when a change to the index or its synonyms is done (see `resultsVersion`). */
  #version = 0;
  /** Why the thread is gone, once it is. */
  #gone: Error | undefined;
  /** Set by `close`: the thread's exit is then expected. */
  #closing = false;
  readonly #onCrash: ((reason: Error) => void) | undefined;

  constructor(options: ThreadedSearchOptions = {}) {
    this.#onCrash = options.onCrash;
    this.#worker = startThread({ options: options.index ?? {} }, options.resourceLimits);
    this.#worker.unref();
    this.#worker.on("message", (reply: ThreadReply) => this.#settle(reply));
    this.#worker.on("error", (err) => this.#stop(err));
    this.#worker.on("exit", (code) => this.#stop(new Error(`the search thread exited (code ${code})`)));
  }

  async prepare(synonyms: SynonymGroups): Promise<void> {
    await this.#call("prepare", synonyms);
    this.#version++;
  }

  async setSynonyms(synonyms: SynonymGroups): Promise<void> {
    await this.#call("setSynonyms", synonyms);
    this.#version++;
  }

  async replace(scope: DocumentScope, documents: readonly SearchDocument[]): Promise<void> {
    await this.#call("replace", scope, documents);
    this.#version++;
  }

  async replaceAll(batches: AsyncIterable<readonly SearchDocument[]> | Iterable<readonly SearchDocument[]>): Promise<void> {
    const build = await this.#call("buildBegin");
    try {
      // One batch in the thread while the next is read.
      let adding: Promise<void> = Promise.resolve();
      for await (const batch of batches) {
        await adding;
        adding = this.#call("buildAdd", build, batch);
      }
      await adding;
    } catch (err) {
      await this.#call("buildAbort", build).catch(() => undefined);
      throw err;
    }
    await this.#call("buildCommit", build);
    this.#version++;
  }

  search(query: SearchQuery): Promise<SearchResult> {
    return this.#call("search", query);
  }

  searchBodyHead(query: SearchQuery): Promise<SearchBodyHead> {
    return this.#call("searchBodyHead", query);
  }

  getDocuments(ids?: readonly string[]): Promise<SearchDocument[]> {
    return this.#call("getDocuments", ids);
  }

  stats(): Promise<SearchStats> {
    return this.#call("stats");
  }

  resultsVersion(): number {
    return this.#version;
  }

  async close(): Promise<void> {
    this.#closing = true;
    await this.#worker.terminate();
  }

  #call<N extends CallName>(call: N, ...args: Parameters<ThreadCalls[N]>): Promise<ReturnType<ThreadCalls[N]>> {
    if (this.#gone) return Promise.reject(new SearchUnavailableError("the search thread is not running", this.#gone));
    const id = ++this.#lastId;
    // Keep the process alive while an answer is awaited, not while the thread merely waits.
    if (this.#pending.size === 0) this.#worker.ref();
    return new Promise<ReturnType<ThreadCalls[N]>>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.#worker.postMessage({ id, call, args } satisfies ThreadRequest<N>);
    });
  }

  #settle(reply: ThreadReply): void {
    const waiting = this.#pending.get(reply.id);
    if (!waiting) return;
    this.#pending.delete(reply.id);
    if (this.#pending.size === 0) this.#worker.unref();
    if ("error" in reply) waiting.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
    else waiting.resolve(reply.value);
  }

  #stop(reason: Error): void {
    if (this.#gone) return;
    this.#gone = reason;
    if (!this.#closing) this.#onCrash?.(reason);
    for (const { reject } of this.#pending.values()) reject(new SearchUnavailableError("the search thread stopped", reason));
    this.#pending.clear();
  }
}
