import type { planView } from "../../../src/api/routes/plans.js";
import type { PlanMatches } from "../../../src/matching/find-matches.js";
import type { PlanInput, PlanPatch } from "../../../src/plans/plan.js";
import type { ReferralEventBody, ReferralInput } from "../../../src/referrals/input.js";
import type { StaffReferralView } from "../../../src/referrals/view.js";
import { apiGet, apiPost, apiRequest } from "../api/client.js";

/**
 * The staff console's calls to the plans and referrals API (API.md), typed by type-only imports of
 * the server's own shapes: nothing of the server is bundled.
 */
export type PlanView = ReturnType<typeof planView>;
export type { PlanInput, PlanMatches, ReferralEventBody, ReferralInput, StaffReferralView };
export type NeedMatches = PlanMatches["needs"][number];
export type MatchView = NeedMatches["matches"][number];
export type ReasonView = MatchView["reasons"][number];

export const listPlans = (status: "open" | "closed" | undefined, signal?: AbortSignal) => apiGet<PlanView[]>("/plans", { status, size: 200 }, signal);
export const getPlan = (id: string, signal?: AbortSignal) => apiGet<PlanView>(`/plans/${id}`, {}, signal);
export const getMatches = (id: string, signal?: AbortSignal) => apiGet<PlanMatches>(`/plans/${id}/matches`, {}, signal);
export const createPlan = (input: PlanInput) => apiPost<PlanView>("/plans", input);
export const updatePlan = (id: string, patch: PlanPatch) => apiRequest<PlanView>("PATCH", `/plans/${id}`, patch);

export const listReferrals = (filter: { status?: string; planId?: string; overdue?: boolean }, signal?: AbortSignal) =>
  apiGet<StaffReferralView[]>("/referrals", { ...filter, size: 200 }, signal);
export const getReferral = (id: string, signal?: AbortSignal) => apiGet<StaffReferralView>(`/referrals/${id}`, {}, signal);
/** The key makes a repeated send (a double click, a retry after a dropped connection) return the first referral. */
export const sendReferral = (input: ReferralInput, idempotencyKey: string) =>
  apiRequest<StaffReferralView>("POST", "/referrals", input, { "idempotency-key": idempotencyKey });
export const recordReferralEvent = (id: string, event: ReferralEventBody) => apiPost<StaffReferralView>(`/referrals/${id}/events`, event);
