import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BenchSuite, atMost, measured } from "../harness.js";
import { startServer } from "../server-process.js";

/** Starts `npm start`'s entry point and returns the ms until /api/v1/health answers 200. */
async function timeToHealthy(env: Record<string, string>): Promise<number> {
  const server = await startServer(env, 60_000);
  await server.stop();
  return server.startMs;
}

export const startupSuite: BenchSuite = {
  name: "startup",
  description: "cold start of `npm start` to a healthy /api/v1/health, on an empty and on a loaded PGlite data dir",
  async run(ctx) {
    const dir = await mkdtemp(join(tmpdir(), "tsunagu-bench-start-"));
    const dataDir = join(dir, "data");
    try {
      const empty = await timeToHealthy({ TSUNAGU_DATA_DIR: dataDir });
      ctx.log(`empty data dir: ${Math.round(empty)} ms`);
      const loaded: number[] = [];
      for (let i = 0; i < 3; i++) loaded.push(await timeToHealthy({ TSUNAGU_DATA_DIR: dataDir }));
      ctx.log(`loaded data dir: ${loaded.map(Math.round).join(", ")} ms`);
      return [
        atMost("cold start, empty data dir (migrate + demo seed)", empty, "ms", 10_000),
        measured("cold start, loaded data dir (median of 3)", loaded.sort((a, b) => a - b)[1]!, "ms"),
      ];
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
};
