import { cpus, totalmem } from "node:os";
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { BenchContext, SuiteResult } from "./harness.js";
import { SUITES } from "./suites/index.js";
import { renderReport } from "./report.js";

/**
 * `npm run bench [-- --only name[,name] --docs N]`: runs the benchmark suites and refreshes
 * bench/results.json and the table in bench/README.md.
 */
const { values } = parseArgs({
  options: {
    only: { type: "string" },
    docs: { type: "string" },
    list: { type: "boolean" },
  },
});

if (values.list) {
  for (const s of SUITES) console.log(`${s.name.padEnd(16)} ${s.description}`);
  process.exit(0);
}

const wanted = values.only?.split(",").map((s) => s.trim());
const unknown = wanted?.filter((w) => !SUITES.some((s) => s.name === w)) ?? [];
if (unknown.length) {
  console.error(`unknown suite(s): ${unknown.join(", ")}; run with --list`);
  process.exit(2);
}
const docs = values.docs ? Number(values.docs) : 200_000;
if (!Number.isInteger(docs) || docs < 1) {
  console.error("--docs must be a positive whole number");
  process.exit(2);
}

const ctx: BenchContext = {
  docs,
  postgresUrl: process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
  log: (m) => console.log(`  ${m}`),
};
const machine = `${cpus().length} cores (${cpus()[0]?.model ?? "?"}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;

const resultsPath = new URL("./results.json", import.meta.url);
const previous: SuiteResult[] = JSON.parse(await readFile(resultsPath, "utf8").catch(() => "[]"));
const results = new Map(previous.map((r) => [r.suite, r]));

let failed = false;
for (const suite of SUITES.filter((s) => !wanted || wanted.includes(s.name))) {
  console.log(`== ${suite.name}: ${suite.description}`);
  try {
    const rows = await suite.run(ctx);
    results.set(suite.name, { suite: suite.name, description: suite.description, measuredAt: new Date().toISOString(), docs, machine, rows });
    for (const r of rows) {
      const verdict = r.met === undefined ? "" : r.met ? "  ✓" : "  ✗ MISSED";
      console.log(`  ${r.metric}: ${r.value} ${r.unit}${r.target ? ` (target ${r.target})` : ""}${verdict}`);
    }
  } catch (err) {
    failed = true;
    console.error(`  suite ${suite.name} failed:`, err);
  }
}

const ordered = SUITES.map((s) => results.get(s.name)).filter((r): r is SuiteResult => Boolean(r));
await writeFile(resultsPath, JSON.stringify(ordered, null, 2) + "\n");
const readmePath = new URL("./README.md", import.meta.url);
await writeFile(readmePath, renderReport(await readFile(readmePath, "utf8").catch(() => ""), ordered));
console.log("wrote bench/results.json and bench/README.md");
process.exit(failed ? 1 : 0);
