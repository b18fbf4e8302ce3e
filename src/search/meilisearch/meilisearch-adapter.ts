import {
  type EnqueuedTaskPromise,
  type Index,
  Meilisearch,
  MeilisearchApiError,
  MeilisearchError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
  type SearchParams,
} from "meilisearch";
import type { SearchDocument } from "../document.js";
import { distanceMeters } from "../embedded/geo.js";
import { highlightDocument } from "../highlight.js";
import {
  type DocumentScope,
  type FacetName,
  type SearchPort,
  type SearchQuery,
  SearchRejectedError,
  type SearchResult,
  type SearchStats,
  SearchUnavailableError,
  type SynonymGroups,
} from "../port.js";
import { SynonymTable, planQuery } from "../query-plan.js";
import { buildFilter, number, scopeFilter } from "./filter.js";
import { type MeiliRecord, fromRecord, toRecord } from "./record.js";
import { meiliSettings, meiliSynonyms } from "./settings.js";

export interface MeilisearchAdapterOptions {
  host: string;
  apiKey?: string;
  /** @defaultValue "tsunagu_documents" */
  indexUid?: string;
  /** Per HTTP request, ms. @defaultValue 10000 */
  timeoutMs?: number;
  /** How long to wait for an indexing task, ms. @defaultValue 120000 */
  taskTimeoutMs?: number;
}

/** Facet name of the port → the document field Meilisearch counts. */
const FACET_FIELDS: Record<FacetName, string> = {
  kind: "kinds",
  municipality: "municipalityCode",
  language: "languages",
  free: "costFree",
  openOn: "days",
};
const DOCUMENT_BATCH = 5000;

/**
 * The search port on Meilisearch, through the official client. Every write waits for its task
 * and checks that it succeeded (the client resolves failed tasks too); a server that cannot be
 * reached becomes `SearchUnavailableError` (the outbox retries, the API answers 503), a task the
 * server refuses becomes `SearchRejectedError` (the outbox parks the rows).
 */
export class MeilisearchAdapter implements SearchPort {
  readonly engine = "meilisearch" as const;
  readonly #client: Meilisearch;
  readonly #uid: string;
  readonly #host: string;
  readonly #taskTimeoutMs: number;
  #synonyms = new SynonymTable();

  constructor(options: MeilisearchAdapterOptions) {
    this.#host = options.host;
    this.#uid = options.indexUid ?? "tsunagu_documents";
    this.#taskTimeoutMs = options.taskTimeoutMs ?? 120_000;
    this.#client = new Meilisearch({ host: options.host, apiKey: options.apiKey, timeout: options.timeoutMs ?? 10_000 });
  }

  get #index(): Index<MeiliRecord> {
    return this.#client.index<MeiliRecord>(this.#uid);
  }

  async prepare(synonyms: SynonymGroups): Promise<void> {
    this.#synonyms = new SynonymTable(synonyms);
    await this.#ensureIndex(this.#uid);
    await this.#wait(this.#index.updateSettings(meiliSettings(synonyms)));
  }

  /**
   * Plans queries with these synonyms without touching the server's settings: for a process that
   * only searches (a Worker isolate) while another one keeps the index.
   */
  useSynonyms(synonyms: SynonymGroups): void {
    this.#synonyms = new SynonymTable(synonyms);
  }

  async setSynonyms(synonyms: SynonymGroups): Promise<void> {
    this.#synonyms = new SynonymTable(synonyms);
    await this.#wait(this.#index.updateSettings({ synonyms: meiliSynonyms(synonyms) }));
  }

  async replace(scope: DocumentScope, documents: readonly SearchDocument[]): Promise<void> {
    const keep = documents.map((d) => d.id);
    const services = [...scope.serviceIds];
    const organizations = [...(scope.organizationIds ?? [])];
    for (let i = 0; i < Math.max(services.length, organizations.length, 1); i += 1000) {
      const s = services.slice(i, i + 1000);
      const o = organizations.slice(i, i + 1000);
      if (s.length || o.length) await this.#wait(this.#index.deleteDocuments({ filter: scopeFilter(s, o, keep) }));
    }
    for (let i = 0; i < documents.length; i += DOCUMENT_BATCH) {
      await this.#wait(this.#index.addDocuments(documents.slice(i, i + DOCUMENT_BATCH).map(toRecord), { primaryKey: "id" }));
    }
  }

  /** Builds a new index beside the live one and swaps it in, so searches never see a half-built index. */
  async replaceAll(batches: AsyncIterable<readonly SearchDocument[]> | Iterable<readonly SearchDocument[]>): Promise<void> {
    const settings = await this.#call(() => this.#index.getSettings());
    const building = `${this.#uid}_build`;
    await this.#call(() => this.#client.deleteIndexIfExists(building));
    await this.#ensureIndex(building);
    const target = this.#client.index<MeiliRecord>(building);
    await this.#wait(target.updateSettings(settings));
    for await (const batch of batches) {
      if (batch.length) await this.#wait(target.addDocuments(batch.map(toRecord), { primaryKey: "id" }));
    }
    await this.#wait(this.#client.swapIndexes([{ indexes: [this.#uid, building], rename: false }]));
    await this.#wait(this.#client.deleteIndex(building));
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const started = performance.now();
    const text = query.text?.trim() ?? "";
    const plan = text ? planQuery(text, this.#synonyms) : undefined;
    const origin = query.origin ?? (query.within?.kind === "radius" ? query.within.center : undefined);
    const params: SearchParams & { page: number; hitsPerPage: number } = {
      filter: buildFilter(query),
      page: query.page,
      hitsPerPage: query.size,
      facets: (query.facets ?? []).map((f) => FACET_FIELDS[f]),
      locales: ["jpn"],
      matchingStrategy: "all",
    };
    if (query.sort === "distance" && origin) params.sort = [`_geoPoint(${number(origin.lat)}, ${number(origin.lng)}):asc`];
    else if (!plan) params.sort = ["verifiedAtTs:desc", "id:asc"];
    const q = plan?.folded ?? "";
    let response = await this.#call(() => this.#index.search<MeiliRecord, typeof params>(q, params));
    // Every word must match; when nothing does, let Meilisearch drop words from the end.
    if (plan && (response.totalHits ?? 0) === 0) response = await this.#call(() => this.#index.search<MeiliRecord, typeof params>(q, { ...params, matchingStrategy: "last" }));

    const forms = plan ? plan.chunks.flatMap((c) => c.whole).flatMap((t) => [
      { text: t.text, word: t.kind === "word" },
      ...t.alternatives.map((a) => ({ text: a.text, word: a.kind === "word" })),
    ]) : [];
    const facets: SearchResult["facets"] = {};
    for (const name of query.facets ?? []) facets[name] = { ...(response.facetDistribution?.[FACET_FIELDS[name]] ?? {}) };
    return {
      hits: response.hits.map((record) => {
        const document = fromRecord(record as MeiliRecord);
        const hit: SearchResult["hits"][number] = { document, highlights: highlightDocument(document, forms) };
        if (origin && document.lat !== null && document.lng !== null) {
          hit.distanceMeters = Math.round(distanceMeters(origin, { lat: document.lat, lng: document.lng }));
        }
        return hit;
      }),
      total: response.totalHits ?? 0,
      page: query.page,
      size: query.size,
      facets,
      expansions: plan?.expansions ?? [],
      tookMs: performance.now() - started,
    };
  }

  async getDocuments(ids?: readonly string[]): Promise<SearchDocument[]> {
    const out: SearchDocument[] = [];
    const fetchAll = async (filter?: string) => {
      for (let offset = 0; ; offset += 1000) {
        const page = await this.#call(() => this.#index.getDocuments({ offset, limit: 1000, ...(filter ? { filter } : {}) }));
        out.push(...page.results.map(fromRecord));
        if (page.results.length < 1000) return;
      }
    };
    if (!ids) await fetchAll();
    else for (let i = 0; i < ids.length; i += 500) await fetchAll(`id IN [${ids.slice(i, i + 500).map((id) => JSON.stringify(id)).join(", ")}]`);
    return out;
  }

  async stats(): Promise<SearchStats> {
    try {
      return { documents: (await this.#call(() => this.#index.getStats())).numberOfDocuments };
    } catch (err) {
      if (err instanceof MeilisearchApiError && err.cause?.code === "index_not_found") return { documents: 0 };
      throw err;
    }
  }

  async close(): Promise<void> {}

  async #ensureIndex(uid: string) {
    const task = await this.#call(() => this.#client.createIndex(uid, { primaryKey: "id" }).waitTask({ timeout: this.#taskTimeoutMs }));
    if (task.status !== "succeeded" && task.error?.code !== "index_already_exists") {
      throw new SearchRejectedError(`Meilisearch could not create index ${uid}: ${task.error?.message ?? task.status}`);
    }
  }

  /** Waits for a task and fails unless it succeeded. */
  async #wait(enqueued: EnqueuedTaskPromise): Promise<void> {
    const task = await this.#call(() => enqueued.waitTask({ timeout: this.#taskTimeoutMs }));
    if (task.status !== "succeeded") {
      throw new SearchRejectedError(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? "no reason given"}`);
    }
  }

  /** Runs a client call, translating "could not reach it" and "it said no". */
  async #call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof MeilisearchRequestError || err instanceof MeilisearchRequestTimeOutError || err instanceof MeilisearchTaskTimeOutError) {
        throw new SearchUnavailableError(`Meilisearch at ${this.#host} is unreachable or did not answer in time`, err);
      }
      if (err instanceof MeilisearchApiError && err.response.status >= 500) {
        throw new SearchUnavailableError(`Meilisearch at ${this.#host} answered ${err.response.status}`, err);
      }
      if (err instanceof MeilisearchError && !(err instanceof MeilisearchApiError)) {
        throw new SearchUnavailableError(`Meilisearch at ${this.#host} failed: ${err.message}`, err);
      }
      throw err;
    }
  }
}
