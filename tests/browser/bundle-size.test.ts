import { readFile, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { WEB_DIST } from "../../src/node/static-files.js";
import { ARTIFACTS } from "./support/browser.js";

/** The JavaScript a family's phone downloads for `/`: the entry script and what it preloads. */
const BUDGET_GZIP_BYTES = 150 * 1024;

describe("web bundle size", () => {
  it(`keeps the public page's JavaScript under ${BUDGET_GZIP_BYTES / 1024} KB gzipped`, async () => {
    const html = await readFile(join(WEB_DIST, "index.html"), "utf8");
    const scripts = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    const sizes = await Promise.all(
      scripts.map(async (src) => {
        const body = await readFile(join(WEB_DIST, src));
        return { src, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
      }),
    );
    const total = sizes.reduce((n, s) => n + s.gzip, 0);
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(join(ARTIFACTS, "bundle-size.json"), JSON.stringify({ budgetGzipBytes: BUDGET_GZIP_BYTES, totalGzipBytes: total, files: sizes }, null, 2));
    expect(total).toBeLessThan(BUDGET_GZIP_BYTES);
  });
});
