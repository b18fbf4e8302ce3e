import type { ConsultationPoint } from "../../../src/consultation-points/consultation-point.js";
import type { NearestPoint, UncoveredCell } from "../../../src/consultation-points/coverage.js";
import type { GapReport } from "../../../src/gaps/gap-report.js";
import type { Reason } from "../../../src/matching/reason.js";
import type { Weekday } from "../api/types.js";

/**
 * Response shapes of the center's duties (API.md; README "Support plans, matching and referrals").
 * Pure domain types are imported type-only from the server; the shapes its use cases build inline
 * (the sheet, the summary) are written out here with the fields the pages show.
 */
export type { ConsultationPoint, NearestPoint, Reason, UncoveredCell };

/** GET /api/v1/gaps */
export type GapsResponse = GapReport & { cellMeters: number };

/** GET /api/v1/consultation-points/coverage */
export interface CoverageResponse {
  points: number;
  cells: number;
  uncovered: UncoveredCell[];
}

/** The language a sheet was made in (the API's names). */
export type SheetLanguage = "ja" | "easy-ja" | "en";

/** GET /api/v1/sheets/{token}: services and the recommending center, nothing about the family. */
export interface Sheet {
  language: SheetLanguage;
  center: { name: string; municipalityName: string };
  createdAt: string;
  expiresAt: string;
  services: SheetService[];
}

export interface SheetService {
  id: string;
  name: string;
  nameKana: string | null;
  kind: string;
  description: string | null;
  organization: string;
  address: string | null;
  postalCode: string | null;
  lat: number | null;
  lng: number | null;
  transportation: string | null;
  phone: string | null;
  email: string | null;
  url: string | null;
  cost: { kind: "free" | "fee" | "sliding"; amountYen: number | null; description: string | null };
  schedule: { days: Weekday[]; opensAt: string | null; closesAt: string | null; description: string | null }[];
  ageMinMonths: number | null;
  ageMaxMonths: number | null;
  languages: string[];
  /** The service on the public family map. */
  listingPath: string;
}

/** POST /api/v1/plans/{id}/sheets */
export interface CreatedSheet {
  id: string;
  token: string;
  path: string;
  language: SheetLanguage;
  expiresAt: string;
}

/** GET /api/v1/plans/{id}/matches, the parts the sheet maker shows. */
export interface PlanMatches {
  planId: string;
  needs: { kind: string; matches: { serviceId: string; name: string; organizationName: string; distanceMeters: number; score: number }[] }[];
  suggestion: { picks: { kind: string; serviceId: string }[] };
}

export interface Person {
  id: string;
  name: string;
  profession: string | null;
}

/** GET /api/v1/plans/{id}/summary: the ケース会議 one-pager. */
export interface CaseSummary {
  generatedAt: string;
  center: string;
  plan: {
    id: string;
    caseRef: string;
    status: string;
    lead: Person | null;
    family: { children: { ageMonths: number }[]; pregnancyWeeks?: number; languages: string[] };
    updatedAt: string;
  };
  needs: {
    kind: string;
    label: { ja: string; en: string };
    urgency: string;
    note: string | null;
    matches: { serviceId: string; name: string; organizationName: string; score: number; distanceMeters: number; reasons: Reason[] }[];
    excludedCount: number;
    suggested: { serviceId: string; name: string } | null;
  }[];
  referrals: {
    id: string;
    reference: string;
    serviceName: string;
    organizationName: string;
    status: string;
    overdue: boolean;
    events: { status: string; fromStatus: string | null; note: string | null; reason: string | null; outcome: string | null; by: string | null; at: string }[];
  }[];
  nextSteps: { action: string; due?: string; done?: boolean; owner: Person | null }[];
}
