import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../src/db/create-db.js";
import { importOpenData } from "../../src/importers/opendata/import-opendata.js";
import { createSearchTestApp, getJson } from "../support/app.js";
import { TEST_DB, createTestDb } from "../support/db.js";

const FILES = [
  { name: "112038_preschool.csv", municipality: "112038", services: 302 },
  { name: "131083_kotoku_kodomosyokudo.csv", municipality: "131083", services: 24 },
  { name: "15_182109_kodomoshokudo.csv", municipality: "182109", services: 6 },
  { name: "472115_kodomonoibasyo_20221003.csv", municipality: "472115", services: 10 },
];

/**
 * Imported services reach GET /api/v1/search through the outbox: the index is built before the
 * import, so only the import's outbox rows can bring them in.
 */
describe(`imported open data in /api/v1/search on ${TEST_DB}`, () => {
  let h: DbHandle;
  let app: ReturnType<typeof createSearchTestApp>["app"];
  const search = async (qs: string) => (await getJson(app, `/api/v1/search?${qs}`)).body;

  beforeAll(async () => {
    h = await createTestDb();
    app = createSearchTestApp(h).app;
    expect((await search("size=1")).total).toBe(0);
    for (const f of FILES) await importOpenData(h.db, readFileSync(new URL(`../fixtures/opendata/${f.name}`, import.meta.url)), { fileName: f.name });
  });
  afterAll(() => h.close());

  it.each(FILES)("finds all $services services of $name by municipality", async (f) => {
    expect((await search(`municipality=${f.municipality}&size=1`)).total).toBe(f.services);
  });

  it("finds a facility by name, with the structure the import read", async () => {
    const { hits } = await search(`q=${encodeURIComponent("川口市立栄町保育所")}&size=5`);
    expect(hits[0]).toMatchObject({
      name: "川口市立栄町保育所",
      kind: "daycare",
      organization: { name: "川口市" },
      address: "埼玉県川口市栄町1-2-19",
      lat: 35.80447743,
      lng: 139.7269241,
      ageMinMonths: 12,
      ageMaxMonths: 71,
    });
  });

  it("finds こども食堂 by kind, age and day, and the monthly one only on its day", async () => {
    const sunday = await search("kind=kodomo-shokudo&municipality=182109&openOn=sun&size=20");
    expect(sunday.hits.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(["子ども食堂スマイル", "えがお子ども食堂"]));
    const free = await search("municipality=472115&free=true&size=20");
    expect(free.total).toBe(10);
    const clubs = await search("kind=after-school&municipality=112038&ageMonths=100&size=1");
    expect(clubs.total).toBe(56);
  });
});
