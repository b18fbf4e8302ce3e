import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * HSDS's secondary serialisation, the Tabular Data Package: one CSV per object type with the
 * columns, in order, of the official `datapackage.json` (src/hsds/schema). Rows come from the
 * nested JSON records by flattening: every nested object becomes a row of its own table and
 * carries its parent's id in the foreign-key column (`service_id`, `location_id`, …), as the
 * HSDS tabular form requires (`tabular_required`). A record met twice (the same phone under a
 * service and its organization) is written once.
 */
export interface TabularResource {
  name: string;
  path: string;
  fields: string[];
}

interface DataPackage {
  resources: { name: string; path: string; schema: { fields: { name: string }[] } }[];
}

export const DATAPACKAGE_PATH = fileURLToPath(new URL("../hsds/schema/datapackage.json", import.meta.url));

export function tabularResources(): TabularResource[] {
  const pkg = JSON.parse(readFileSync(DATAPACKAGE_PATH, "utf8")) as DataPackage;
  return pkg.resources.map((r) => ({ name: r.name, path: r.path, fields: r.schema.fields.map((f) => f.name) }));
}

/** Nested property of an HSDS record → the object type (= datapackage resource name) it holds. */
const PROPERTY_TYPE: Record<string, string> = {
  phones: "phone",
  schedules: "schedule",
  service_areas: "service_area",
  service_at_locations: "service_at_location",
  languages: "language",
  organization: "organization",
  funding: "funding",
  cost_options: "cost_option",
  program: "program",
  programs: "program",
  required_documents: "required_document",
  contacts: "contact",
  attributes: "attribute",
  metadata: "metadata",
  location: "location",
  locations: "location",
  addresses: "address",
  accessibility: "accessibility",
  organization_identifiers: "organization_identifier",
  taxonomy_term: "taxonomy_term",
  taxonomy_detail: "taxonomy",
  services: "service",
};

/** A one-to-one nested object whose id the row keeps in this column. */
const REFERENCE_COLUMN: Record<string, string> = {
  organization: "organization_id",
  location: "location_id",
  program: "program_id",
  taxonomy_term: "taxonomy_term_id",
  taxonomy_detail: "taxonomy_id",
};

type Json = Record<string, unknown>;
export type TabularRow = Record<string, string>;

export class TabularFlattener {
  readonly #resources: Map<string, TabularResource>;
  readonly #seen = new Map<string, Set<string>>();

  constructor(resources: TabularResource[] = tabularResources()) {
    this.#resources = new Map(resources.map((r) => [r.name, r]));
  }

  /** The rows, by resource name, of `record` (of HSDS object `type`) and everything nested in it not met before. */
  flatten(record: Json, type: string): Map<string, TabularRow[]> {
    const out = new Map<string, TabularRow[]>();
    this.#visit(record, type, undefined, out);
    return out;
  }

  #visit(obj: Json, type: string, parent: { type: string; id: string } | undefined, out: Map<string, TabularRow[]>) {
    const resource = this.#resources.get(type);
    const id = typeof obj.id === "string" ? obj.id : undefined;
    if (!resource || !id) return;
    const seen = this.#seen.get(type) ?? new Set<string>();
    this.#seen.set(type, seen);
    if (!seen.has(id)) {
      seen.add(id);
      const row: TabularRow = {};
      for (const field of resource.fields) row[field] = cell(obj[field]);
      if (parent) {
        if (`${parent.type}_id` in row && !row[`${parent.type}_id`]) row[`${parent.type}_id`] = parent.id;
        if (type === "attribute") {
          row.link_id ||= parent.id;
          row.link_entity ||= parent.type;
        }
      }
      for (const [property, column] of Object.entries(REFERENCE_COLUMN)) {
        const nested = obj[property] as Json | undefined;
        if (column in row && !row[column] && nested && typeof nested.id === "string") row[column] = nested.id;
      }
      const rows = out.get(type) ?? [];
      rows.push(row);
      out.set(type, rows);
    }
    for (const [property, value] of Object.entries(obj)) {
      const childType = PROPERTY_TYPE[property];
      if (!childType || !value || typeof value !== "object") continue;
      if (Array.isArray(value)) {
        for (const item of value) if (item && typeof item === "object") this.#visit(item as Json, childType, { type, id }, out);
      } else {
        this.#visit(value as Json, childType, undefined, out);
      }
    }
  }
}

function cell(value: unknown): string {
  if (value === null || value === undefined || typeof value === "object") return "";
  return String(value);
}
