import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A process of its own logs through the sink and exits; what reached its stdout and stderr, in order. */
function run(script: string): Promise<{ stdout: string[]; stderr: string[] }> {
  const program = `import { createLogger } from "./src/log.ts"; import { bufferedLogSink } from "./src/node/buffered-log-sink.ts";
const log = createLogger("info", { app: "t" }, bufferedLogSink());
${script}`;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--import", "tsx", "--input-type=module", "-e", program], { cwd: ROOT }, (err, stdout, stderr) => {
      if (err) reject(err);
      else resolve({ stdout: lines(stdout), stderr: lines(stderr) });
    });
  });
}

const lines = (text: string) => text.split("\n").filter(Boolean).map((l) => (JSON.parse(l) as { msg: string }).msg);

describe("the Node server's buffered log sink", () => {
  it("writes every line, in order, whether the process exits at once or after the tick", async () => {
    const r = await run(`for (let i = 0; i < 5; i++) log.info("line " + i); setImmediate(() => { log.info("after"); process.exit(0); });`);
    expect(r.stdout).toEqual(["line 0", "line 1", "line 2", "line 3", "line 4", "after"]);
  });

  it("writes what was buffered before a warning goes to stderr, and flushes past 64 KiB without waiting", async () => {
    const r = await run(`log.info("before"); log.warn("careful"); const big = "x".repeat(1000);
for (let i = 0; i < 100; i++) log.info("bulk", { big });
process.stdout.write(JSON.stringify({ msg: "direct" }) + "\\n"); process.exit(0);`);
    expect(r.stderr).toEqual(["careful"]);
    // More than 64 KiB of lines were written before the direct write; the rest of them at exit.
    const direct = r.stdout.indexOf("direct");
    expect(r.stdout.filter((m) => m === "bulk")).toHaveLength(100);
    expect(direct).toBeGreaterThan(60);
    expect(direct).toBeLessThan(101);
    expect(r.stdout[0]).toBe("before");
  });
});
