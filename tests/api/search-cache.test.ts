import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/api/app.js";
import { insertServices } from "../../src/catalog/writer.js";
import { loadConfig } from "../../src/config.js";
import type { DbHandle } from "../../src/db/create-db.js";
import { createLogger } from "../../src/log.js";
import { enqueueServiceChanges } from "../../src/outbox/enqueue.js";
import { OutboxWorker } from "../../src/outbox/worker.js";
import { EmbeddedSearch } from "../../src/search/embedded/embedded-search.js";
import { ThreadedSearch } from "../../src/search/embedded/thread/threaded-search.js";
import type { SearchPort } from "../../src/search/port.js";
import { rebuildSearchIndex } from "../../src/search/rebuild.js";
import { loadDemo } from "../../seed/load.js";
import { TEST_DB, createTestDb } from "../support/db.js";
import { aService } from "../support/catalog.js";

/**
 * Repeated public searches are answered from memory, and never with an answer older than the
 * index: the real engine and outbox worker, the worker drained by hand so the index changes
 * exactly when the test says.
 */
describe.each([
  ["in process", () => new EmbeddedSearch()],
  ["on a thread", () => new ThreadedSearch()],
])(`the search answer cache on ${TEST_DB}, the engine %s`, (_, makeSearch: () => SearchPort) => {
  let h: DbHandle;
  let worker: OutboxWorker;
  let search: SearchPort;
  const appWith = (env: Record<string, string> = {}) => {
    const config = loadConfig({ TSUNAGU_SEED: "none", LOG_LEVEL: "silent", ...env });
    return createApp({ db: h.db, dbKind: h.kind, config, log: createLogger("silent"), search, indexer: worker });
  };
  const get = async (app: ReturnType<typeof appWith>, qs: string) => {
    const res = await app.request(`/api/v1/search?${qs}`);
    const { tookMs, ...body } = (await res.json()) as any;
    expect(tookMs).toEqual(expect.any(Number));
    return { status: res.status, cache: res.headers.get("x-cache"), type: res.headers.get("content-type"), body };
  };
  const publish = async (name: string) => {
    const org = await h.db.selectFrom("organization").select("id").where("verification_status", "=", "published").executeTakeFirstOrThrow();
    await h.db.transaction().execute(async (trx) => {
      const ids = await insertServices(trx, [{ organizationId: org.id, draft: aService({ name }), verification: { status: "published" } }]);
      await enqueueServiceChanges(trx, ids);
    });
  };

  beforeAll(async () => {
    h = await createTestDb();
    await loadDemo(h.db);
    search = makeSearch();
    await rebuildSearchIndex(h.db, search);
    worker = new OutboxWorker({ db: h.db, search, log: createLogger("silent") });
  });
  afterAll(async () => {
    await search.close();
    await h.close();
  });

  it("answers a query string asked again from memory with the same body, once it was kept on its second asking", async () => {
    const app = appWith();
    const qs = `q=${encodeURIComponent("子ども食堂")}&lat=35.8016&lng=139.7175&radius=3000&facets=kind,language`;
    const [first, second, third] = [await get(app, qs), await get(app, qs), await get(app, qs)];
    expect([first, second, third].map((r) => [r.status, r.cache])).toEqual([[200, "miss"], [200, "miss"], [200, "hit"]]);
    expect(third.type).toMatch(/^application\/json/);
    expect(third.body).toEqual(first.body);
    expect(second.body).toEqual(first.body);
    expect(first.body.total).toBeGreaterThan(0);
  });

  it("drops every answer once the index changes, so a write shows at once", async () => {
    const app = appWith();
    const qs = `q=${encodeURIComponent("キャッシュ確認食堂")}`;
    const other = `kind=kodomo-shokudo&size=5`;
    expect((await get(app, qs)).body.total).toBe(0);
    await get(app, qs);
    await get(app, other);
    await get(app, other);
    expect((await get(app, qs)).cache).toBe("hit");

    await publish("キャッシュ確認食堂");
    // Committed but not yet applied: the index, and so the answer, has not changed.
    expect((await get(app, qs)).body.total).toBe(0);
    await worker.drain();
    const after = await get(app, qs);
    expect([after.cache, after.body.total, after.body.hits[0]?.name]).toEqual(["miss", 1, "キャッシュ確認食堂"]);
    expect((await get(app, other)).cache).toBe("miss");
  });

  it("never keeps a rejected query, and keeps nothing when turned off", async () => {
    const app = appWith();
    for (let i = 0; i < 2; i++) {
      const res = await app.request("/api/v1/search?radius=500");
      expect(res.status).toBe(400);
      expect(res.headers.get("x-cache")).toBeNull();
    }
    const off = appWith({ TSUNAGU_SEARCH_CACHE_MIB: "0" });
    const qs = "kind=hiroba";
    expect([(await get(off, qs)).cache, (await get(off, qs)).cache, (await get(off, qs)).cache]).toEqual(["miss", "miss", "miss"]);
  });
});
