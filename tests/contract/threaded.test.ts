import { describe, expect, it } from "vitest";
import { EmbeddedSearch } from "../../src/search/embedded/embedded-search.js";
import { ThreadedSearch } from "../../src/search/embedded/thread/threaded-search.js";
import { SearchUnavailableError, type SearchQuery } from "../../src/search/port.js";
import { bodyHeadOf } from "../../src/search/response-body.js";
import { BUILT_IN_SYNONYMS } from "../../src/search/synonyms.js";
import { aDocument } from "../support/documents.js";
import { runSearchPortContract } from "./search-port.case.js";

/** The embedded engine on its own thread (what the Node server runs) is held to the same contract. */
runSearchPortContract("embedded, on a thread", async () => new ThreadedSearch());

describe("the embedded engine on a thread", () => {
  const docs = [
    aDocument({ name: "栄町子ども食堂", nameKana: "サカエチョウコドモショクドウ", lat: 35.8035, lng: 139.7205 }),
    aDocument({ kind: "daycare", name: "星の子保育園", nameKana: "ホシノコホイクエン", lat: 35.84, lng: 139.7, ageMinMonths: 6, ageMaxMonths: 71 }),
    aDocument({ kind: "hiroba", name: "親子ひろば そよかぜ", lat: null, lng: null, address: "" }),
  ];
  const queries: SearchQuery[] = [
    { page: 1, size: 20 },
    { text: "子ども食堂", page: 1, size: 20 },
    { origin: { lat: 35.81, lng: 139.72 }, sort: "distance", within: { kind: "radius", center: { lat: 35.81, lng: 139.72 }, radiusMeters: 5000 }, page: 1, size: 1 },
    { filter: { kinds: ["daycare"], ageMonths: 12 }, facets: ["kind", "language"], page: 1, size: 20 },
  ];

  it("writes the API's body exactly as it is written from the in-process engine's result", async () => {
    const threaded = new ThreadedSearch();
    const inline = new EmbeddedSearch();
    try {
      for (const port of [threaded, inline]) {
        await port.prepare(BUILT_IN_SYNONYMS);
        await port.replaceAll([docs]);
      }
      const text = new TextDecoder();
      for (const query of queries) {
        const fromThread = await threaded.searchBodyHead(query);
        expect(text.decode(fromThread.head)).toBe(text.decode(bodyHeadOf(await inline.search(query)).head));
        expect(JSON.parse(`${text.decode(fromThread.head)}}`).hits.length).toBeGreaterThan(0);
      }
    } finally {
      await threaded.close();
    }
  });

  it("moves its results version only once a change is done, and a search sent after a change sees it", async () => {
    const port = new ThreadedSearch();
    try {
      await port.prepare(BUILT_IN_SYNONYMS);
      await port.replaceAll([docs.slice(0, 1)]);
      const before = port.resultsVersion();
      const replacing = port.replace({ serviceIds: [docs[1]!.serviceId] }, [docs[1]!]);
      expect(port.resultsVersion()).toBe(before);
      const searched = port.search({ filter: { kinds: ["daycare"] }, page: 1, size: 20 });
      await replacing;
      expect(port.resultsVersion()).toBeGreaterThan(before);
      expect((await searched).total).toBe(1);
    } finally {
      await port.close();
    }
  });

  it("keeps the index it has when a rebuild's batches fail, and answers after", async () => {
    const port = new ThreadedSearch();
    try {
      await port.replaceAll([docs]);
      async function* failing() {
        yield [docs[0]!];
        throw new Error("the database went away");
      }
      await expect(port.replaceAll(failing())).rejects.toThrow("the database went away");
      expect((await port.stats()).documents).toBe(docs.length);
    } finally {
      await port.close();
    }
  });

  it("answers 'unavailable' once closed, and a close is no crash", async () => {
    const crashes: Error[] = [];
    const port = new ThreadedSearch({ onCrash: (err) => crashes.push(err) });
    await port.replaceAll([docs]);
    await port.close();
    await expect(port.search({ page: 1, size: 20 })).rejects.toBeInstanceOf(SearchUnavailableError);
    await expect(port.stats()).rejects.toBeInstanceOf(SearchUnavailableError);
    expect(crashes).toEqual([]);
  });

  it("tells of a crash once, and answers 'unavailable' after it: the thread out of memory in a rebuild", async () => {
    const crashes: Error[] = [];
    const port = new ThreadedSearch({ onCrash: (err) => crashes.push(err), resourceLimits: { maxOldGenerationSizeMb: 48 } });
    try {
      const description = "地域の親子が集まる居場所です。".repeat(200);
      async function* endless() {
        for (let batch = 0; batch < 1_000; batch++) yield Array.from({ length: 1_000 }, () => aDocument({ description }));
      }
      await expect(port.replaceAll(endless())).rejects.toBeInstanceOf(SearchUnavailableError);
      await expect(port.search({ page: 1, size: 20 })).rejects.toBeInstanceOf(SearchUnavailableError);
      expect(crashes).toHaveLength(1);
      expect(crashes[0]!.message).toMatch(/memory|exited/i);
    } finally {
      await port.close();
    }
    expect(crashes).toHaveLength(1);
  }, 120_000);
});
