import { createWriteStream, type WriteStream } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import type { Kysely } from "kysely";
import { loadServiceAggregates } from "../catalog/aggregate.js";
import { hsdsOrganization, hsdsService, hsdsTaxonomyTerm } from "../catalog/hsds.js";
import { publicServices } from "../catalog/public-catalog.js";
import { listTaxonomyTerms } from "../catalog/taxonomy-read.js";
import { TAXONOMY_ID } from "../catalog/taxonomy-sync.js";
import type { Database } from "../db/database.js";
import { TAXONOMY } from "../domain/taxonomy.js";
import { type HsdsShape, createHsdsValidator } from "../hsds/validator.js";
import { DATAPACKAGE_PATH, TabularFlattener, type TabularResource, tabularResources } from "./hsds-tabular.js";

/**
 * `tsunagu export hsds --out DIR`: the published catalog as Open Referral HSDS 3.0.
 *
 * - `services.json`: every public service, fully nested (the shape of `GET /services/{id}`)
 * - `organizations.json`: their organizations (organization.json, without the services again)
 * - `taxonomies.json`, `taxonomy_terms.json`: Tsunagu's resource kinds
 * - `tabular/`: the same as a Tabular Data Package (`datapackage.json` + one CSV per table)
 *
 * Records stream out a chunk at a time, so memory stays flat for any catalog size. Unless
 * `validate` is false, every record is checked against the official schemas first, and an
 * invalid one stops the export (HSDS that does not validate is not HSDS).
 */
export interface HsdsExportOptions {
  /** Only services whose location is in this municipality (全国地方公共団体コード). */
  municipality?: string;
  validate?: boolean;
  tabular?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface HsdsExportResult {
  services: number;
  organizations: number;
  files: string[];
}

export class InvalidHsdsError extends Error {
  override name = "InvalidHsdsError";
}

const CHUNK = 500;

export async function exportHsds(db: Kysely<Database>, outDir: string, opts: HsdsExportOptions = {}): Promise<HsdsExportResult> {
  const validator = opts.validate === false ? undefined : createHsdsValidator();
  const check = (shape: HsdsShape, record: Record<string, unknown>) => {
    const errors = validator?.errors(shape, record) ?? [];
    if (errors.length) throw new InvalidHsdsError(`${shape} ${String(record.id)} does not validate against HSDS 3.0: ${errors.slice(0, 5).join("; ")}`);
    return record;
  };

  let query = publicServices(db).select("s.id").orderBy("s.id");
  if (opts.municipality) {
    const code = opts.municipality;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("service_at_location as sal")
          .innerJoin("location as l", "l.id", "sal.location_id")
          .select("l.id")
          .whereRef("sal.service_id", "=", "s.id")
          .where("l.municipality_code", "=", code),
      ),
    );
  }
  const ids = (await query.execute()).map((r) => r.id);

  await mkdir(outDir, { recursive: true });
  const tabularDir = join(outDir, "tabular");
  const resources = tabularResources();
  const tables = opts.tabular === false ? undefined : await openTables(tabularDir, resources);
  const flattener = new TabularFlattener(resources);
  const writeRows = (record: Record<string, unknown>, type: string) => {
    if (!tables) return;
    for (const [table, rows] of flattener.flatten(record, type)) tables.get(table)?.write(stringify(rows, { columns: tables.columns(table), record_delimiter: "windows" }));
  };

  const services = await openJsonArray(join(outDir, "services.json"));
  const organizations = await openJsonArray(join(outDir, "organizations.json"));
  const organizationsSeen = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const byId = new Map((await loadServiceAggregates(db, chunk)).map((a) => [a.service.id, a]));
    for (const aggregate of chunk.map((id) => byId.get(id)!)) {
      const organization = aggregate.organization;
      if (!organizationsSeen.has(organization.id)) {
        organizationsSeen.add(organization.id);
        const org = check("organization", hsdsOrganization(organization, { full: true, phones: aggregate.organizationPhones }));
        organizations.write(org);
        writeRows(org, "organization");
      }
      const service = check("service", hsdsService(aggregate));
      services.write(service);
      writeRows(service, "service");
    }
    await Promise.all([services.drain(), organizations.drain(), tables?.drain()]);
    opts.onProgress?.(Math.min(i + CHUNK, ids.length), ids.length);
  }
  await services.close();
  await organizations.close();

  const taxonomy = check("taxonomy", { id: TAXONOMY_ID, name: TAXONOMY.name, description: TAXONOMY.description, uri: TAXONOMY.uri, version: TAXONOMY.version });
  const terms = (await listTaxonomyTerms(db)).map((t) => check("taxonomy_term", hsdsTaxonomyTerm(t)));
  await writeJsonArray(join(outDir, "taxonomies.json"), [taxonomy]);
  await writeJsonArray(join(outDir, "taxonomy_terms.json"), terms);
  writeRows(taxonomy, "taxonomy");
  for (const term of terms) writeRows(term, "taxonomy_term");

  const files = ["services.json", "organizations.json", "taxonomies.json", "taxonomy_terms.json"];
  if (tables) {
    await tables.close();
    await copyFile(DATAPACKAGE_PATH, join(tabularDir, "datapackage.json"));
    files.push("tabular/datapackage.json", ...resources.map((r) => `tabular/${r.path}`));
  }
  return { services: ids.length, organizations: organizationsSeen.size, files };
}

/** A JSON array written one element at a time. */
async function openJsonArray(path: string) {
  const stream = createWriteStream(path, { encoding: "utf8" });
  let first = true;
  stream.write("[");
  return {
    write(value: unknown) {
      stream.write(`${first ? "\n" : ",\n"}${JSON.stringify(value)}`);
      first = false;
    },
    drain: () => drained(stream),
    close: () => endStream(stream, first ? "]\n" : "\n]\n"),
  };
}

async function writeJsonArray(path: string, values: unknown[]) {
  const out = await openJsonArray(path);
  for (const v of values) out.write(v);
  await out.close();
}

async function openTables(dir: string, resources: TabularResource[]) {
  await mkdir(dir, { recursive: true });
  const streams = new Map<string, WriteStream>();
  const columns = new Map<string, string[]>();
  for (const r of resources) {
    const stream = createWriteStream(join(dir, r.path), { encoding: "utf8" });
    stream.write(stringify([r.fields], { record_delimiter: "windows" }));
    streams.set(r.name, stream);
    columns.set(r.name, r.fields);
  }
  return {
    get: (name: string) => streams.get(name),
    columns: (name: string) => columns.get(name)!,
    drain: () => Promise.all([...streams.values()].map(drained)),
    close: () => Promise.all([...streams.values()].map((s) => endStream(s))),
  };
}

/** Resolves once the stream has flushed what it buffered (backpressure between chunks). */
function drained(stream: WriteStream): Promise<void> {
  return stream.writableNeedDrain ? new Promise((resolve) => stream.once("drain", () => resolve())) : Promise.resolve();
}

function endStream(stream: WriteStream, last?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once("error", reject);
    stream.end(last ?? "", () => resolve());
  });
}
