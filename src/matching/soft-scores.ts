import type { Candidate } from "./candidate.js";
import type { MatchContext } from "./context.js";
import type { ScoredFinding } from "./reason.js";
import { TUNING, WEIGHTS } from "./weights.js";

/**
 * Preferences: what makes one eligible candidate better than another for this family. Each
 * returns a finding with a score in [0, 1], or nothing when the plan does not ask about it.
 */
export function softFindings(c: Candidate, ctx: MatchContext): ScoredFinding[] {
  return [proximity(c), schedule(c, ctx), cost(c, ctx), language(c, ctx), capacity(c), verified(c, ctx)].filter(
    (f): f is ScoredFinding => f !== undefined,
  );
}

/** The weighted mean of the findings that apply, on 0–100 with one decimal. */
export function combineScore(findings: readonly ScoredFinding[]): number {
  let sum = 0;
  let weights = 0;
  for (const f of findings) {
    sum += WEIGHTS[f.criterion] * f.score;
    weights += WEIGHTS[f.criterion];
  }
  return weights === 0 ? 0 : Math.round((sum / weights) * 1000) / 10;
}

function proximity(c: Candidate): ScoredFinding {
  const score = 0.5 ** (c.distanceMeters / TUNING.proximityHalfMeters);
  return { criterion: "proximity", status: "pass", code: "proximity.meters", facts: { meters: c.distanceMeters }, score };
}

function schedule(c: Candidate, ctx: MatchContext): ScoredFinding | undefined {
  const wanted = ctx.constraints.days;
  if (!wanted?.length) return undefined;
  if (c.days.length === 0) return { criterion: "schedule", status: "unknown", code: "schedule.unknown", score: TUNING.unknownScore };
  const overlap = wanted.filter((d) => c.days.includes(d));
  if (overlap.length === 0) return { criterion: "schedule", status: "fail", code: "schedule.none", facts: { days: c.days.join(",") }, score: 0 };
  return { criterion: "schedule", status: "pass", code: "schedule.overlap", facts: { days: overlap.join(",") }, score: overlap.length / wanted.length };
}

function cost(c: Candidate, ctx: MatchContext): ScoredFinding {
  const cap = ctx.constraints.maxCostYen;
  if (c.costKind === "free") return { criterion: "cost", status: "pass", code: "cost.free", score: 1 };
  if (c.costYen === null) {
    return cap === undefined
      ? { criterion: "cost", status: "pass", code: "cost.fee", score: TUNING.feeWithoutCapScore }
      : { criterion: "cost", status: "unknown", code: "cost.unknown", facts: { cap }, score: TUNING.unknownScore };
  }
  if (cap === undefined) return { criterion: "cost", status: "pass", code: "cost.fee_amount", facts: { yen: c.costYen }, score: TUNING.feeWithoutCapScore };
  return c.costYen <= cap
    ? { criterion: "cost", status: "pass", code: "cost.within_cap", facts: { yen: c.costYen, cap }, score: 1 }
    : { criterion: "cost", status: "fail", code: "cost.over_cap", facts: { yen: c.costYen, cap }, score: 0 };
}

function language(c: Candidate, ctx: MatchContext): ScoredFinding | undefined {
  const needed = ctx.family.languages.filter((l) => l !== "ja");
  if (needed.length === 0) return undefined;
  const shared = needed.filter((l) => c.languages.includes(l));
  if (shared.length > 0) return { criterion: "language", status: "pass", code: "language.spoken", facts: { languages: shared.join(",") }, score: 1 };
  if (c.languages.length === 0) return { criterion: "language", status: "unknown", code: "language.unknown", facts: { languages: needed.join(",") }, score: TUNING.unknownScore };
  return { criterion: "language", status: "fail", code: "language.not_spoken", facts: { languages: needed.join(",") }, score: 0 };
}

function capacity(c: Candidate): ScoredFinding {
  if (c.capacityAvailable === null) return { criterion: "capacity", status: "unknown", code: "capacity.unknown", score: TUNING.unknownScore };
  return c.capacityAvailable > 0
    ? { criterion: "capacity", status: "pass", code: "capacity.available", facts: { places: c.capacityAvailable }, score: 1 }
    : { criterion: "capacity", status: "fail", code: "capacity.full", score: 0 };
}

const MONTH_MS = 30.44 * 24 * 3600 * 1000;

function verified(c: Candidate, ctx: MatchContext): ScoredFinding {
  if (!c.verifiedAt) return { criterion: "verified", status: "unknown", code: "verified.never", score: TUNING.staleScore };
  const months = Math.max(0, (ctx.now.getTime() - c.verifiedAt.getTime()) / MONTH_MS);
  const facts = { months: Math.floor(months) };
  if (months <= TUNING.freshMonths) return { criterion: "verified", status: "pass", code: "verified.recent", facts, score: 1 };
  if (months <= TUNING.verificationCadenceMonths) {
    const t = (months - TUNING.freshMonths) / (TUNING.verificationCadenceMonths - TUNING.freshMonths);
    return { criterion: "verified", status: "pass", code: "verified.recent", facts, score: 1 - t * (1 - TUNING.staleScore) };
  }
  return { criterion: "verified", status: "fail", code: "verified.stale", facts, score: TUNING.staleScore };
}
