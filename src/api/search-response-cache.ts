import type { Context, MiddlewareHandler } from "hono";
import { LRUCache } from "lru-cache";
import type { SearchPort } from "../search/port.js";
import type { AppEnv } from "./env.js";

/**
 * Answers a repeated public search from memory. Families ask the same things over and over
 * (子ども食堂, the city's map), and the answer only changes when the index does, so the JSON body
 * is kept per query string and thrown away as soon as the index's `resultsVersion` moves: a
 * cached answer is never older than the index it would be computed from. Only indexes that
 * this process alone writes have a version (the embedded engine); with a shared Meilisearch
 * index nothing is cached. Public results only: the search route reads no principal.
 *
 * The body is kept without its last field, `tookMs`, which a hit fills with its own time. It is
 * kept as UTF-8 bytes, outside the JS heap: as strings, 32 MiB of answers that come and go kept
 * the garbage collector marking the index over and over, and an uncached search cost twice the
 * CPU it costs without the cache (bench/README.md). Bytes are also what the socket is sent.
 *
 * An answer is kept the second time its question is asked (nginx's `proxy_cache_min_uses 2`):
 * most "near me" questions are asked once, from one family's spot, and kept at once they pushed
 * the city's map and the common words out of the cache before they were asked again.
 */
interface Held {
  /** Query string → the response body up to, not including, `,"tookMs":…}`. */
  bodies: LRUCache<string, Uint8Array>;
  /** The index version every kept body belongs to. */
  version: number;
  /** The latest questions asked (whose answers are not kept yet). */
  asked: LRUCache<string, true>;
}

/** How many recent questions are remembered to tell a repeated one (a few MiB of query strings). */
const ASKED_KEYS = 20_000;

export interface SearchResponseCacheOptions {
  /** Memory for cached bodies, in MiB (0: no cache). */
  maxMiB: number;
}

const caches = new WeakMap<SearchPort, Held>();

function cacheFor(search: SearchPort, options: SearchResponseCacheOptions): Held | undefined {
  if (!search.resultsVersion || options.maxMiB <= 0) return undefined;
  let held = caches.get(search);
  if (!held) {
    // The key is a UTF-16 string: two bytes a code unit.
    held = {
      bodies: new LRUCache<string, Uint8Array>({ maxSize: options.maxMiB * 2 ** 20, sizeCalculation: (head, key) => head.byteLength + 2 * key.length }),
      version: -1,
      asked: new LRUCache<string, true>({ max: ASKED_KEYS }),
    };
    caches.set(search, held);
  }
  return held;
}

/** The raw query string: the same bytes ask the same question (and were valid when first answered). */
const keyOf = (c: Context<AppEnv>): string => {
  const url = c.req.url;
  const at = url.indexOf("?");
  return at < 0 ? "" : url.slice(at + 1);
};

const utf8 = new TextEncoder();

/** `X-Cache: hit` or `miss` says which it was (as CDNs do), for operators and tests. */
function respond(c: Context<AppEnv>, head: Uint8Array, tookMs: number, cache: "hit" | "miss") {
  const tail = utf8.encode(`,"tookMs":${Math.round(tookMs * 100) / 100}}`);
  const body = new Uint8Array(head.byteLength + tail.byteLength);
  body.set(head);
  body.set(tail, head.byteLength);
  return c.body(body, 200, { "content-type": "application/json", "x-cache": cache });
}

/** Route middleware (before validation): a hit for the current index version is answered here. */
export const serveCachedSearch: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = performance.now();
  const { search, config } = c.get("deps");
  const held = cacheFor(search, { maxMiB: config.TSUNAGU_SEARCH_CACHE_MIB });
  const head = held && held.version === search.resultsVersion!() ? held.bodies.get(keyOf(c)) : undefined;
  if (head !== undefined) return respond(c, head, performance.now() - started, "hit");
  await next();
};

/**
 * Answers with the JSON body `head` + `,"tookMs":…}` and, if its question was asked before, keeps
 * `head` for `version`, the index version read before the search ran. A newer version drops every
 * body kept for an older one.
 */
export function respondAndRemember(c: Context<AppEnv>, version: number | undefined, head: Uint8Array, tookMs: number): Response {
  const { search, config } = c.get("deps");
  const held = version === undefined ? undefined : cacheFor(search, { maxMiB: config.TSUNAGU_SEARCH_CACHE_MIB });
  const key = keyOf(c);
  if (held && version !== undefined && askedBefore(held, key)) {
    if (held.version !== version) {
      held.bodies.clear();
      held.version = version;
    }
    held.bodies.set(key, head);
  }
  return respond(c, head, tookMs, "miss");
}

/** Whether `key` is among the latest questions; it is noted as asked either way. */
function askedBefore(held: Held, key: string): boolean {
  if (held.asked.has(key)) return true;
  held.asked.set(key, true);
  return false;
}
