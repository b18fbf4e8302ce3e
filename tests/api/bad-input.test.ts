import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../src/db/create-db.js";
import { TEST_DB, createTestDb } from "../support/db.js";
import { createTestApp } from "../support/app.js";
import { catalogCounts, insertCatalog } from "../support/catalog.js";
import { expectProblem } from "../support/problem.js";

/** Each bad request: what is sent, the status expected, and the field the problem must name. */
const cases: { name: string; path: string; init?: RequestInit; status: number; field?: string }[] = [
  { name: "page zero", path: "/api/v1/services?page=0", status: 400, field: "page" },
  { name: "page not a number", path: "/api/v1/services?page=abc", status: 400, field: "page" },
  { name: "per_page too large", path: "/api/v1/services?per_page=1000", status: 400, field: "per_page" },
  { name: "unknown query parameter", path: "/api/v1/services?colour=red", status: 400, field: "colour" },
  { name: "organization_id not a uuid", path: "/api/v1/services?organization_id=12", status: 400, field: "organization_id" },
  { name: "modified_after not a date-time", path: "/api/v1/services?modified_after=yesterday", status: 400, field: "modified_after" },
  { name: "full not a boolean", path: "/api/v1/services?full=yes", status: 400, field: "full" },
  { name: "empty search", path: "/api/v1/services?search=", status: 400, field: "search" },
  { name: "service id not a uuid", path: "/api/v1/services/abc", status: 400, field: "id" },
  { name: "service id SQL-ish", path: "/api/v1/services/1'%20or%20'1'='1", status: 400, field: "id" },
  { name: "unknown service", path: `/api/v1/services/${randomUUID()}`, status: 404 },
  { name: "organization id not a uuid", path: "/api/v1/organizations/xyz", status: 400, field: "id" },
  { name: "unknown organization", path: `/api/v1/organizations/${randomUUID()}`, status: 404 },
  { name: "taxonomy term id not a uuid", path: "/api/v1/taxonomy_terms/daycare", status: 400, field: "id" },
  { name: "taxonomy_id not a uuid", path: "/api/v1/taxonomy_terms?taxonomy_id=1", status: 400, field: "taxonomy_id" },
  { name: "unknown route", path: "/api/v1/does-not-exist", status: 404 },
  {
    name: "oversized body",
    path: "/api/v1/services",
    init: { method: "POST", body: "x".repeat(300 * 1024), headers: { "content-type": "application/json" } },
    status: 413,
  },
];

describe(`bad input on ${TEST_DB} gets a 4xx problem and changes nothing`, () => {
  let h: DbHandle;
  let app: ReturnType<typeof createTestApp>;
  let before: Record<string, number>;

  beforeAll(async () => {
    h = await createTestDb();
    app = createTestApp(h);
    await insertCatalog(h.db);
    before = await catalogCounts(h.db);
  });
  afterAll(() => h.close());

  it.each(cases)("$name → $status", async ({ path, init, status, field }) => {
    const res = await app.request(path, init);
    await expectProblem(res, status, field);
    expect(await catalogCounts(h.db)).toEqual(before);
  });
});
