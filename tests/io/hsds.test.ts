import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { termId } from "../../src/catalog/taxonomy-sync.js";
import type { DbHandle } from "../../src/db/create-db.js";
import { exportHsds } from "../../src/exporters/hsds-export.js";
import { tabularResources } from "../../src/exporters/hsds-tabular.js";
import { createHsdsValidator } from "../../src/hsds/validator.js";
import { importHsds } from "../../src/importers/hsds/import-hsds.js";
import { importOpenData } from "../../src/importers/opendata/import-opendata.js";
import { loadDemo } from "../../seed/load.js";
import { createTestApp, getJson } from "../support/app.js";
import { TEST_DB, createTestDb } from "../support/db.js";

/** Closed schemas (additionalProperties: false everywhere), as upstream CI checks its examples: a misspelled key fails. */
const validator = createHsdsValidator({ closed: true });
const EXAMPLES = new URL("../fixtures/hsds/examples/", import.meta.url);
const example = (name: string) => JSON.parse(readFileSync(new URL(name, EXAMPLES), "utf8"));
const OPEN_DATA = ["112038_preschool.csv", "131083_kotoku_kodomosyokudo.csv", "15_182109_kodomoshokudo.csv", "472115_kodomonoibasyo_20221003.csv"];

function expectValid(shape: Parameters<typeof validator.errors>[0], value: unknown, what: string = shape) {
  expect(validator.errors(shape, value), `${what} should be valid HSDS 3.0`).toEqual([]);
}

describe("the official HSDS 3.0 schemas", () => {
  it("accept the official examples and reject broken records", () => {
    expectValid("service", example("service_full.json"));
    expectValid("organization_with_services", example("organization_full.json"));
    expectValid("location", example("location.json"));
    expectValid("taxonomy_term", example("taxonomy_term.json"));
    expectValid("api_root", example("base.json"));
    expect(validator.errors("service", { ...example("service_full.json"), id: "not-a-uuid", naem: "typo" })).toEqual([
      "/: must NOT have additional properties (naem)",
      '/id: must match format "uuid"',
    ]);
  });
});

describe(`HSDS on ${TEST_DB}`, () => {
  let h: DbHandle;
  let out: string;
  beforeAll(async () => {
    h = await createTestDb();
    await loadDemo(h.db);
    for (const name of OPEN_DATA) await importOpenData(h.db, readFileSync(new URL(`../fixtures/opendata/${name}`, import.meta.url)), { fileName: name });
    out = await mkdtemp(join(tmpdir(), "tsunagu-hsds-"));
  });
  afterAll(async () => {
    await h.close();
    await rm(out, { recursive: true, force: true });
  });

  it("serves valid HSDS from every read endpoint", async () => {
    const app = createTestApp(h);
    expectValid("api_root", (await getJson(app, "/api/v1/")).body);
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const { body } = await getJson(app, `/api/v1/services?per_page=200&page=${page}`);
      expectValid("page", body);
      for (const item of body.contents) expectValid("service_list_item", item, `service list item ${item.id}`);
      ids.push(...body.contents.map((s: { id: string }) => s.id));
      if (body.last_page) break;
    }
    expect(ids.length).toBeGreaterThan(600);
    const full = (await getJson(app, "/api/v1/services?per_page=200&full=true")).body;
    for (const s of full.contents) expectValid("service", s, `full list item ${s.id}`);
    for (const id of ids.filter((_, i) => i % 7 === 0)) expectValid("service", (await getJson(app, `/api/v1/services/${id}`)).body, `service ${id}`);
    const orgs = (await getJson(app, "/api/v1/organizations?per_page=200")).body;
    expectValid("page", orgs);
    for (const o of orgs.contents) expectValid("organization_list_item", o, `organization list item ${o.id}`);
    for (const o of orgs.contents.slice(0, 40)) expectValid("organization_with_services", (await getJson(app, `/api/v1/organizations/${o.id}`)).body, `organization ${o.id}`);
    const terms = (await getJson(app, "/api/v1/taxonomy_terms")).body;
    expectValid("page", terms);
    for (const t of terms.contents) expectValid("taxonomy_term", t);
    expectValid("taxonomy_term", (await getJson(app, `/api/v1/taxonomy_terms/${termId("daycare")}`)).body);
    for (const t of (await getJson(app, "/api/v1/taxonomies")).body.contents) expectValid("taxonomy", t);
  });

  it("exports the published catalog as HSDS JSON in which every record validates", async () => {
    const result = await exportHsds(h.db, out);
    const services = JSON.parse(await readFile(join(out, "services.json"), "utf8"));
    const organizations = JSON.parse(await readFile(join(out, "organizations.json"), "utf8"));
    expect(services).toHaveLength(result.services);
    expect(organizations).toHaveLength(result.organizations);
    for (const s of services) expectValid("service", s, `service ${s.id}`);
    for (const o of organizations) expectValid("organization", o, `organization ${o.id}`);
    for (const t of JSON.parse(await readFile(join(out, "taxonomy_terms.json"), "utf8"))) expectValid("taxonomy_term", t);
    for (const t of JSON.parse(await readFile(join(out, "taxonomies.json"), "utf8"))) expectValid("taxonomy", t);
    const published = await h.db.selectFrom("service").select((eb) => eb.fn.countAll<string>().as("n")).where("verification_status", "=", "published").executeTakeFirstOrThrow();
    expect(result.services).toBeGreaterThan(600);
    expect(result.services).toBeLessThanOrEqual(Number(published.n));
  });

  it("exports the tabular data package: every row validates and every foreign key resolves", async () => {
    const resources = tabularResources();
    expect((await readdir(join(out, "tabular"))).sort()).toEqual([...resources.map((r) => r.path), "datapackage.json"].sort());
    const schemas = Object.fromEntries(resources.map((r) => [r.name, JSON.parse(readFileSync(new URL(`../../src/hsds/schema/${r.name}.json`, import.meta.url), "utf8"))]));
    const tables: Record<string, Record<string, string>[]> = {};
    for (const r of resources) {
      const text = await readFile(join(out, "tabular", r.path), "utf8");
      expect(text.split("\r\n")[0]).toBe(r.fields.join(","));
      tables[r.name] = parse(text, { columns: true });
      for (const row of tables[r.name]!) {
        const schema = schemas[r.name];
        const record = typed(row, schema);
        const missing = (schema.tabular_required ?? []).filter((f: string) => !row[f]);
        expect(missing, `${r.path} row ${row.id} lacks ${missing}`).toEqual([]);
        expect(validator.errors(r.name as "service", record), `${r.path} row ${row.id}`).toEqual([]);
      }
    }
    const ids = (name: string) => new Set(tables[name]!.map((r) => r.id));
    expect(tables.service!.length).toBe(JSON.parse(await readFile(join(out, "services.json"), "utf8")).length);
    for (const s of tables.service!) expect(ids("organization").has(s.organization_id!)).toBe(true);
    for (const sal of tables.service_at_location!) {
      expect(ids("service").has(sal.service_id!)).toBe(true);
      expect(ids("location").has(sal.location_id!)).toBe(true);
    }
    for (const a of tables.address!) expect(ids("location").has(a.location_id!)).toBe(true);
    for (const a of tables.attribute!) expect(ids("taxonomy_term").has(a.taxonomy_term_id!)).toBe(true);
    for (const s of tables.schedule!) expect(ids("service").has(s.service_id!)).toBe(true);
  });

  it("round-trips its own export: import into an empty catalog, export again, same files", async () => {
    const other = await createTestDb();
    const again = await mkdtemp(join(tmpdir(), "tsunagu-hsds-again-"));
    try {
      const report = await importHsds(other.db, out);
      expect(report.rejected).toEqual([]);
      expect(report.warnings).toEqual([]);
      await exportHsds(other.db, again);
      for (const file of ["services.json", "organizations.json", "taxonomies.json", "taxonomy_terms.json"]) {
        expect(await readFile(join(again, file), "utf8"), file).toBe(await readFile(join(out, file), "utf8"));
      }
      const second = await importHsds(other.db, out);
      expect(second.services).toMatchObject({ created: 0, updated: 0 });
    } finally {
      await other.close();
      await rm(again, { recursive: true, force: true });
    }
  });
});

describe(`HSDS import of the official examples on ${TEST_DB}`, () => {
  let h: DbHandle;
  let out: string;
  beforeAll(async () => {
    h = await createTestDb();
    out = await mkdtemp(join(tmpdir(), "tsunagu-hsds-example-"));
  });
  afterAll(async () => {
    await h.close();
    await rm(out, { recursive: true, force: true });
  });

  it("needs a kind for records without Tsunagu's taxonomy", async () => {
    const report = await importHsds(h.db, new URL("service_full.json", EXAMPLES).pathname);
    expect(report.rejected).toEqual([{ line: 1, name: "Community Counselling", message: expect.stringMatching(/--kind/) }]);
  });

  it("imports service_full.json and exports what Tsunagu keeps of it, valid and otherwise the same", async () => {
    const report = await importHsds(h.db, new URL("service_full.json", EXAMPLES).pathname, { kind: "consult-point" });
    expect(report.services.created).toBe(1);
    const warnings = report.warnings.map((w) => w.message).join("\n");
    for (const loss of ["latitude 100", "ABC 1234", "maximum_age 100", "timezone 9, not 3", "service.accreditations", "schedule.dtstart", "listed more than once"]) {
      expect(warnings).toContain(loss);
    }
    await exportHsds(h.db, out);
    const [exported] = JSON.parse(await readFile(join(out, "services.json"), "utf8"));
    expectValid("service", exported);
    expect(exported).toEqual(keptOfExample(example("service_full.json")));
    expect((await importHsds(h.db, new URL("service_full.json", EXAMPLES).pathname, { kind: "consult-point" })).services).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });

  it("reads the organization and page forms of the same record", async () => {
    const org = await importHsds(h.db, new URL("organization_full.json", EXAMPLES).pathname, { kind: "consult-point", source: "service_full" });
    expect(org).toMatchObject({ format: "HSDS 3 organization with services", services: { unchanged: 1 } });
    const page = await importHsds(h.db, new URL("service_list.json", EXAMPLES).pathname, { kind: "consult-point", dryRun: true });
    expect(page).toMatchObject({ format: "HSDS 3 page of services", rows: 1 });
    expect(page.rejected[0]?.message).toMatch(/already in the catalog from another source \(hsds:service_full\)/);
  });
});

/** A tabular row with the datapackage types applied (numbers as numbers, empty cells absent). */
function typed(row: Record<string, string>, schema: { properties: Record<string, { type?: string }> }) {
  return Object.fromEntries(
    Object.entries(row)
      .filter(([, v]) => v !== "")
      .map(([k, v]) => [k, schema.properties[k]?.type === "number" || schema.properties[k]?.type === "integer" ? Number(v) : v]),
  );
}

/**
 * What the catalog keeps of the official example service (each difference is a warning of the
 * import): fields Tsunagu has no column for are gone, the kind becomes its attribute, the point
 * (100, 101) and the British postcode cannot be stored, 100 years is no upper limit, times are JST.
 */
function keptOfExample(s: any) {
  const pick = (o: any, keys: string[]) => Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
  const schedule = s.schedules[0];
  const location = s.service_at_locations[0].location;
  return {
    ...pick(s, ["id", "name", "alternate_name", "description", "url", "email", "status", "interpretation_services", "application_process", "fees_description", "eligibility_description", "minimum_age", "assured_date", "last_modified"]),
    organization: {
      ...pick(s.organization, ["id", "name", "alternate_name", "description", "email", "website", "legal_status", "year_incorporated"]),
      phones: [],
      organization_identifiers: [],
      funding: [],
      contacts: [],
      locations: [],
      programs: [],
    },
    phones: s.phones.map((p: any) => ({ ...p, languages: [] })),
    schedules: [{ ...pick(schedule, ["id", "freq", "byday", "valid_from", "valid_to", "description"]), opens_at: "10:00", closes_at: "18:00", timezone: 9 }],
    service_areas: [],
    service_at_locations: [
      {
        id: s.service_at_locations[0].id,
        description: s.service_at_locations[0].description,
        location: {
          ...pick(location, ["id", "location_type", "name", "alternate_name", "description", "transportation"]),
          addresses: location.addresses.map(({ attention: _, ...a }: any) => ({ ...a, postal_code: "" })),
          languages: [],
          phones: [],
          schedules: [],
          accessibility: [],
          contacts: [],
          attributes: [],
        },
        contacts: [],
        phones: [],
        schedules: [],
        attributes: [],
      },
    ],
    languages: s.languages,
    cost_options: s.cost_options.map(({ valid_from: _, valid_to: __, ...c }: any) => c),
    required_documents: s.required_documents,
    contacts: [],
    funding: [],
    attributes: [expect.objectContaining({ link_type: "kind", taxonomy_term: expect.objectContaining({ code: "consult-point" }) })],
  };
}
