import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../src/db/create-db.js";
import { loadDemo } from "../../seed/load.js";
import { TEST_DB, createTestDb } from "../support/db.js";
import { createTestApp } from "../support/app.js";
import { signIn } from "../support/auth.js";

/**
 * Property: whatever arrives at any route of the OpenAPI document — odd path ids, unknown or
 * malformed query values, bodies of the wrong shape — the answer is never a 5xx, an error is
 * problem+json, and a refused request changes nothing. Inputs are built from each route's own
 * schema (its parameter and property names, with arbitrary values), so they reach the validators.
 */
type Operation = { method: string; path: string; params: { name: string; in: string }[]; bodyProps: string[] };

const RUNS_PER_ROUTE = 20;

function operations(doc: any): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      const schema = op.requestBody?.content?.["application/json"]?.schema;
      const resolved = schema?.$ref ? doc.components.schemas[schema.$ref.split("/").pop()] : schema;
      out.push({ method: method.toUpperCase(), path, params: op.parameters ?? [], bodyProps: Object.keys(resolved?.properties ?? {}) });
    }
  }
  return out;
}

const anyValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.jsonValue(), fc.uuid(), fc.constantFrom("", "0", "-1", "1e309", "true", "2026-13-45", "🍙", "'; drop table service; --"));
const pathValue = fc.oneof(fc.uuid(), fc.constant(randomUUID()), fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom("0", "abc", "%00", "..", "1' or '1'='1"));

function requestFor(op: Operation) {
  const queryNames = op.params.filter((p) => p.in === "query").map((p) => p.name);
  return fc.record({
    pathValues: fc.array(pathValue, { minLength: 4, maxLength: 4 }),
    query: fc.dictionary(fc.oneof(fc.constantFrom(...(queryNames.length ? queryNames : ["x"])), fc.string({ maxLength: 8 })), fc.string({ maxLength: 30 }), { maxKeys: 4 }),
    body: fc.oneof(
      fc.dictionary(fc.oneof(fc.constantFrom(...(op.bodyProps.length ? op.bodyProps : ["x"])), fc.string({ maxLength: 8 })), anyValue, { maxKeys: 6 }),
      fc.jsonValue(),
      fc.string().map((s) => ({ raw: s })),
    ),
  });
}

function build(op: Operation, input: { pathValues: string[]; query: Record<string, string>; body: unknown }, token?: string) {
  let i = 0;
  const path = op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(input.pathValues[i++] || "x"));
  const qs = new URLSearchParams(input.query).toString();
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const init: RequestInit = { method: op.method, headers };
  if (op.method !== "GET" && op.method !== "HEAD") {
    const raw = (input.body as { raw?: string })?.raw;
    init.body = typeof raw === "string" ? raw : JSON.stringify(input.body);
    headers["content-type"] = "application/json";
  }
  return { url: `/api/v1${path}${qs ? `?${qs}` : ""}`, init };
}

describe(`every input schema on ${TEST_DB}: bad input is a 4xx problem, never a 5xx, and changes nothing`, () => {
  let h: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  let ops: Operation[];
  /** Anonymous, a staff member and a partner: signed-in routes validate only for the signed-in. */
  const callers: { name: string; token?: string }[] = [{ name: "anonymous" }];

  beforeAll(async () => {
    h = await createTestDb();
    await loadDemo(h.db);
    app = createTestApp(h);
    const doc = await (await app.request("/api/v1/openapi.json")).json();
    ops = operations(doc);
    for (const email of ["staff1@example.jp", "partner1@example.jp"]) callers.push({ name: email, token: (await signIn(app, email)).token });
  });
  afterAll(() => h.close());

  async function fingerprint(): Promise<string> {
    const tables = (await h.db.introspection.getTables()).map((t) => t.name).sort();
    const counts = await Promise.all(tables.map(async (t) => (await sql<{ n: string }>`select count(*)::text as n from ${sql.table(t)}`.execute(h.db)).rows[0]!.n));
    const latest = await sql<{ v: string }>`select coalesce(max(updated_at)::text, '') as v from service`.execute(h.db);
    return JSON.stringify([tables, counts, latest.rows[0]!.v]);
  }

  it("finds the routes to test in the OpenAPI document", () => {
    expect(ops.length).toBeGreaterThan(5);
  });

  /** Runs one route's generated requests as one caller; refused requests must leave the data as it was. */
  async function fuzz(op: Operation, caller: { name: string; token?: string }): Promise<void> {
    const before = await fingerprint();
    let wrote = false;
    await fc.assert(
      fc.asyncProperty(requestFor(op), async (input) => {
        const { url, init } = build(op, input, caller.token);
        const res = await app.request(url, init);
        if (res.status >= 500) throw new Error(`${caller.name}: ${op.method} ${url} → ${res.status}: ${await res.text()}`);
        if (res.status >= 400) expect(res.headers.get("content-type"), `${op.method} ${url}`).toContain("application/problem+json");
        else if (op.method !== "GET") wrote = true;
        await res.arrayBuffer().catch(() => undefined);
      }),
      { numRuns: RUNS_PER_ROUTE, seed: 20261125 },
    );
    if (!wrote) expect(await fingerprint(), `${caller.name}: ${op.method} ${op.path} changed data on refused input`).toBe(before);
  }

  it("answers every generated request without a 5xx", async () => {
    // Sign-in is left out: its throttle would lock the test's own accounts.
    for (const op of ops.filter((o) => !o.path.startsWith("/auth/"))) {
      for (const caller of callers) await fuzz(op, caller);
    }
  });
});
