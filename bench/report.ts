import type { SuiteResult } from "./harness.js";

const BEGIN = "<!-- results:begin -->";
const END = "<!-- results:end -->";

/** Replaces the generated block of bench/README.md (everything else in it is hand-written). */
export function renderReport(readme: string, results: SuiteResult[]): string {
  const table = [
    BEGIN,
    "| suite | metric | value | target | met | measured |",
    "|---|---|---|---|---|---|",
    ...results.flatMap((r) =>
      r.rows.map(
        (row) =>
          `| ${r.suite} | ${row.metric}${row.note ? ` (${row.note})` : ""} | ${row.value} ${row.unit} | ${row.target ?? ""} | ${
            row.met === undefined ? "" : row.met ? "yes" : "**no**"
          } | ${r.measuredAt.slice(0, 10)} |`,
      ),
    ),
    "",
    `Machine: ${results[0]?.machine ?? "?"}`,
    END,
  ].join("\n");
  if (readme.includes(BEGIN) && readme.includes(END)) {
    return readme.slice(0, readme.indexOf(BEGIN)) + table + readme.slice(readme.indexOf(END) + END.length);
  }
  return `${readme.trim() ? `${readme.trim()}\n\n` : "# Benchmarks\n\n"}${table}\n`;
}
