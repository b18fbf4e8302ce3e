import { isPublicAggregate } from "../catalog/public-catalog.js";
import { type LatLng, distanceMeters } from "../domain/geo.js";
import { type Weekday, rruleDays } from "../domain/schedule.js";
import type { MatchFacts } from "./match-facts.js";

/**
 * What matching knows about one place where a service is delivered: the DB facts that the
 * rules and scores read, flattened once so the scorer stays pure and fast.
 */
export interface Candidate {
  serviceId: string;
  locationId: string;
  organizationId: string;
  organizationName: string;
  name: string;
  kind: string;
  published: boolean;
  lat: number;
  lng: number;
  distanceMeters: number;
  ageMinMonths: number | null;
  ageMaxMonths: number | null;
  acceptsPrenatal: boolean;
  acceptsPostnatal: boolean;
  pregnancyMinWeeks: number | null;
  residenceRequired: boolean;
  /** Municipalities whose residents may use it (service areas, else the organization's). */
  areaCodes: string[];
  certificateRequired: boolean;
  costKind: "free" | "fee" | "sliding";
  /** The lowest fee stated, in yen (null when unknown). */
  costYen: number | null;
  languages: string[];
  capacityAvailable: number | null;
  /** Weekdays it is open; empty when the schedule is unknown. */
  days: Weekday[];
  verifiedAt: Date | null;
}

/** One candidate per location of the service, measured from `from`. */
export function candidatesFromFacts(agg: MatchFacts, from: LatLng): Candidate[] {
  const { service, organization } = agg;
  const areaCodes = agg.serviceAreas.length ? agg.serviceAreas.map((a) => a.municipality_code) : agg.organizationMunicipalities;
  const fees = agg.costOptions.map((c) => c.amount).filter((a): a is number => a !== null && a !== undefined);
  const days = new Set<Weekday>();
  for (const s of agg.schedules) for (const d of rruleDays(s.byday ?? "")) days.add(d);
  const published = isPublicAggregate(agg);

  return agg.locations
    .filter(({ location }) => location.latitude !== null && location.longitude !== null)
    .map(({ location }) => ({
      serviceId: service.id,
      locationId: location.id,
      organizationId: organization.id,
      organizationName: organization.name,
      name: service.name,
      kind: service.kind,
      published,
      lat: location.latitude!,
      lng: location.longitude!,
      distanceMeters: Math.round(distanceMeters(from, { lat: location.latitude!, lng: location.longitude! })),
      ageMinMonths: service.age_min_months,
      ageMaxMonths: service.age_max_months,
      acceptsPrenatal: service.accepts_prenatal,
      acceptsPostnatal: service.accepts_postnatal,
      pregnancyMinWeeks: service.pregnancy_min_weeks,
      residenceRequired: service.residence_required,
      areaCodes,
      certificateRequired: service.certificate_required,
      costKind: service.cost_kind,
      costYen: service.cost_kind === "free" ? 0 : fees.length ? Math.min(...fees) : null,
      languages: agg.languages.map((l) => l.code).filter((c): c is string => !!c),
      capacityAvailable: service.capacity_available,
      days: [...days],
      verifiedAt: service.verified_at,
    }));
}
