import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SearchRejectedError, SearchUnavailableError } from "../../src/search/port.js";
import { buildFilter, quote, scopeFilter } from "../../src/search/meilisearch/filter.js";
import { MeilisearchAdapter } from "../../src/search/meilisearch/meilisearch-adapter.js";
import { meiliSettings, meiliSynonyms } from "../../src/search/meilisearch/settings.js";
import { toRecord } from "../../src/search/meilisearch/record.js";
import { aDocument } from "../support/documents.js";

describe("Meilisearch filter expressions", () => {
  it("are generated from every part of the typed query", () => {
    expect(
      buildFilter({
        filter: {
          kinds: ["daycare", "hiroba"],
          organizationId: "00000000-0000-4000-8000-000000000001",
          municipalityCode: "112038",
          ageMonths: 14,
          pregnancyWeeks: 20,
          languages: ["vi"],
          freeOnly: true,
          openOn: "sat",
        },
        within: { kind: "radius", center: { lat: 35.8035, lng: 139.7205 }, radiusMeters: 1500 },
      }),
    ).toEqual([
      'kinds IN ["daycare", "hiroba"]',
      'organizationId = "00000000-0000-4000-8000-000000000001"',
      'municipalityCode = "112038"',
      "(ageMinMonths IS NULL OR ageMinMonths <= 14)",
      "(ageMaxMonths IS NULL OR ageMaxMonths >= 14)",
      "acceptsPrenatal = true",
      "(pregnancyMinWeeks IS NULL OR pregnancyMinWeeks <= 20)",
      'languages IN ["vi"]',
      "costFree = true",
      'days = "sat"',
      "_geoRadius(35.8035, 139.7205, 1500)",
    ]);
  });

  it("put the north-east corner of a box first", () => {
    expect(buildFilter({ within: { kind: "bbox", minLng: 139.6, minLat: 35.7, maxLng: 139.8, maxLat: 35.9 } })).toEqual([
      "_geoBoundingBox([35.9, 139.8], [35.7, 139.6])",
    ]);
  });

  it("quote and escape every string, so user text cannot change the expression", () => {
    expect(quote('a" OR kinds EXISTS OR "')).toBe('"a\\" OR kinds EXISTS OR \\""');
    expect(quote("back\\slash")).toBe('"back\\\\slash"');
    expect(buildFilter({ filter: { organizationId: '" OR id EXISTS' } })).toEqual(['organizationId = "\\" OR id EXISTS"']);
    expect(() => buildFilter({ filter: { ageMonths: Number.NaN } })).toThrow(RangeError);
  });

  it("delete the documents of a scope except those kept", () => {
    expect(scopeFilter(["s1"], ["o1"], ["d1"])).toBe('(serviceId IN ["s1"] OR organizationId IN ["o1"]) AND id NOT IN ["d1"]');
    expect(scopeFilter(["s1"], [], [])).toBe('(serviceId IN ["s1"])');
  });
});

describe("Meilisearch settings", () => {
  const settings = meiliSettings([["ファミサポ", "ファミリーサポート"]]);

  it("rank name > reading > kinds > organization > description > address, with Meilisearch's typo thresholds", () => {
    expect(settings.searchableAttributes).toEqual(["s_name", "s_nameKana", "s_kinds", "s_organization", "s_description", "s_address"]);
    expect(settings.rankingRules).toEqual(["words", "typo", "proximity", "attribute", "sort", "exactness"]);
    expect(settings.typoTolerance).toEqual({ enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } });
    expect(settings.localizedAttributes).toEqual([{ attributePatterns: settings.searchableAttributes, locales: ["jpn"] }]);
  });

  it("can filter and sort on what the typed query uses", () => {
    expect(settings.filterableAttributes).toEqual(expect.arrayContaining(["kinds", "_geo", "serviceId", "organizationId", "id", "days", "languages"]));
    expect(settings.sortableAttributes).toEqual(expect.arrayContaining(["_geo", "verifiedAtTs"]));
    expect(settings.pagination?.maxTotalHits).toBeGreaterThanOrEqual(200_000);
  });

  it("keep domain words whole and map synonyms and everyday phrases", () => {
    expect(settings.dictionary).toEqual(expect.arrayContaining(["こども食堂", "産後けあ", "しよとすて"]));
    const synonyms = meiliSynonyms([["ファミサポ", "ファミリーサポート"]]);
    expect(synonyms["ふあみさぽ"]).toEqual(["ふあみりさぽと"]);
    expect(synonyms["休みたい"]).toEqual(expect.arrayContaining(["産後けあ", "しよとすて"]));
  });

  it("store _geo and folded search fields beside the document", () => {
    const r = toRecord(aDocument({ name: "子供食堂", lat: 35.8, lng: 139.7 }));
    expect(r._geo).toEqual({ lat: 35.8, lng: 139.7 });
    expect(r.s_name).toBe("こども食堂");
    expect(toRecord(aDocument({ lat: null, lng: null }))._geo).toBeUndefined();
  });
});

describe("Meilisearch adapter over HTTP", () => {
  let server: Server;
  let url: string;
  const requests: { method: string; path: string; body: any }[] = [];
  const tasks = new Map<number, object>();

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = "";
      req.on("data", (c) => (raw += c));
      req.on("end", () => {
        const body = raw ? JSON.parse(raw) : undefined;
        requests.push({ method: req.method!, path: req.url!, body });
        const json = (status: number, value: unknown) => {
          res.writeHead(status, { "content-type": "application/json" });
          res.end(JSON.stringify(value));
        };
        const task = /^\/tasks\/(\d+)/.exec(req.url!);
        if (task) return json(200, tasks.get(Number(task[1])));
        const uid = tasks.size + 1;
        const failed = req.url!.split("?")[0]!.endsWith("/documents");
        tasks.set(uid, {
          uid, indexUid: "t", type: failed ? "documentAdditionOrUpdate" : "settingsUpdate", status: failed ? "failed" : "succeeded",
          error: failed ? { message: "invalid _geo", code: "invalid_document_geo_field" } : null,
        });
        json(202, { taskUid: uid, indexUid: "t", status: "enqueued", type: "x", enqueuedAt: new Date().toISOString() });
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("sends the settings and waits for the task", async () => {
    await new MeilisearchAdapter({ host: url, indexUid: "t" }).prepare([]);
    expect(requests.map((r) => `${r.method} ${r.path.split("?")[0]}`)).toEqual(["POST /indexes", "GET /tasks/1", "PATCH /indexes/t/settings", "GET /tasks/2"]);
    expect(requests[2]!.body.searchableAttributes[0]).toBe("s_name");
  });

  it("turns a failed task into SearchRejectedError", async () => {
    await expect(new MeilisearchAdapter({ host: url, indexUid: "t" }).replace({ serviceIds: [] }, [aDocument()])).rejects.toBeInstanceOf(SearchRejectedError);
  });

  it("says clearly when the server cannot be reached", async () => {
    const down = new MeilisearchAdapter({ host: "http://127.0.0.1:9", indexUid: "t", timeoutMs: 2000 });
    const err = await down.search({ text: "x", page: 1, size: 20 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SearchUnavailableError);
    expect((err as Error).message).toMatch(/Meilisearch at http:\/\/127\.0\.0\.1:9 is unreachable/);
  });
});
