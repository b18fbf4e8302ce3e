import type { Candidate } from "./candidate.js";
import type { MatchContext } from "./context.js";
import type { Finding } from "./reason.js";
import { TUNING } from "./weights.js";

/**
 * Eligibility: the rules a service itself states. A candidate that fails any of them cannot serve
 * this family and is listed as excluded, with the reason, never silently dropped.
 */
export function hardFindings(c: Candidate, ctx: MatchContext): Finding[] {
  const out: Finding[] = [published(c), ...whoItServes(c, ctx)];
  const residence = residenceRule(c, ctx);
  if (residence) out.push(residence);
  const certificate = certificateRule(c, ctx);
  if (certificate) out.push(certificate);
  out.push(distanceRule(c, ctx));
  return out;
}

function published(c: Candidate): Finding {
  return c.published ? { criterion: "published", status: "pass", code: "published.yes" } : { criterion: "published", status: "fail", code: "published.no" };
}

/**
 * Age and pregnancy together: a service is for the family when a child is in its age range, or
 * the parent is pregnant and it serves pregnancy (from its week) or the time after birth. A failed
 * age check is not a failure when the pregnancy route passes, and vice versa.
 */
function whoItServes(c: Candidate, ctx: MatchContext): Finding[] {
  const { children, pregnancyWeeks } = ctx.family;
  const hasRange = c.ageMinMonths !== null || c.ageMaxMonths !== null;
  const min = c.ageMinMonths ?? 0;
  const max = c.ageMaxMonths ?? Number.POSITIVE_INFINITY;
  const range = { min, max: Number.isFinite(max) ? max : -1 };
  const findings: Finding[] = [];

  const pregnancy = pregnancyFinding(c, pregnancyWeeks);
  if (pregnancy) findings.push(pregnancy);

  if (children.length === 0) {
    if (!pregnancy && hasRange) findings.push({ criterion: "age", status: "unknown", code: "age.no_children", facts: range });
    return findings;
  }
  const inRange = children.filter((ch) => ch.ageMonths >= min && ch.ageMonths <= max);
  if (!hasRange) {
    findings.push({ criterion: "age", status: "pass", code: "age.no_limit" });
  } else if (inRange.length > 0) {
    findings.push({ criterion: "age", status: "pass", code: "age.in_range", facts: { ...range, age: inRange[0]!.ageMonths } });
  } else if (pregnancy?.status === "pass") {
    // The pregnancy route decides: the service will be for the coming baby.
  } else {
    findings.push({ criterion: "age", status: "fail", code: "age.out_of_range", facts: { ...range, age: children[0]!.ageMonths } });
  }
  return findings;
}

function pregnancyFinding(c: Candidate, weeks: number | undefined): Finding | undefined {
  if (weeks === undefined || !(c.acceptsPrenatal || c.acceptsPostnatal)) return undefined;
  if (c.acceptsPrenatal) {
    const from = c.pregnancyMinWeeks ?? 0;
    if (weeks >= from) return { criterion: "pregnancy", status: "pass", code: from > 0 ? "pregnancy.from_week" : "pregnancy.during", facts: { weeks, from } };
    if (!c.acceptsPostnatal) return { criterion: "pregnancy", status: "fail", code: "pregnancy.too_early", facts: { weeks, from } };
  }
  return { criterion: "pregnancy", status: "pass", code: "pregnancy.after_birth", facts: { weeks, months: TUNING.postnatalMonths } };
}

function residenceRule(c: Candidate, ctx: MatchContext): Finding | undefined {
  if (!c.residenceRequired) return undefined;
  return c.areaCodes.includes(ctx.municipalityCode)
    ? { criterion: "residence", status: "pass", code: "residence.resident" }
    : { criterion: "residence", status: "fail", code: "residence.not_resident" };
}

function certificateRule(c: Candidate, ctx: MatchContext): Finding | undefined {
  if (!c.certificateRequired) return undefined;
  const has = ctx.family.flags.disabilityCertificate;
  if (has === undefined) return { criterion: "certificate", status: "unknown", code: "certificate.unknown" };
  return has ? { criterion: "certificate", status: "pass", code: "certificate.has" } : { criterion: "certificate", status: "fail", code: "certificate.missing" };
}

function distanceRule(c: Candidate, ctx: MatchContext): Finding {
  const facts = { meters: c.distanceMeters, max: ctx.maxDistanceMeters };
  return c.distanceMeters <= ctx.maxDistanceMeters
    ? { criterion: "distance", status: "pass", code: "distance.within", facts }
    : { criterion: "distance", status: "fail", code: "distance.too_far", facts };
}
