import type { SoftCriterion } from "./reason.js";

/**
 * The one place where matching's judgement lives. Hard rules exclude; these weights combine the
 * soft criteria into a 0–100 score (a weighted mean over the criteria that apply to the plan, so
 * a plan without day constraints is not penalised for them).
 */
export const WEIGHTS: Record<SoftCriterion, number> = {
  /** Families with small children travel little: nearness matters most. */
  proximity: 0.35,
  /** Open on the days the family can go. */
  schedule: 0.15,
  /** Within the family's cost cap (free preferred when there is no cap). */
  cost: 0.15,
  /** Speaks a language the family speaks (only asked when the family needs other than Japanese). */
  language: 0.15,
  /** Has places free now. */
  capacity: 0.1,
  /** Recently verified listings are more likely to be right. */
  verified: 0.1,
};

export const TUNING = {
  /** The proximity score halves every this many metres (1.0 at the door, 0.5 at 2 km, 0.25 at 4 km). */
  proximityHalfMeters: 2_000,
  /** Searched when the plan sets no maximum distance. */
  defaultMaxDistanceMeters: 10_000,
  /** Candidates are fetched this much beyond the maximum, so staff see the near misses as excluded. */
  searchBeyondFactor: 1.5,
  /** Verified within this many months scores fully; the score falls to `staleScore` at the cadence. */
  freshMonths: 6,
  verificationCadenceMonths: 12,
  staleScore: 0.2,
  /** A fee without a cap scores this (free scores 1). */
  feeWithoutCapScore: 0.8,
  /** What an unknown soft fact is worth: neither rewarded nor ruled out. */
  unknownScore: 0.5,
  /** Months of age up to which a child counts as a newborn for postnatal (産後) services. */
  postnatalMonths: 12,
  matchesPerNeed: 20,
  excludedPerNeed: 10,
} as const;
