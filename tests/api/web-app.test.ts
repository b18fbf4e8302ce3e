import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/api/app.js";
import { loadConfig } from "../../src/config.js";
import type { DbHandle } from "../../src/db/create-db.js";
import { createLogger } from "../../src/log.js";
import { nodeStaticFiles } from "../../src/node/static-files.js";
import { TEST_DB, createTestDb } from "../support/db.js";
import { expectProblem } from "../support/problem.js";
import { FreshSearch } from "../support/search.js";

/** How the server hands out the web app: page addresses, hashed assets, compression, map tiles. */
describe(`web app serving on ${TEST_DB}`, () => {
  let h: DbHandle;
  let dist: string;
  const appWith = (env: Record<string, string> = {}, webDist = dist) =>
    createApp(
      { db: h.db, dbKind: h.kind, config: loadConfig({ TSUNAGU_SEED: "none", LOG_LEVEL: "silent", ...env }), log: createLogger("silent"), search: new FreshSearch(h.db) },
      { staticFiles: nodeStaticFiles({ webDist }) },
    );

  beforeAll(async () => {
    h = await createTestDb();
    // A stand-in build: the real one is checked by the browser suites.
    dist = await mkdtemp(join(tmpdir(), "tsunagu-web-"));
    await mkdir(join(dist, "assets"));
    await writeFile(join(dist, "index.html"), "<!doctype html><title>つなぐ</title>");
    await writeFile(join(dist, "assets/index-abc123.js"), "console.log(1)");
    await writeFile(join(dist, "assets/index-abc123.js.br"), "br-bytes");
  });
  afterAll(async () => {
    await rm(dist, { recursive: true, force: true });
    await h.close();
  });

  it("answers every page address with index.html, revalidated", async () => {
    for (const path of ["/", "/login", "/partner/services/1", "/?kind=kodomo-shokudo&lang=en"]) {
      const res = await appWith().request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(await res.text()).toContain("つなぐ");
    }
  });

  it("serves hashed assets for a year, precompressed when the browser accepts it", async () => {
    const res = await appWith().request("/assets/index-abc123.js", { headers: { "accept-encoding": "gzip, br" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(await res.text()).toBe("br-bytes");
  });

  it("leaves /api to the API and missing files to 404", async () => {
    await expectProblem(await appWith().request("/api/v1/nope"), 404);
    await expectProblem(await appWith().request("/assets/missing.js"), 404);
  });

  it("says how to build the app when it is not built", async () => {
    const res = await appWith({}, join(dist, "not-built")).request("/");
    await expectProblem(res, 503);
  });

  it("uses the offline basemap only, unless a tile URL is configured (then its origin is allowed by the CSP)", async () => {
    const off = await appWith().request("/api/v1/web-config");
    expect(await off.json()).toEqual({ map: { tileAttribution: "" } });
    expect(off.headers.get("content-security-policy")).toContain("img-src 'self' data:;");

    const gsi = "https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png";
    const on = await appWith({ TSUNAGU_MAP_TILE_URL: gsi, TSUNAGU_MAP_TILE_ATTRIBUTION: "地理院タイル" }).request("/api/v1/web-config");
    expect(await on.json()).toEqual({ map: { tileUrl: gsi, tileAttribution: "地理院タイル" } });
    expect(on.headers.get("content-security-policy")).toContain("img-src 'self' data: https://cyberjapandata.gsi.go.jp;");
    expect(() => loadConfig({ TSUNAGU_MAP_TILE_URL: "http://example.jp/tiles.png" })).toThrow(/TSUNAGU_MAP_TILE_URL/);
  });
});
