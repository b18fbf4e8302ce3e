import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import { positiveInt } from "../context.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** `tsunagu bench`: the runner of `npm run bench` (bench/run.ts), in a process of its own. */
export function benchCommand(): Command {
  return new Command("bench")
    .description("run the benchmarks (as npm run bench) and refresh bench/results.json and bench/README.md")
    .option("--only <suites>", "comma-separated suites to run (see --list)")
    .option("--docs <count>", "size of the synthetic catalog (default 200000)", positiveInt("--docs"))
    .option("--list", "list the suites")
    .action(async (opts: { only?: string; docs?: number; list?: boolean }) => {
      const args = [
        ...(opts.only ? ["--only", opts.only] : []),
        ...(opts.docs ? ["--docs", String(opts.docs)] : []),
        ...(opts.list ? ["--list"] : []),
      ];
      const child = spawn(process.execPath, ["--import", "tsx", "bench/run.ts", ...args], { cwd: ROOT, stdio: "inherit" });
      const code = await new Promise<number>((resolve) => child.once("exit", (c) => resolve(c ?? 1)));
      process.exitCode = code;
    });
}
