import "../zod-without-eval.js";
import { planInputSchema } from "../../../../src/plans/plan.js";
import type { Weekday } from "../../api/types.js";
import type { MessageKey } from "../../i18n/messages.js";
import type { FieldError } from "../../ui/error-summary.js";
import type { PlanInput, PlanView } from "../staff-api.js";

/**
 * The support-plan form as the inputs hold it (strings), to and from the API's plan. The form is
 * checked with the server's own schema (`planInputSchema`), so the browser and the API apply one
 * rule; both report the same dotted paths, which `planFieldErrors` turns into the field and the
 * sentence the error summary shows.
 */
export interface PlanForm {
  caseRef: string;
  lat: string;
  lng: string;
  children: { years: string; months: string }[];
  pregnancyWeeks: string;
  languages: string[];
  publicAssistance: boolean;
  disabilityCertificate: boolean;
  needs: { kind: string; urgency: string; note: string }[];
  maxDistanceKm: string;
  maxCostYen: string;
  days: Weekday[];
}

export const URGENCIES = ["urgent", "high", "normal", "low"] as const;

export const emptyNeed = () => ({ kind: "", urgency: "normal", note: "" });

export function emptyPlanForm(): PlanForm {
  return {
    caseRef: "",
    lat: "",
    lng: "",
    children: [{ years: "", months: "" }],
    pregnancyWeeks: "",
    languages: ["ja"],
    publicAssistance: false,
    disabilityCertificate: false,
    needs: [emptyNeed()],
    maxDistanceKm: "",
    maxCostYen: "",
    days: [],
  };
}

export function planToForm(plan: PlanView): PlanForm {
  const { family, constraints } = plan;
  return {
    caseRef: plan.caseRef,
    lat: String(family.lat),
    lng: String(family.lng),
    children: family.children.map((c) => ({ years: String(Math.floor(c.ageMonths / 12)), months: String(c.ageMonths % 12) })),
    pregnancyWeeks: family.pregnancyWeeks === undefined ? "" : String(family.pregnancyWeeks),
    languages: family.languages,
    publicAssistance: family.flags.publicAssistance ?? false,
    disabilityCertificate: family.flags.disabilityCertificate ?? false,
    needs: plan.needs.map((n) => ({ kind: n.kind, urgency: n.urgency, note: n.note ?? "" })),
    maxDistanceKm: constraints.maxDistanceMeters === undefined ? "" : String(constraints.maxDistanceMeters / 1000),
    maxCostYen: constraints.maxCostYen === undefined ? "" : String(constraints.maxCostYen),
    days: constraints.days ?? [],
  };
}

/** "" → absent; full-width digits (３．５) are read as ASCII; anything else that is not a number stays NaN for the schema to reject. */
function num(s: string): number | undefined {
  const v = s.normalize("NFKC").trim().replace(/,/g, "");
  return v === "" ? undefined : Number(v);
}

/** The API body, unchecked: empty optional fields are left out. */
export function formToInput(f: PlanForm): PlanInput {
  const km = num(f.maxDistanceKm);
  return {
    caseRef: f.caseRef.normalize("NFKC").trim(),
    family: {
      lat: num(f.lat) ?? Number.NaN,
      lng: num(f.lng) ?? Number.NaN,
      children: f.children.map((c) => ({ ageMonths: (num(c.years) ?? Number.NaN) * 12 + (num(c.months) ?? 0) })),
      pregnancyWeeks: num(f.pregnancyWeeks),
      languages: f.languages,
      flags: { ...(f.publicAssistance ? { publicAssistance: true } : {}), ...(f.disabilityCertificate ? { disabilityCertificate: true } : {}) },
    },
    needs: f.needs.map((n) => ({ kind: n.kind as PlanInput["needs"][number]["kind"], urgency: n.urgency as "normal", ...(n.note.trim() ? { note: n.note.trim() } : {}) })),
    constraints: {
      maxDistanceMeters: km === undefined ? undefined : Math.round(km * 1000),
      maxCostYen: num(f.maxCostYen),
      days: f.days.length ? f.days : undefined,
    },
    nextSteps: [],
  };
}

/** Client-side check with the API's schema: the same paths the server would report. */
export function checkPlan(input: PlanInput): { path: string; message: string; code?: string }[] {
  const result = planInputSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message, code: i.code }));
}

/** API path → the input to focus and the sentence to show, in the form's order. */
const FIELDS: { path: RegExp; field: (m: RegExpMatchArray) => string; message: (m: RegExpMatchArray, code?: string) => MessageKey }[] = [
  { path: /^caseRef$/, field: () => "plan-case-ref", message: () => "planCaseRefError" },
  { path: /^family\.lat$/, field: () => "plan-lat", message: () => "planLatError" },
  { path: /^family\.lng$/, field: () => "plan-lng", message: () => "planLngError" },
  { path: /^family\.children\.(\d+)/, field: (m) => `plan-child-${m[1]}-years`, message: () => "planChildAgeError" },
  { path: /^family\.children$/, field: () => "plan-child-0-years", message: () => "planChildrenError" },
  { path: /^family\.pregnancyWeeks$/, field: () => "plan-pregnancy", message: () => "planPregnancyError" },
  { path: /^family\.languages/, field: () => "plan-lang-ja", message: () => "planLanguagesError" },
  { path: /^needs\.(\d+)\.kind$/, field: (m) => `plan-need-${m[1]}-kind`, message: () => "planNeedKindError" },
  { path: /^needs\.(\d+)\.note$/, field: (m) => `plan-need-${m[1]}-note`, message: () => "planNeedNoteError" },
  { path: /^needs$/, field: () => "plan-need-0-kind", message: (_, code) => (code === "too_small" ? "planNeedsMissing" : "planNeedsDuplicate") },
  { path: /^constraints\.maxDistanceMeters$/, field: () => "plan-distance", message: () => "planDistanceError" },
  { path: /^constraints\.maxCostYen$/, field: () => "plan-cost", message: () => "planCostError" },
  { path: /^constraints\.days/, field: () => "plan-day-mon", message: () => "planDaysError" },
];

/**
 * Issues (the schema's or a 400 problem's `errors`) → error-summary entries, one per field. An
 * issue on a path the form does not have keeps the server's own words, on the first field.
 */
export function planFieldErrors(issues: { path: string; message: string; code?: string }[], say: (key: MessageKey, params?: Record<string, string | number>) => string): FieldError[] {
  const out: (FieldError & { rank: number; index: number })[] = [];
  for (const issue of issues) {
    const rank = FIELDS.findIndex((f) => f.path.test(issue.path));
    const rule = FIELDS[rank];
    const m = rule && issue.path.match(rule.path);
    const field = rule && m ? rule.field(m) : "plan-case-ref";
    if (out.some((e) => e.field === field)) continue;
    const index = m?.[1] === undefined ? 0 : Number(m[1]);
    out.push({ field, rank, index, message: rule && m ? say(rule.message(m, issue.code), { n: index + 1 }) : `${issue.path}: ${issue.message}` });
  }
  return out.sort((a, b) => a.rank - b.rank || a.index - b.index).map(({ field, message }) => ({ field, message }));
}
