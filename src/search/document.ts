import type { CostKind } from "../db/database.js";
import { formatJapaneseAddress } from "../domain/address.js";
import { type Weekday, rruleDays, sortDays } from "../domain/schedule.js";
import { type KindCode, findKind, isKindCode } from "../domain/taxonomy.js";

/**
 * The search document: one per service-at-location (a service delivered at two places is two
 * documents, each with its own point), and only for publicly visible services. The one type
 * shared by the projection (`projection.ts`) and both adapters.
 */
export interface SearchDocument {
  /** service_at_location.id */
  id: string;
  serviceId: string;
  locationId: string;
  name: string;
  /** 名称カナ (full-width katakana), searchable so that a reading typed in kana finds a kanji name. */
  nameKana: string | null;
  /** Primary kind. */
  kind: KindCode;
  /** The primary kind first, then the service's other kinds. */
  kinds: KindCode[];
  /** Labels of `kinds` in Japanese, English and やさしい日本語, and their synonyms: what a family may type for the kind. */
  kindLabels: string[];
  organization: { id: string; name: string; nameKana: string | null };
  /** One line: 埼玉県川口市栄町3-1-1 栄町会館1階. */
  address: string;
  /** 全国地方公共団体コード of the location. */
  municipalityCode: string | null;
  description: string;
  lat: number | null;
  lng: number | null;
  /** Age of the child, months, inclusive; null is an open end. */
  ageMinMonths: number | null;
  ageMaxMonths: number | null;
  acceptsPrenatal: boolean;
  pregnancyMinWeeks: number | null;
  /** ISO 639 codes. */
  languages: string[];
  costKind: CostKind;
  costFree: boolean;
  /** Weekdays with at least one schedule slot. */
  days: Weekday[];
  /** ISO 8601. */
  verifiedAt: string | null;
  updatedAt: string;
}

/** What `projection.ts` reads for one service-at-location. */
export interface ProjectionRow {
  salId: string;
  serviceId: string;
  locationId: string;
  name: string;
  nameKana: string | null;
  kind: string;
  otherKinds: string[] | null;
  organizationId: string;
  organizationName: string;
  organizationKana: string | null;
  prefecture: string | null;
  city: string | null;
  address1: string | null;
  address2: string | null;
  municipalityCode: string | null;
  description: string;
  lat: number | null;
  lng: number | null;
  ageMinMonths: number | null;
  ageMaxMonths: number | null;
  acceptsPrenatal: boolean;
  pregnancyMinWeeks: number | null;
  languages: string[] | null;
  costKind: CostKind;
  /** RFC 5545 BYDAY values of the service's schedules. */
  bydays: string[] | null;
  verifiedAt: Date | string | null;
  updatedAt: Date | string;
}

export function toSearchDocument(row: ProjectionRow): SearchDocument {
  const kind = row.kind as KindCode;
  const kinds = [kind, ...(row.otherKinds ?? []).filter((k): k is KindCode => isKindCode(k) && k !== kind)];
  return {
    id: row.salId,
    serviceId: row.serviceId,
    locationId: row.locationId,
    name: row.name,
    nameKana: row.nameKana || null,
    kind,
    kinds: [...new Set(kinds)],
    kindLabels: [...labelsOfKinds(kinds)],
    organization: { id: row.organizationId, name: row.organizationName, nameKana: row.organizationKana || null },
    address: row.address1 !== null
      ? formatJapaneseAddress({ prefecture: row.prefecture ?? "", city: row.city ?? "", line1: row.address1, line2: row.address2 ?? undefined })
      : "",
    municipalityCode: row.municipalityCode,
    description: row.description,
    lat: row.lat,
    lng: row.lng,
    ageMinMonths: row.ageMinMonths,
    ageMaxMonths: row.ageMaxMonths,
    acceptsPrenatal: row.acceptsPrenatal,
    pregnancyMinWeeks: row.pregnancyMinWeeks,
    languages: [...new Set(row.languages ?? [])].sort(),
    costKind: row.costKind,
    costFree: row.costKind === "free",
    days: [...daysOfSchedules(row.bydays)],
    verifiedAt: row.verifiedAt === null ? null : new Date(row.verifiedAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/*
 * A full rebuild projects every document: what many share (a kind combination's labels, a set
 * of schedules' weekdays) is worked out once per distinct value (both tables stay small).
 */
const LABELS_OF_KINDS = new Map<string, readonly string[]>();
function labelsOfKinds(kinds: readonly string[]): readonly string[] {
  const key = kinds.join(",");
  let labels = LABELS_OF_KINDS.get(key);
  if (!labels) {
    if (LABELS_OF_KINDS.size >= 10_000) LABELS_OF_KINDS.clear();
    LABELS_OF_KINDS.set(key, (labels = [...new Set(kinds.flatMap(kindLabels))]));
  }
  return labels;
}

const DAYS_OF_SCHEDULES = new Map<string, readonly Weekday[]>();
function daysOfSchedules(bydays: readonly string[] | null): readonly Weekday[] {
  const key = bydays?.join(";") ?? "";
  let days = DAYS_OF_SCHEDULES.get(key);
  if (!days) {
    if (DAYS_OF_SCHEDULES.size >= 10_000) DAYS_OF_SCHEDULES.clear();
    DAYS_OF_SCHEDULES.set(key, (days = sortDays((bydays ?? []).flatMap(rruleDays))));
  }
  return days;
}

const LABELS = new Map<string, string[]>();

/** A kind's searchable labels: ja, en, やさしい日本語 and synonyms (the taxonomy is the one source). */
export function kindLabels(code: string): string[] {
  let labels = LABELS.get(code);
  if (!labels) {
    const k = findKind(code);
    labels = k ? [...new Set([k.ja, k.en, k.easyJa, ...k.synonyms])] : [];
    LABELS.set(code, labels);
  }
  return labels;
}
