import type { BenchSuite } from "../harness.js";
import { importSuite } from "./import.js";
import { startupSuite } from "./startup.js";

/** Every suite `npm run bench` knows, in report order. */
export const SUITES: BenchSuite[] = [startupSuite, importSuite];
