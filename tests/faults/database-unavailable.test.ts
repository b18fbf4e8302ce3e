import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type DbHandle, createDb } from "../../src/db/create-db.js";
import { loadDemo } from "../../seed/load.js";
import { createTestApp } from "../support/app.js";
import { asBearer, signIn } from "../support/auth.js";
import { TEST_DB } from "../support/db.js";
import { adminUrl, createDatabase, dropDatabase } from "../support/postgres-admin.js";
import { expectProblem } from "../support/problem.js";
import { TcpProxy } from "../support/tcp-proxy.js";

/**
 * PostgreSQL going away under the running app, and coming back: requests fail cleanly (503
 * problem+json with Retry-After, nothing half-written) and the same app instance recovers on its
 * own. The app reaches PostgreSQL through a proxy the test cuts; the shared server is never
 * stopped. PGlite runs inside the process, so there is nothing to lose there.
 */
describe.skipIf(TEST_DB !== "postgres")("the database unavailable, then back (PostgreSQL)", () => {
  const name = `tsunagu_t_${randomBytes(6).toString("hex")}`;
  let proxy: TcpProxy;
  let h: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  let token: string;
  let planId: string;

  beforeAll(async () => {
    await createDatabase(name, inject("postgresTemplate"));
    const direct = new URL(adminUrl(name));
    proxy = await TcpProxy.start({ host: direct.hostname, port: Number(direct.port || 5432) });
    direct.hostname = "127.0.0.1";
    direct.port = String(proxy.port);
    h = await createDb({ databaseUrl: direct.toString(), poolSize: 4 });
    await loadDemo(h.db);
    app = createTestApp(h);
    token = (await signIn(app, "staff1@example.jp")).token;
    planId = (await (await app.request("/api/v1/plans", asBearer(token))).json() as { id: string }[])[0]!.id;
  });
  afterAll(async () => {
    await h?.close();
    await proxy?.close();
    await dropDatabase(name);
  });

  let plansCreated = 0;
  const requests = () => [
    () => app.request("/api/v1/health"),
    () => app.request("/api/v1/services?per_page=5"),
    () => app.request("/api/v1/search?q=子ども食堂"),
    () => app.request(`/api/v1/plans/${planId}`, asBearer(token)),
    () => app.request(`/api/v1/plans/${planId}/matches`, asBearer(token)),
    () => app.request("/api/v1/plans", asBearer(token, "POST", { caseRef: `FAULT-${++plansCreated}`, family: { lat: 35.8, lng: 139.7 }, needs: [{ kind: "daycare" }] })),
  ];

  async function until(condition: () => Promise<boolean>) {
    for (let i = 0; i < 200 && !(await condition()); i++) await new Promise((r) => setTimeout(r, 50));
  }

  async function plans(): Promise<number> {
    const res = await app.request("/api/v1/plans", asBearer(token));
    expect(res.status).toBe(200);
    return ((await res.json()) as unknown[]).length;
  }

  it("answers 503 problem+json while the connection is cut, and serves again once it is back", async () => {
    for (const send of requests()) expect((await send()).status).toBeLessThan(300);
    const before = await plans();

    proxy.cut();
    // Sequentially, then all at once: the pool's broken and new connections both fail cleanly.
    for (const send of requests()) {
      const res = await send();
      expect(res.headers.get("retry-after")).toBe("5");
      await expectProblem(res, 503);
    }
    for (const res of await Promise.all([...requests(), ...requests()].map((send) => send()))) await expectProblem(res, 503);

    proxy.restore();
    for (const send of requests()) {
      const res = await send();
      expect(res.status, `${res.url} ${await res.clone().text()}`).toBeLessThan(300);
    }
    // The create refused while the database was away wrote nothing; the one after it did.
    expect(await plans()).toBe(before + 1);
  });

  it("recovers when PostgreSQL drops the app's sessions (as in a restart)", async () => {
    for (const send of requests().slice(0, 4)) expect((await send()).status).toBe(200);
    const admin = await createDb({ databaseUrl: adminUrl("postgres"), poolSize: 1 });
    try {
      const { rows } = await sql<{ n: number }>`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = ${name} and pid <> pg_backend_pid()`.execute(admin.db);
      expect(rows[0]!.n).toBeGreaterThan(0);
    } finally {
      await admin.close();
    }
    // A request that meets a connection whose session just ended fails cleanly; the pool drops
    // those connections and the next requests get fresh ones.
    const during = await Promise.all(requests().slice(0, 5).map((send) => send()));
    for (const res of during) if (res.status !== 200) await expectProblem(res, 503);
    await until(async () => (await app.request("/api/v1/health")).status === 200);
    for (const send of requests()) {
      const res = await send();
      expect(res.status, await res.clone().text()).toBeLessThan(300);
    }
  });
});
