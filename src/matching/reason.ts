/**
 * Why a candidate matches a need or not, one criterion at a time. Rules decide a status and a
 * message code with its facts; `explain.ts` turns the code into sentences for people.
 */
export type ReasonStatus = "pass" | "fail" | "unknown";

export type HardCriterion = "published" | "age" | "pregnancy" | "residence" | "certificate" | "distance";
export type SoftCriterion = "proximity" | "schedule" | "cost" | "language" | "capacity" | "verified";
export type Criterion = HardCriterion | SoftCriterion;

export interface Finding {
  criterion: Criterion;
  status: ReasonStatus;
  /** Message key in `explain.ts`, e.g. `age.child_in_range`. */
  code: string;
  facts?: Record<string, string | number>;
}

/** A soft criterion's finding with its score in [0, 1]. */
export interface ScoredFinding extends Finding {
  criterion: SoftCriterion;
  score: number;
}

export interface Reason {
  criterion: Criterion;
  status: ReasonStatus;
  /** One sentence in Japanese (for staff and the family). */
  detail: string;
  detailEn: string;
  /** A failed hard rule excludes the candidate; a soft one only lowers its score. */
  hard: boolean;
}
