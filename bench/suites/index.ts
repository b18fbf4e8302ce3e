import type { BenchSuite } from "../harness.js";
import { importSuite } from "./import.js";
import { loadSuite } from "./load.js";
import { matchingSuite } from "./matching.js";
import { searchSuite } from "./search.js";
import { startupSuite } from "./startup.js";

/** Every suite `npm run bench` knows, in report order. */
export const SUITES: BenchSuite[] = [startupSuite, importSuite, matchingSuite, searchSuite, loadSuite];
