import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../src/db/create-db.js";
import { loadDemo } from "../../seed/load.js";
import { TEST_DB, createTestDb } from "../support/db.js";
import { createSearchTestApp, type createTestApp } from "../support/app.js";
import type { FreshSearch } from "../support/search.js";
import { signIn } from "../support/auth.js";
import { databaseFingerprint } from "../support/fingerprint.js";

/**
 * Property: whatever arrives at any route of the OpenAPI document — odd path ids, unknown or
 * malformed query values and headers, bodies of the wrong shape or nearly right with one field
 * wrong deep inside — the answer is never a 5xx, an error is problem+json, and a refused request
 * changes no row of any table. Inputs are built from each route's own schema (its parameters,
 * and bodies shaped by its JSON schema), and path ids are often those of existing records, so
 * they reach the validators and the use cases behind them.
 */
type Schema = Record<string, any>;
type Operation = { method: string; path: string; params: { name: string; in: string; schema?: Schema }[]; bodyProps: string[]; body?: Schema };

const RUNS_PER_ROUTE = 25;

function operations(doc: any): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      const schema = op.requestBody?.content?.["application/json"]?.schema;
      const resolved = schema?.$ref ? doc.components.schemas[schema.$ref.split("/").pop()] : schema;
      out.push({ method: method.toUpperCase(), path, params: op.parameters ?? [], bodyProps: Object.keys(resolved?.properties ?? {}), body: resolved });
    }
  }
  return out;
}

const anyValue = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.jsonValue(), fc.uuid(), fc.constantFrom("", "0", "-1", "1e309", "true", "2026-13-45", "🍙", "'; drop table service; --"));
const pathValue = fc.oneof(fc.uuid(), fc.constant(randomUUID()), fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom("0", "abc", "%00", "..", "1' or '1'='1"));

/**
 * Values shaped by a JSON schema of the OpenAPI document, with any node now and then replaced by
 * an arbitrary value: nearly valid bodies, whose one wrong field sits deep inside (a need's kind,
 * a child's age, a consent flag), so validation is tested past the first level.
 */
function shaped(doc: any, schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return anyValue;
  if (schema.$ref) return shaped(doc, doc.components.schemas[schema.$ref.split("/").pop()], depth);
  const alternatives = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  const exact: fc.Arbitrary<unknown> = alternatives
    ? fc.oneof(...alternatives.map((s: Schema) => shaped(doc, s, depth + 1)))
    : schema.enum
      ? fc.constantFrom(...schema.enum)
      : schema.type === "object" || schema.properties
        ? fc.record(Object.fromEntries(Object.entries<Schema>(schema.properties ?? {}).map(([k, v]) => [k, shaped(doc, v, depth + 1)])), { requiredKeys: schema.required ?? [] })
        : schema.type === "array"
          ? fc.array(shaped(doc, schema.items, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) })
          : schema.type === "integer"
            ? fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000 })
            : schema.type === "number"
              ? fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000, noNaN: true })
              : schema.type === "boolean"
                ? fc.boolean()
                : schema.format === "uuid"
                  ? fc.uuid()
                  : schema.format === "date-time"
                    ? fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((d) => d.toISOString())
                    : schema.format === "email"
                      ? fc.emailAddress()
                      : schema.pattern
                        ? fc.stringMatching(new RegExp(schema.pattern))
                        : fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 20, 40) });
  return fc.oneof({ arbitrary: exact, weight: 20 }, { arbitrary: anyValue, weight: 1 });
}

function requestFor(op: Operation, doc: any, realIds: readonly string[]) {
  const queryNames = op.params.filter((p) => p.in === "query").map((p) => p.name);
  const headers = op.params.filter((p) => p.in === "header");
  return fc.record({
    // Ids of records that exist half the time, so requests get past "not found" to the use case.
    pathValues: fc.array(realIds.length ? fc.oneof({ arbitrary: fc.constantFrom(...realIds), weight: 2 }, { arbitrary: pathValue, weight: 1 }) : pathValue, { minLength: 4, maxLength: 4 }),
    headers: fc.record(Object.fromEntries(headers.map((h) => [h.name, fc.oneof(fc.string({ maxLength: 210 }), fc.uuid())])), { requiredKeys: [] }),
    query: fc.dictionary(fc.oneof(fc.constantFrom(...(queryNames.length ? queryNames : ["x"])), fc.string({ maxLength: 8 })), fc.string({ maxLength: 30 }), { maxKeys: 4 }),
    body: fc.oneof(
      { arbitrary: shaped(doc, op.body), weight: 3 },
      { arbitrary: fc.dictionary(fc.oneof(fc.constantFrom(...(op.bodyProps.length ? op.bodyProps : ["x"])), fc.string({ maxLength: 8 })), anyValue, { maxKeys: 6 }), weight: 1 },
      { arbitrary: fc.jsonValue(), weight: 1 },
      { arbitrary: fc.string().map((s) => ({ raw: s })), weight: 1 },
    ),
  });
}

function build(op: Operation, input: { pathValues: string[]; headers: Partial<Record<string, string>>; query: Record<string, string>; body: unknown }, token?: string) {
  let i = 0;
  const path = op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(input.pathValues[i++] || "x"));
  const qs = new URLSearchParams(input.query).toString();
  const headers: Record<string, string> = { ...(input.headers as Record<string, string>), ...(token ? { authorization: `Bearer ${token}` } : {}) };
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
  let search: FreshSearch;
  let ops: Operation[];
  let doc: any;
  /** Ids of existing records of every table (a few each): path ids that reach the use cases. */
  let realIds: string[] = [];
  /** Anonymous, a staff member and a partner: signed-in routes validate only for the signed-in. */
  const callers: { name: string; token?: string }[] = [{ name: "anonymous" }];

  beforeAll(async () => {
    h = await createTestDb();
    await loadDemo(h.db);
    ({ app, search } = createSearchTestApp(h));
    doc = await (await app.request("/api/v1/openapi.json")).json();
    ops = operations(doc);
    for (const t of await h.db.introspection.getTables()) {
      if (!t.columns.some((c) => c.name === "id" && c.dataType === "uuid")) continue;
      realIds.push(...(await sql<{ id: string }>`select id::text from ${sql.table(t.name)} order by id limit 3`.execute(h.db)).rows.map((r) => r.id));
    }
    for (const email of ["staff1@example.jp", "partner1@example.jp"]) callers.push({ name: email, token: (await signIn(app, email)).token });
  });
  afterAll(() => h.close());

  it("finds the routes to test in the OpenAPI document", () => {
    expect(ops.length).toBeGreaterThan(5);
  });

  /** Runs one route's generated requests as one caller; says whether any write was accepted. */
  async function fuzz(op: Operation, caller: { name: string; token?: string }): Promise<boolean> {
    let wrote = false;
    await fc.assert(
      fc.asyncProperty(requestFor(op, doc, realIds), async (input) => {
        const { url, init } = build(op, input, caller.token);
        const res = await app.request(url, init);
        if (res.status >= 500) throw new Error(`${caller.name}: ${op.method} ${url} → ${res.status}: ${await res.text()}`);
        if (res.status >= 400) expect(res.headers.get("content-type"), `${op.method} ${url}`).toContain("application/problem+json");
        else if (op.method !== "GET") wrote = true;
        await res.arrayBuffer().catch(() => undefined);
      }),
      { numRuns: RUNS_PER_ROUTE, seed: 20261125 },
    );
    return wrote;
  }

  it("answers every generated request without a 5xx, and refused ones change no row", async () => {
    // Sign-in is left out: its throttle would lock the test's own accounts.
    for (const op of ops.filter((o) => !o.path.startsWith("/auth/"))) {
      for (const caller of callers) {
        // Every row of every table, before and after one caller's requests to one route: equal
        // unless a request was accepted (a nearly valid body may well be valid).
        // The index worker first applies what earlier accepted writes queued, as it would anyway.
        await search.sync();
        const before = await databaseFingerprint(h.db);
        const wrote = await fuzz(op, caller);
        if (!wrote) expect(await databaseFingerprint(h.db), `${caller.name}: ${op.method} ${op.path} changed data on refused input`).toEqual(before);
      }
    }
  }, 900_000);
});
