import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { MeilisearchAdapter } from "../../src/search/meilisearch/meilisearch-adapter.js";
import { runSearchPortContract } from "./search-port.case.js";

/** Against a real Meilisearch only when `MEILISEARCH_URL` is set (`MEILISEARCH_KEY` optional); each run uses its own index. */
const url = process.env.MEILISEARCH_URL;
const makePort = (host: string) => async () =>
  new MeilisearchAdapter({ host, apiKey: process.env.MEILISEARCH_KEY, indexUid: `tsunagu_contract_${randomBytes(4).toString("hex")}` });

describe("meilisearch search adapter", () => {
  // Making the adapter does not reach the server, so this runs without one too.
  it("reports itself as the meilisearch engine", async () => {
    const port = await makePort(url ?? "http://127.0.0.1:7700")();
    try {
      expect(port.engine).toBe("meilisearch");
    } finally {
      await port.close();
    }
  });
});

if (url) {
  runSearchPortContract("meilisearch", makePort(url));
} else {
  describe.skip("search port contract: meilisearch (set MEILISEARCH_URL)", () => {});
}
