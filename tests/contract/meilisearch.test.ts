import { randomBytes } from "node:crypto";
import { describe } from "vitest";
import { MeilisearchAdapter } from "../../src/search/meilisearch/meilisearch-adapter.js";
import { runSearchPortContract } from "./search-port.case.js";

/** Against a real Meilisearch only when `MEILISEARCH_URL` is set (`MEILISEARCH_KEY` optional); each run uses its own index. */
const url = process.env.MEILISEARCH_URL;
if (url) {
  runSearchPortContract("meilisearch", async () =>
    new MeilisearchAdapter({ host: url, apiKey: process.env.MEILISEARCH_KEY, indexUid: `tsunagu_contract_${randomBytes(4).toString("hex")}` }),
  );
} else {
  describe.skip("search port contract: meilisearch (set MEILISEARCH_URL)", () => {});
}
