import { describe, expect, it } from "vitest";
import { EmbeddedSearch } from "../../src/search/embedded/embedded-search.js";
import { runSearchPortContract } from "./search-port.case.js";

const makePort = async () => new EmbeddedSearch();

describe("embedded search adapter", () => {
  it("reports itself as the embedded engine", async () => {
    const port = await makePort();
    try {
      expect(port.engine).toBe("embedded");
    } finally {
      await port.close();
    }
  });
});

runSearchPortContract("embedded", makePort);
