import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

/**
 * Validates records against the official Open Referral HSDS 3.0 JSON Schemas in `./schema`
 * (CC BY-SA 4.0, see schema/LICENSE.md), with Ajv's draft 2020-12 build. The files carry no
 * `$id`, so each gets its upstream URL as one and their relative `$ref`s ("phone.json") resolve;
 * the HSDS annotation keywords are declared so strict mode accepts them (shared/research/hsds.md,
 * "Validation").
 *
 * `closed` sets `additionalProperties: false` on every object, as upstream CI does, to catch
 * misspelled keys; HSDS itself allows extra properties.
 */
export const HSDS_SCHEMA_BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";

/** What a record is: a shape of the HSDS API reference (schema/openapi.json). */
export type HsdsShape =
  | "service" // GET /services/{id}
  | "service_list_item" // an item of GET /services
  | "organization" // organization.json
  | "organization_with_services" // GET /organizations/{id}
  | "organization_list_item" // an item of GET /organizations
  | "location"
  | "taxonomy"
  | "taxonomy_term"
  | "page" // the page envelope itself
  | "api_root"; // GET /

const HSDS_KEYWORDS = ["name", "path", "datapackage_metadata", "constraints", "example", "core", "tabular_required", "datapackage_type"];
const SCHEMA_DIR = fileURLToPath(new URL("./schema/", import.meta.url));
// ajv-formats is CommonJS: under NodeNext its default export is the module object.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

type Json = Record<string, unknown>;

function readSchema(file: string): Json {
  return JSON.parse(readFileSync(`${SCHEMA_DIR}${file}`, "utf8")) as Json;
}

/** additionalProperties: false on every object schema below `node` (a copy). */
function close(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(close);
  if (!node || typeof node !== "object") return node;
  const out: Json = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === "properties" ? mapValues(v as Json, close) : close(v)]));
  if (out.type === "object" && out.properties) out.additionalProperties = false;
  return out;
}

const mapValues = (obj: Json, fn: (v: unknown) => unknown) => Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, fn(v)]));

export interface HsdsValidator {
  /**
   * The problems of `value` as this shape (or as a bare HSDS object such as `phone`, the way a
   * tabular row is checked), as `path: message` lines; empty when valid.
   */
  errors(shape: HsdsShape | HsdsObjectType, value: unknown): string[];
}

/** The HSDS 3.0 objects: one schema file each. */
export type HsdsObjectType =
  | "organization" | "program" | "service" | "attribute" | "service_at_location" | "location" | "phone" | "contact"
  | "address" | "schedule" | "funding" | "service_area" | "required_document" | "language" | "accessibility"
  | "taxonomy_term" | "metadata" | "meta_table_description" | "cost_option" | "organization_identifier" | "taxonomy";

export function createHsdsValidator(opts: { closed?: boolean } = {}): HsdsValidator {
  const ajv = new Ajv2020({ allErrors: true, strictTypes: false, strictRequired: false });
  addFormats(ajv);
  ajv.addVocabulary(HSDS_KEYWORDS);
  const prepare = (schema: Json) => (opts.closed ? (close(schema) as Json) : schema);

  for (const file of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".json") && f !== "openapi.json" && f !== "datapackage.json")) {
    ajv.addSchema({ ...prepare(readSchema(file)), $id: HSDS_SCHEMA_BASE + file });
  }
  for (const file of ["service_list.json", "organization_list.json"]) {
    ajv.addSchema({ ...prepare(readSchema(`compiled/${file}`)), $id: `${HSDS_SCHEMA_BASE}compiled/${file}` });
  }
  // As hsds_schema_tools compiles organization.json for GET /organizations/{id}: plus its services.
  const organization = readSchema("organization.json") as Json & { properties: Json };
  const withServices = { ...organization, properties: { ...organization.properties, services: { type: "array", items: { $ref: "service.json" } } } };
  ajv.addSchema({ ...prepare(withServices), $id: `${HSDS_SCHEMA_BASE}organization_with_services.json` });
  const openapi = readSchema("openapi.json") as { components: { schemas: { Page: Json } } };
  const ref = (file: string) => ({ $ref: HSDS_SCHEMA_BASE + file });
  const compiled: Record<HsdsShape, Json> = {
    service: ref("service.json"),
    service_list_item: ref("compiled/service_list.json"),
    organization: ref("organization.json"),
    organization_with_services: ref("organization_with_services.json"),
    organization_list_item: ref("compiled/organization_list.json"),
    location: ref("location.json"),
    taxonomy: ref("taxonomy.json"),
    taxonomy_term: ref("taxonomy_term.json"),
    page: { ...openapi.components.schemas.Page, required: ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"] },
    api_root: {
      type: "object",
      required: ["version", "openapi_url"],
      properties: { version: { type: "string" }, profile: { type: "string", format: "uri" }, openapi_url: { type: "string", format: "uri" } },
    },
  };
  const validators = new Map(Object.entries(compiled).map(([shape, schema]) => [shape, ajv.compile(schema)]));

  return {
    errors(shape, value) {
      let validate = validators.get(shape);
      if (!validate) {
        validate = ajv.compile(ref(`${shape}.json`));
        validators.set(shape, validate);
      }
      if (validate(value)) return [];
      return (validate.errors ?? []).map((e) => `${e.instancePath || "/"}: ${e.message ?? "is invalid"}${e.params && "additionalProperty" in e.params ? ` (${String(e.params.additionalProperty)})` : ""}`);
    },
  };
}
