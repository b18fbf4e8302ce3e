import { type TransferListItem, parentPort, workerData } from "node:worker_threads";
import { type SearchBodyHead, bodyHeadOf } from "../../response-body.js";
import { EmbeddedSearch, type IndexBuilder } from "../embedded-search.js";
import type { EmbeddedIndexOptions } from "../engine.js";
import type { CallName, ThreadCalls, ThreadReply, ThreadRequest } from "./protocol.js";

/**
 * The search thread: the embedded engine, answering `ThreadedSearch`'s requests in the order
 * they come. A search runs while a rebuild is between batches, against the index in use.
 */
const port = parentPort!;
const search = new EmbeddedSearch((workerData as { options?: EmbeddedIndexOptions } | null)?.options);
const builds = new Map<number, IndexBuilder>();
let lastBuild = 0;

const build = (n: number): IndexBuilder => {
  const b = builds.get(n);
  if (!b) throw new Error(`no open build ${n}`);
  return b;
};

type Handlers = { [N in CallName]: (...args: Parameters<ThreadCalls[N]>) => ReturnType<ThreadCalls[N]> | Promise<ReturnType<ThreadCalls[N]>> };

const calls: Handlers = {
  prepare: (synonyms) => search.prepare(synonyms),
  setSynonyms: (synonyms) => search.setSynonyms(synonyms),
  replace: (scope, documents) => search.replace(scope, documents),
  search: (query) => search.search(query),
  searchBodyHead: async (query) => bodyHeadOf(await search.search(query)),
  getDocuments: (ids) => search.getDocuments(ids),
  stats: () => search.stats(),
  buildBegin: () => {
    builds.set(++lastBuild, search.builder());
    return lastBuild;
  },
  buildAdd: (n, documents) => build(n).add(documents),
  buildCommit: (n) => {
    build(n).commit();
    builds.delete(n);
  },
  buildAbort: (n) => void builds.delete(n),
};

/** A body's bytes are moved to the main thread, not copied (the encoder gives each its own buffer). */
const transferOf = (call: CallName, value: unknown): TransferListItem[] => (call === "searchBodyHead" ? [(value as SearchBodyHead).head.buffer as ArrayBuffer] : []);

port.on("message", async ({ id, call, args }: ThreadRequest) => {
  let reply: ThreadReply;
  try {
    reply = { id, value: await (calls[call] as (...a: unknown[]) => unknown)(...args) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    reply = { id, error: { name: e.name, message: e.message } };
  }
  port.postMessage(reply, "value" in reply ? transferOf(call, reply.value) : []);
});
