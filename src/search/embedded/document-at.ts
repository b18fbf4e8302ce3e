import { WEEKDAYS } from "../../domain/schedule.js";
import { KIND_CODES, type KindCode } from "../../domain/taxonomy.js";
import { type SearchDocument, kindLabels } from "../document.js";
import { COST_KINDS, type DocStore, FLAG_PRENATAL } from "./doc-store.js";

/** The search document held in a slot, rebuilt from the columns. */
export function documentAt(store: DocStore, slot: number): SearchDocument {
  const kinds: KindCode[] = [];
  const primary = KIND_CODES[store.kind[slot]!]!;
  kinds.push(primary);
  for (let i = 0; i < KIND_CODES.length; i++) if (i !== store.kind[slot] && store.kindMask[slot]! & (1 << i)) kinds.push(KIND_CODES[i]!);
  const lat = store.lat[slot]!;
  const costKind = COST_KINDS[store.cost[slot]!]!;
  return {
    id: store.ids[slot]!,
    serviceId: store.serviceIds[slot]!,
    locationId: store.locationIds[slot]!,
    name: store.names[slot]!,
    nameKana: store.nameKanas[slot]!,
    kind: primary,
    kinds,
    kindLabels: labelsOf(store.kindMask[slot]! * 32 + store.kind[slot]!, kinds),
    organization: { ...store.organizations.values[store.org[slot]!]! },
    address: store.addresses[slot]!,
    municipalityCode: store.muni[slot]! >= 0 ? store.municipalities.values[store.muni[slot]!]! : null,
    description: store.descriptions[slot]!,
    lat: Number.isNaN(lat) ? null : lat,
    lng: Number.isNaN(lat) ? null : store.lng[slot]!,
    ageMinMonths: store.ageMin[slot]! >= 0 ? store.ageMin[slot]! : null,
    ageMaxMonths: store.ageMax[slot]! >= 0 ? store.ageMax[slot]! : null,
    acceptsPrenatal: (store.flags[slot]! & FLAG_PRENATAL) !== 0,
    pregnancyMinWeeks: store.pregMin[slot]! >= 0 ? store.pregMin[slot]! : null,
    languages: store.languageCodes(slot),
    costKind,
    costFree: costKind === "free",
    days: [...DAYS_BY_MASK[store.days[slot]!]!],
    verifiedAt: Number.isNaN(store.verifiedAt[slot]!) ? null : isoString(store.verifiedAt[slot]!),
    updatedAt: isoString(store.updatedAt[slot]!),
  };
}

/** The weekdays of each of the 128 day masks. */
const DAYS_BY_MASK = Array.from({ length: 128 }, (_, mask) => WEEKDAYS.filter((_, i) => mask & (1 << i)));

/**
 * ISO strings of timestamps, remembered: documents share a few (a batch's update time, a
 * verification date), and formatting one costs more than the rest of a hit.
 */
const ISO_STRINGS = new Map<number, string>();
function isoString(ms: number): string {
  let s = ISO_STRINGS.get(ms);
  if (s === undefined) {
    if (ISO_STRINGS.size >= 50_000) ISO_STRINGS.clear();
    ISO_STRINGS.set(ms, (s = new Date(ms).toISOString()));
  }
  return s;
}

const LABELS_BY_MASK = new Map<number, string[]>();
/** The labels of a kind combination (`key`: kind mask × 32 + primary kind), computed once. */
function labelsOf(key: number, kinds: KindCode[]): string[] {
  let labels = LABELS_BY_MASK.get(key);
  if (!labels) LABELS_BY_MASK.set(key, (labels = [...new Set(kinds.flatMap(kindLabels))]));
  return [...labels];
}
