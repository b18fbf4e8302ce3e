import { parse as parseUuid, v5 as uuidv5 } from "uuid";
import { TSUNAGU_NAMESPACE } from "../src/catalog/taxonomy-sync.js";

// Parsed once: given as a string, uuid re-parses and re-validates the namespace on every call,
// which is a third of the id cost when the synthetic catalog makes half a million of them.
const NAMESPACE = parseUuid(TSUNAGU_NAMESPACE);

/** A UUID (v5 in Tsunagu's namespace) derived from a stable key, so seeded rows get the same id in every database. */
export function stableId(...key: (string | number)[]): string {
  return uuidv5(key.join(":"), NAMESPACE);
}
