import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BenchSuite, atMost, measured } from "../harness.js";

/** A free TCP port on loopback. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** Starts `npm start`'s entry point and returns the ms until /api/v1/health answers 200. */
async function timeToHealthy(env: Record<string, string>): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      if (performance.now() - started > 60_000) throw new Error("server did not become healthy in 60 s");
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
        if (res.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
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
