import { EmbeddedSearch } from "../../src/search/embedded/embedded-search.js";
import { runSearchPortContract } from "./search-port.case.js";

runSearchPortContract("embedded", async () => new EmbeddedSearch());
