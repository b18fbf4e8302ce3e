import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWeb, webBuildIsStale } from "../../scripts/build-web.js";
import { openDatabase } from "../../src/bootstrap.js";
import { publicServices } from "../../src/catalog/public-catalog.js";
import { loadConfig } from "../../src/config.js";
import type { DbHandle } from "../../src/db/create-db.js";
import { createLogger } from "../../src/log.js";
import { loadDemo, DEMO_PASSWORD } from "../../seed/load.js";
import { adminUrl, createDatabase, dropDatabase } from "../support/postgres-admin.js";

/**
 * The Workers build (src/worker.ts, wrangler.toml) in the local Workers runtime: `wrangler dev
 * --local` runs it in workerd, against the real PostgreSQL of DATABASE_URL (a database of its
 * own, migrated and seeded from Node first) and a Meilisearch that cannot be reached (there is
 * none here). Everything but search must work; search answers a clean 503. Nothing is downloaded.
 */
const root = fileURLToPath(new URL("../..", import.meta.url));
const WRANGLER = join(root, "node_modules/wrangler/bin/wrangler.js");
/** Nothing listens on the discard port: every Meilisearch call fails at once. */
const UNREACHABLE_MEILISEARCH = "http://127.0.0.1:9";

if (!process.env.DATABASE_URL) console.warn("tests/workers: skipped, set DATABASE_URL to run the Worker in workerd against PostgreSQL");

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts `wrangler dev --local` and resolves once it serves; its output is kept for assertions. */
async function startWorker(vars: Record<string, string>, persistTo: string) {
  const port = await freePort();
  const args = [WRANGLER, "dev", "--local", "--ip", "127.0.0.1", "--port", String(port), "--persist-to", persistTo, "--test-scheduled", "--log-level", "info"];
  for (const [k, v] of Object.entries(vars)) args.push("--var", `${k}:${v}`);
  // Own process group, so teardown ends wrangler and the workerd it started, and nothing else.
  const child = spawn(process.execPath, args, {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false", NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<never>((_, reject) => child.once("exit", (code) => reject(new Error(`wrangler dev exited (${code}):\n${output}`))));
  const ready = (async () => {
    for (;;) {
      if (/Ready on http/.test(output)) {
        try {
          await fetch(`http://127.0.0.1:${port}/api/v1/taxonomies`);
          return;
        } catch {
          // listening announced, not yet accepting
        }
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  await Promise.race([ready, exited]);
  return { child, base: `http://127.0.0.1:${port}`, output: () => output };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(-child.pid, "SIGTERM");
  return gone;
}

describe.runIf(process.env.DATABASE_URL)("the Worker in workerd, on PostgreSQL, with Meilisearch unreachable", () => {
  const dbName = `tsunagu_t_${randomBytes(6).toString("hex")}`;
  let h: DbHandle;
  let worker: Awaited<ReturnType<typeof startWorker>>;
  let persistTo: string;
  let token: string;

  const get = (path: string, init: RequestInit = {}) => fetch(`${worker.base}${path}`, init);
  const bearer = (t: string, method = "GET", body?: unknown): RequestInit => ({
    method,
    headers: { authorization: `Bearer ${t}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const signIn = async (email: string) => {
    const res = await get("/api/v1/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
    expect(res.status).toBe(200);
    return ((await res.json()) as { token: string }).token;
  };

  beforeAll(async () => {
    // The Worker neither migrates nor seeds (README "Cloudflare Workers"): do both from Node, as an operator would.
    await createDatabase(dbName);
    const url = adminUrl(dbName);
    h = await openDatabase(loadConfig({ DATABASE_URL: url }), createLogger("silent"));
    await loadDemo(h.db);
    // wrangler.toml serves dist/web through the assets binding.
    if (webBuildIsStale()) await buildWeb();
    persistTo = await mkdtemp(join(tmpdir(), "tsunagu-wrangler-"));
    worker = await startWorker({ DATABASE_URL: url, MEILISEARCH_URL: UNREACHABLE_MEILISEARCH, LOG_LEVEL: "info" }, persistTo);
    token = await signIn("staff1@example.jp");
  });

  afterAll(async () => {
    if (worker) await stop(worker.child);
    await h?.close();
    await dropDatabase(dbName);
    if (persistTo) await rm(persistTo, { recursive: true, force: true });
  });

  it("reports PostgreSQL up and search degraded on /health", async () => {
    const res = await get("/api/v1/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "degraded", db: "postgres", search: "meilisearch", searchStatus: "unavailable", searchDocuments: null });
  });

  it("answers search with a 503 problem+json, not a crash", async () => {
    const res = await get(`/api/v1/search?q=${encodeURIComponent("子ども食堂")}`);
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(await res.json()).toMatchObject({ status: 503, title: "Service Unavailable" });
  });

  it("serves the HSDS catalog and the taxonomy from PostgreSQL", async () => {
    const list = await get("/api/v1/services?per_page=5");
    expect(list.status).toBe(200);
    const page = (await list.json()) as { total_items: number; contents: { id: string; name: string }[] };
    const published = await publicServices(h.db).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    expect(page.total_items).toBe(Number(published.n));
    const first = page.contents[0]!;
    const one = await get(`/api/v1/services/${first.id}`);
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ id: first.id, name: first.name });

    const taxonomies = await get("/api/v1/taxonomies");
    expect(taxonomies.status).toBe(200);
    expect(((await taxonomies.json()) as { contents: unknown[] }).contents.length).toBeGreaterThan(0);
  });

  it("signs in (scrypt in workerd) and shows staff their own center's plans only", async () => {
    const plans = await get("/api/v1/plans", bearer(token));
    expect(plans.status).toBe(200);
    const own = (await plans.json()) as { id: string; municipalityCode: string }[];
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((p) => p.municipalityCode))).toEqual(new Set(["112038"]));

    const other = await signIn("staff2@example.jp");
    expect((await get(`/api/v1/plans/${own[0]!.id}`, bearer(other))).status).toBe(404);
    expect((await get("/api/v1/plans")).status).toBe(401);
  });

  it("keeps a catalog change in the outbox while Meilisearch is down, retried after the write and by the cron", async () => {
    const service = await publicServices(h.db).select("s.id").orderBy("s.id").executeTakeFirstOrThrow();
    const edited = await get(`/api/v1/services/${service.id}`, bearer(token, "PATCH", { description: "Workers から編集" }));
    expect(edited.status).toBe(200);
    const row = await h.db.selectFrom("outbox").select(["id", "processed_at"]).where("aggregate_id", "=", service.id).orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(row.processed_at).toBeNull();

    // The drain after the write, and the Cron Trigger's, both fail on Meilisearch and say so.
    const failures = () => worker.output().match(/could not prepare the search index.*Meilisearch at http:\/\/127\.0\.0\.1:9 is unreachable/g)?.length ?? 0;
    await expect.poll(failures, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
    const before = failures();
    await (await get("/__scheduled?cron=*+*+*+*+*")).text();
    await expect.poll(failures, { timeout: 20_000 }).toBeGreaterThan(before);
    const health = (await (await get("/api/v1/health")).json()) as { outboxPending: number };
    expect(health.outboxPending).toBeGreaterThan(0);
    const still = await h.db.selectFrom("outbox").select("processed_at").where("id", "=", row.id).executeTakeFirstOrThrow();
    expect(still.processed_at).toBeNull();
  });

  it("serves the web app from the assets binding, with the app's security headers", async () => {
    for (const path of ["/", "/staff/plans"]) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect(await res.text()).toContain("<!doctype html>");
    }
    const missing = await get("/no-such-file.js");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toContain("application/problem+json");
  });
});
