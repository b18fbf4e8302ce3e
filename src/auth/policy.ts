import { NotFoundError, UnauthenticatedError } from "../domain/errors.js";
import { type Principal, isCenterStaff } from "./principal.js";

/**
 * The tenancy policy: who may read and write each kind of record. Every use case asks here, and
 * nowhere else decides. Anything that is not the caller's is reported as "not found" (404), so ids
 * leak nothing about records of other tenants.
 *
 * - A catalog record (organization, its services, reports about them) belongs to its organization's
 *   partners and to staff of every center whose municipality the organization serves.
 * - Staff review only records of organizations their center serves; the center admin also reads
 *   the center's audit log.
 * - Plans belong to one center; a referral to its center and, for the consented fields, to the
 *   receiving organization's partners.
 */

/** The facts of a catalog record that decide access: its organization and where that organization works. */
export interface CatalogTenancy {
  organizationId: string;
  /** The municipalities the organization serves (`organization_municipality`). */
  municipalityCodes: readonly string[];
}

export type Subject =
  | ({ type: "organization" | "service" | "report" } & CatalogTenancy)
  | { type: "review-queue" | "audit" | "plan"; centerId: string }
  | { type: "referral"; centerId: string; organizationId: string };

export type Action = "read" | "edit" | "review";

/** What the policy reads of a caller (a `Principal`; use cases may pass a plain `Actor`). */
export type Caller = Pick<Principal, "role" | "centerId" | "organizationId"> & Partial<Pick<Principal, "municipalityCode">>;
type Rule<S> = (p: Caller, s: S) => boolean;
type SubjectOf<T extends Subject["type"]> = Extract<Subject, { type: T }>;

const partnerOf = (p: Caller, s: { organizationId: string }) => p.role === "partner" && p.organizationId === s.organizationId;
const staffServing = (p: Caller, s: CatalogTenancy) =>
  isCenterStaff(p) && p.municipalityCode != null && s.municipalityCodes.includes(p.municipalityCode);
const staffOf = (p: Caller, s: { centerId: string }) => isCenterStaff(p) && p.centerId === s.centerId;
const adminOf = (p: Caller, s: { centerId: string }) => p.role === "center_admin" && p.centerId === s.centerId;
const either =
  <S>(...rules: Rule<S>[]): Rule<S> =>
  (p, s) =>
    rules.some((r) => r(p, s));

const catalogEditor = either<CatalogTenancy>(partnerOf, staffServing);
const catalogRecord = { read: catalogEditor, edit: catalogEditor, review: staffServing };
const referralParty = either<SubjectOf<"referral">>(staffOf, partnerOf);

/** Subject type → action → rule. An action missing from a row is denied to everyone. */
const RULES: { [T in Subject["type"]]: Partial<Record<Action, Rule<SubjectOf<T>>>> } = {
  organization: catalogRecord,
  service: catalogRecord,
  report: { read: staffServing, edit: staffServing },
  "review-queue": { read: staffOf },
  audit: { read: adminOf },
  plan: { read: staffOf, edit: staffOf },
  referral: { read: referralParty, edit: referralParty },
};

export function allows(p: Caller, action: Action, subject: Subject): boolean {
  const rule = RULES[subject.type][action] as Rule<Subject> | undefined;
  return rule ? rule(p, subject) : false;
}

/** Throws `NotFoundError` unless the principal may do `action` on `subject`. */
export function authorize(p: Caller, action: Action, subject: Subject): void {
  if (!allows(p, action, subject)) throw new NotFoundError(subject.type);
}

/** The signed-in principal, or 401 for an anonymous request. */
export function signedIn(p: Principal | null | undefined): Principal {
  if (!p) throw new UnauthenticatedError("sign in first");
  return p;
}

/** The center whose work a staff member sees (review queue, stale records, audit); 404 for anyone else. */
export function staffCenter(p: Caller, subject: "review-queue" | "audit"): { centerId: string; municipalityCode: string } {
  if (!p.centerId || !p.municipalityCode) throw new NotFoundError(subject);
  authorize(p, "read", { type: subject, centerId: p.centerId });
  return { centerId: p.centerId, municipalityCode: p.municipalityCode };
}

/** The organization a partner acts for; 404 for anyone else. */
export function partnerOrganization(p: Caller): string {
  if (p.role !== "partner" || !p.organizationId) throw new NotFoundError("organization");
  return p.organizationId;
}
