import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../src/db/create-db.js";
import { insertServices } from "../../src/catalog/writer.js";
import { createLogger } from "../../src/log.js";
import { enqueueOrganizationChanges, enqueueServiceChanges } from "../../src/outbox/enqueue.js";
import { OutboxWorker } from "../../src/outbox/worker.js";
import type { SearchDocument } from "../../src/search/document.js";
import { EmbeddedSearch } from "../../src/search/embedded/embedded-search.js";
import { type DocumentScope, type SearchQuery, type SearchResult, type SearchStats, SearchUnavailableError, type SynonymGroups } from "../../src/search/port.js";
import { streamAllDocuments } from "../../src/search/projection.js";
import { rebuildSearchIndex } from "../../src/search/rebuild.js";
import { createApp } from "../../src/api/app.js";
import { loadConfig } from "../../src/config.js";
import { TEST_DB, createTestDb } from "../support/db.js";
import { expectProblem } from "../support/problem.js";
import { aService, insertCatalog } from "../support/catalog.js";

/**
 * An index that can be switched off: writes, searches and stats fail as if the engine were
 * unreachable (`getDocuments` stays up, for the test to look inside).
 */
class SwitchableSearch extends EmbeddedSearch {
  down = false;
  failures = 0;
  override async search(query: SearchQuery): Promise<SearchResult> {
    this.#check();
    return super.search(query);
  }
  override async stats(): Promise<SearchStats> {
    this.#check();
    return super.stats();
  }
  override async replace(scope: DocumentScope, documents: readonly SearchDocument[]): Promise<void> {
    this.#check();
    return super.replace(scope, documents);
  }
  override async setSynonyms(synonyms: SynonymGroups): Promise<void> {
    this.#check();
    return super.setSynonyms(synonyms);
  }
  #check() {
    if (!this.down) return;
    this.failures++;
    throw new SearchUnavailableError("search index switched off by the test");
  }
}

async function pending(h: DbHandle): Promise<number> {
  const row = await h.db.selectFrom("outbox").select((eb) => eb.fn.countAll<string>().as("n")).where("processed_at", "is", null).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function until(condition: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 1200; i++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting: ${what}`);
}

async function dbDocuments(h: DbHandle): Promise<SearchDocument[]> {
  const out: SearchDocument[] = [];
  for await (const batch of streamAllDocuments(h.db)) out.push(...batch);
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

describe(`outbox while the search index is down, on ${TEST_DB}`, () => {
  let h: DbHandle;
  let search: SwitchableSearch;
  let worker: OutboxWorker;
  let app: ReturnType<typeof createApp>;
  const organizations: string[] = [];
  const services: string[] = [];

  beforeAll(async () => {
    h = await createTestDb();
    for (let i = 0; i < 5; i++) {
      const c = await insertCatalog(h.db, {
        organization: { name: `テスト団体${i}` },
        services: Array.from({ length: 8 }, (_, j) => ({ draft: { name: `テスト食堂${i}-${j}` } })),
      });
      organizations.push(c.organizationId);
      services.push(...c.serviceIds);
    }
    search = new SwitchableSearch();
    await rebuildSearchIndex(h.db, search);
    worker = new OutboxWorker({ db: h.db, search, log: createLogger("silent"), backoffMs: 10, maxBackoffMs: 100, pollMs: 20, batchSize: 100 });
    worker.start();
    app = createApp({ db: h.db, dbKind: h.kind, config: loadConfig({ TSUNAGU_SEED: "none", LOG_LEVEL: "silent" }), log: createLogger("silent"), search, indexer: worker });
  });

  const health = async () => {
    const res = await app.request("/api/v1/health");
    expect(res.status).toBe(200);
    return (await res.json()) as { status: string; searchStatus: string; outboxPending: number; outboxRetrying: boolean };
  };
  afterAll(async () => {
    await worker.stop();
    await h.close();
  });

  it("keeps every change, reports itself degraded, and applies them in order once the index is back", async () => {
    const before = (await search.getDocuments()).map((d) => d.id).sort();
    expect(await health()).toMatchObject({ status: "ok", searchStatus: "ok", outboxPending: 0, outboxRetrying: false });
    search.down = true;

    // 1,000 changes in 200 transactions: new services, renames, unpublishing and publishing,
    // deletions, and organizations hidden and shown again.
    let seed = 42;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    let changes = 0;
    for (let t = 0; t < 200; t++) {
      await h.db.transaction().execute(async (trx) => {
        for (let c = 0; c < 5; c++, changes++) {
          const op = rand(10);
          const id = services[rand(services.length)]!;
          if (op < 3) {
            const org = organizations[rand(organizations.length)]!;
            const [created] = await insertServices(trx, [{ organizationId: org, draft: aService({ name: `新規サービス${changes}` }), verification: { status: "published" } }]);
            services.push(created!);
            await enqueueServiceChanges(trx, [created!]);
          } else if (op < 6) {
            await trx.updateTable("service").set({ name: `改名${changes}`, updated_at: new Date() }).where("id", "=", id).execute();
            await enqueueServiceChanges(trx, [id]);
          } else if (op < 8) {
            await trx.updateTable("service").set({ verification_status: rand(2) ? "pending" : "published", updated_at: new Date() }).where("id", "=", id).execute();
            await enqueueServiceChanges(trx, [id]);
          } else if (op < 9) {
            await trx.deleteFrom("service").where("id", "=", id).execute();
            await enqueueServiceChanges(trx, [id]);
          } else {
            const org = organizations[rand(organizations.length)]!;
            await trx.updateTable("organization").set({ verification_status: rand(3) ? "published" : "pending", name: `団体${changes}` }).where("id", "=", org).execute();
            await enqueueOrganizationChanges(trx, [org]);
          }
        }
      });
    }
    expect(changes).toBe(1000);

    await until(async () => search.failures >= 3, "the worker to retry");
    expect(worker.status()).toMatchObject({ retrying: true });
    expect(await pending(h)).toBe(1000);
    expect((await search.getDocuments()).map((d) => d.id).sort()).toEqual(before);
    const head = await h.db.selectFrom("outbox").select(["attempts", "last_error"]).orderBy("id").limit(1).executeTakeFirstOrThrow();
    expect(head.attempts).toBeGreaterThan(0);
    expect(head.last_error).toMatch(/switched off/);
    // What the public and operators see meanwhile: search answers 503, health says degraded and why.
    await expectProblem(await app.request("/api/v1/search?q=テスト食堂"), 503);
    expect(await health()).toMatchObject({ status: "degraded", searchStatus: "unavailable", outboxPending: 1000, outboxRetrying: true });

    search.down = false;
    await until(async () => (await pending(h)) === 0, "the outbox to drain");
    expect(worker.status()).toMatchObject({ retrying: false });
    expect(await search.getDocuments().then((docs) => docs.sort((a, b) => a.id.localeCompare(b.id)))).toEqual(await dbDocuments(h));
    const parked = await h.db.selectFrom("outbox").select("id").where("last_error", "like", "parked%").execute();
    expect(parked).toEqual([]);
    expect(await health()).toMatchObject({ status: "ok", searchStatus: "ok", outboxPending: 0, outboxRetrying: false });
    expect((await app.request("/api/v1/search?q=新規サービス")).status).toBe(200);
  });
});
