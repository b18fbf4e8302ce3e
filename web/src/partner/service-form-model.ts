import type { AddressParts, ServiceDraft } from "../../../src/catalog/draft.js";
import type { ServicePatch } from "../../../src/catalog/patch.js";
import type { Weekday } from "../../../src/domain/schedule.js";
import type { MessageKey } from "../i18n/messages.js";

/**
 * The service edit form as the browser holds it (every input as text, the way it was typed) and
 * its translation to the API's draft (create) and patch (edit). Pure, so it is unit-tested
 * without a browser (tests/unit/partner-service-form.test.ts).
 */
export interface ScheduleRow {
  /** A stable key for the list (rows are added and removed). */
  key: number;
  days: Weekday[];
  opensAt: string;
  closesAt: string;
  /** Kept as loaded (第2・第4 土曜日); the editor shows it but does not change it. */
  weeksOfMonth?: number[];
  description: string;
}

export type CostKind = "free" | "fee" | "sliding";
export type ServiceStatus = NonNullable<ServiceDraft["status"]>;

export interface ServiceForm {
  name: string;
  nameKana: string;
  kind: string;
  otherKinds: string[];
  description: string;
  status: ServiceStatus;
  ageMinYears: string;
  ageMinMonths: string;
  ageMaxYears: string;
  ageMaxMonths: string;
  acceptsPrenatal: boolean;
  acceptsPostnatal: boolean;
  pregnancyMinWeeks: string;
  residenceRequired: boolean;
  certificateRequired: boolean;
  eligibilityDescription: string;
  costKind: CostKind;
  costAmountYen: string;
  costDescription: string;
  languages: string[];
  interpretationServices: string;
  phone: string;
  email: string;
  url: string;
  applicationProcess: string;
  locationName: string;
  postalCode: string;
  prefecture: string;
  city: string;
  line1: string;
  line2: string;
  lat: string;
  lng: string;
  transportation: string;
  schedule: ScheduleRow[];
}

let nextKey = 1;
export const newScheduleRow = (): ScheduleRow => ({ key: nextKey++, days: [], opensAt: "", closesAt: "", description: "" });

export function emptyServiceForm(): ServiceForm {
  return {
    name: "",
    nameKana: "",
    kind: "",
    otherKinds: [],
    description: "",
    status: "active",
    ageMinYears: "",
    ageMinMonths: "",
    ageMaxYears: "",
    ageMaxMonths: "",
    acceptsPrenatal: false,
    acceptsPostnatal: false,
    pregnancyMinWeeks: "",
    residenceRequired: false,
    certificateRequired: false,
    eligibilityDescription: "",
    costKind: "free",
    costAmountYen: "",
    costDescription: "",
    languages: ["ja"],
    interpretationServices: "",
    phone: "",
    email: "",
    url: "",
    applicationProcess: "",
    locationName: "",
    postalCode: "",
    prefecture: "",
    city: "",
    line1: "",
    line2: "",
    lat: "",
    lng: "",
    transportation: "",
    schedule: [],
  };
}

const str = (v: string | number | undefined | null) => (v === undefined || v === null ? "" : String(v));
const years = (m: number | undefined) => (m === undefined ? "" : String(Math.floor(m / 12)));
const months = (m: number | undefined) => (m === undefined ? "" : String(m % 12));

export function serviceFormFromDraft(d: ServiceDraft): ServiceForm {
  const address = d.location.address;
  const parts: Partial<AddressParts> = typeof address === "string" ? { line1: address } : address;
  const cost = d.cost ?? { kind: d.costFree === false ? "fee" : "free" };
  return {
    ...emptyServiceForm(),
    name: d.name,
    nameKana: str(d.nameKana),
    kind: d.kind,
    otherKinds: [...(d.otherKinds ?? [])],
    description: str(d.description),
    status: d.status ?? "active",
    ageMinYears: years(d.ageMinMonths),
    ageMinMonths: months(d.ageMinMonths),
    ageMaxYears: years(d.ageMaxMonths),
    ageMaxMonths: months(d.ageMaxMonths),
    acceptsPrenatal: d.acceptsPrenatal ?? false,
    acceptsPostnatal: d.acceptsPostnatal ?? false,
    pregnancyMinWeeks: str(d.pregnancyMinWeeks),
    residenceRequired: d.residenceRequired ?? false,
    certificateRequired: d.certificateRequired ?? false,
    eligibilityDescription: str(d.eligibilityDescription),
    costKind: cost.kind,
    costAmountYen: str(cost.amountYen),
    costDescription: str(cost.description),
    languages: [...(d.languages ?? [])],
    interpretationServices: str(d.interpretationServices),
    phone: str(d.phone),
    email: str(d.email),
    url: str(d.url),
    applicationProcess: str(d.applicationProcess),
    locationName: str(d.location.name),
    postalCode: str(parts.postalCode),
    prefecture: str(parts.prefecture),
    city: str(parts.city),
    line1: str(parts.line1),
    line2: str(parts.line2),
    lat: str(d.location.lat),
    lng: str(d.location.lng),
    transportation: str(d.location.transportation),
    schedule: (d.schedule ?? []).map((s) => ({
      key: nextKey++,
      days: [...s.days],
      opensAt: s.opensAt,
      closesAt: s.closesAt,
      ...(s.weeksOfMonth ? { weeksOfMonth: [...s.weeksOfMonth] } : {}),
      description: str(s.description),
    })),
  };
}

/** A problem the browser finds before sending: the input's id and the message to show. */
export interface FormProblem {
  field: string;
  message: MessageKey;
}

export type DraftResult = { ok: true; draft: ServiceDraft } | { ok: false; problems: FormProblem[] };

const opt = (s: string) => (s.trim() === "" ? undefined : s.trim());

/**
 * The draft the form means, or what stops it from being sent: missing required answers and
 * numbers that are not numbers. Every other rule (lengths, formats, ranges) is the server's,
 * whose problem+json names the field.
 */
export function draftFromForm(f: ServiceForm): DraftResult {
  const problems: FormProblem[] = [];
  const int = (value: string, field: string): number | undefined => {
    const v = value.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
    if (v === "") return undefined;
    if (!/^\d+$/.test(v)) {
      problems.push({ field, message: "svcWholeNumber" });
      return undefined;
    }
    return Number(v);
  };
  const coord = (value: string, field: string): number => {
    const n = Number(value.trim());
    if (value.trim() === "" || !Number.isFinite(n)) problems.push({ field, message: "svcLocationMissing" });
    return n;
  };
  const ageOf = (y: string, m: string, field: string) => {
    const yy = int(y, field);
    const mm = int(m, `${field}-m`);
    return yy === undefined && mm === undefined ? undefined : (yy ?? 0) * 12 + (mm ?? 0);
  };

  if (!f.name.trim()) problems.push({ field: "svc-name", message: "svcNameMissing" });
  if (!f.kind) problems.push({ field: "svc-kind", message: "svcKindMissing" });
  const ageMinMonths = ageOf(f.ageMinYears, f.ageMinMonths, "svc-age-min");
  const ageMaxMonths = ageOf(f.ageMaxYears, f.ageMaxMonths, "svc-age-max");
  const pregnancyMinWeeks = int(f.pregnancyMinWeeks, "svc-pregnancy-weeks");
  const amountYen = f.costKind === "free" ? undefined : int(f.costAmountYen, "svc-cost-amount");
  if (!f.line1.trim()) problems.push({ field: "svc-line1", message: "svcAddressMissing" });
  const lat = coord(f.lat, "svc-lat");
  const lng = coord(f.lng, "svc-lng");
  f.schedule.forEach((row, i) => {
    if (!row.days.length) problems.push({ field: `svc-slot-${i}-day-mon`, message: "svcSlotDaysMissing" });
    if (!row.opensAt || !row.closesAt) problems.push({ field: `svc-slot-${i}-${row.opensAt ? "closes" : "opens"}`, message: "svcSlotTimesMissing" });
    else if (row.closesAt <= row.opensAt) problems.push({ field: `svc-slot-${i}-closes`, message: "svcSlotOrder" });
  });
  if (problems.length) return { ok: false, problems };

  const address: string | AddressParts =
    f.prefecture.trim() || f.city.trim()
      ? { postalCode: opt(f.postalCode), prefecture: f.prefecture.trim(), city: f.city.trim(), line1: f.line1.trim(), line2: opt(f.line2) }
      : [f.line1.trim(), f.line2.trim()].filter(Boolean).join(" ");
  const draft: ServiceDraft = {
    name: f.name.trim(),
    nameKana: opt(f.nameKana),
    kind: f.kind as ServiceDraft["kind"],
    otherKinds: f.otherKinds.length ? (f.otherKinds as ServiceDraft["kind"][]) : undefined,
    description: opt(f.description),
    status: f.status,
    url: opt(f.url),
    email: opt(f.email),
    phone: opt(f.phone),
    location: { name: opt(f.locationName), address, lat, lng, transportation: opt(f.transportation) },
    languages: f.languages,
    ageMinMonths,
    ageMaxMonths,
    acceptsPrenatal: f.acceptsPrenatal,
    acceptsPostnatal: f.acceptsPostnatal,
    pregnancyMinWeeks,
    residenceRequired: f.residenceRequired,
    certificateRequired: f.certificateRequired,
    cost: { kind: f.costKind, amountYen, description: opt(f.costDescription) },
    schedule: f.schedule.map((row) => ({
      days: row.days,
      opensAt: row.opensAt,
      closesAt: row.closesAt,
      ...(row.weeksOfMonth ? { weeksOfMonth: row.weeksOfMonth } : {}),
      ...(opt(row.description) ? { description: opt(row.description) } : {}),
    })),
    applicationProcess: opt(f.applicationProcess),
    eligibilityDescription: opt(f.eligibilityDescription),
    interpretationServices: opt(f.interpretationServices),
  };
  return { ok: true, draft: withoutUndefined(draft) };
}

/** The fields this form edits; a patch leaves every other field of the record as it is. */
const EDITED = [
  "name", "nameKana", "kind", "otherKinds", "description", "status", "url", "email", "phone", "languages",
  "ageMinMonths", "ageMaxMonths", "acceptsPrenatal", "acceptsPostnatal", "pregnancyMinWeeks", "residenceRequired",
  "certificateRequired", "cost", "schedule", "applicationProcess", "eligibilityDescription", "interpretationServices",
] as const satisfies readonly (keyof ServiceDraft)[];

/**
 * The edit as a PATCH: every field the form shows, an emptied one as `null` (cleared). A pin
 * moved away from where it was marks the coordinates as placed by hand (`coordSource: manual`).
 */
export function patchFromDraft(draft: ServiceDraft, before: ServiceDraft): ServicePatch {
  const patch: Record<string, unknown> = {};
  for (const key of EDITED) patch[key] = draft[key] ?? null;
  const { location } = draft;
  const moved = location.lat !== before.location.lat || location.lng !== before.location.lng;
  patch.location = {
    name: location.name ?? null,
    address: location.address,
    lat: location.lat,
    lng: location.lng,
    transportation: location.transportation ?? null,
    ...(moved ? { coordSource: "manual" } : {}),
  };
  return patch as ServicePatch;
}

function withoutUndefined<T extends object>(obj: T): T {
  return JSON.parse(JSON.stringify(obj)) as T;
}

/** The input a server error's `path` (`location.address.city`, `schedule.2.closesAt`) is about. */
export function serviceFieldOf(path: string): string {
  const slot = /^schedule\.(\d+)\.(\w+)/.exec(path);
  if (slot) return `svc-slot-${slot[1]}-${slot[2] === "closesAt" ? "closes" : slot[2] === "opensAt" ? "opens" : "day-mon"}`;
  if (path.startsWith("languages")) return "svc-lang-ja";
  if (path.startsWith("otherKinds")) return "svc-other-kinds";
  return SERVICE_FIELD_IDS[path] ?? SERVICE_FIELD_IDS[path.split(".").slice(0, 2).join(".")] ?? SERVICE_FIELD_IDS[path.split(".")[0]!] ?? "svc-name";
}

const SERVICE_FIELD_IDS: Record<string, string> = {
  name: "svc-name",
  nameKana: "svc-kana",
  kind: "svc-kind",
  description: "svc-description",
  status: "svc-status",
  ageMinMonths: "svc-age-min",
  ageMaxMonths: "svc-age-max",
  pregnancyMinWeeks: "svc-pregnancy-weeks",
  eligibilityDescription: "svc-eligibility",
  cost: "svc-cost-free",
  costFree: "svc-cost-free",
  "cost.amountYen": "svc-cost-amount",
  "cost.description": "svc-cost-description",
  interpretationServices: "svc-interpretation",
  phone: "svc-phone",
  email: "svc-email",
  url: "svc-url",
  applicationProcess: "svc-application",
  "location.name": "svc-location-name",
  "location.address": "svc-line1",
  "location.address.postalCode": "svc-postal",
  "location.address.prefecture": "svc-prefecture",
  "location.address.city": "svc-city",
  "location.address.line1": "svc-line1",
  "location.address.line2": "svc-line2",
  "location.lat": "svc-lat",
  "location.lng": "svc-lng",
  "location.transportation": "svc-transportation",
  schedule: "svc-add-slot",
};
