import type { Constraints, Family } from "../plans/plan.js";

/** What matching needs from a plan: the family, its constraints and where it lives. */
export interface MatchContext {
  family: Family;
  constraints: Constraints;
  /** 全国地方公共団体コード of the municipality the family lives in (the center's). */
  municipalityCode: string;
  /** The effective maximum distance (the plan's, or the default). */
  maxDistanceMeters: number;
  /** "Now", passed in so matching is deterministic. */
  now: Date;
}
