import type { OrganizationDraft, ServiceDraft } from "../../../src/catalog/draft.js";
import type { OrganizationPatch, ServicePatch } from "../../../src/catalog/patch.js";
import type { getOrganizationRecord, getServiceRecord, listOrganizationServices } from "../../../src/catalog/records.js";
import type { ReferralEventBody } from "../../../src/referrals/input.js";
import type { PartnerReferralView } from "../../../src/referrals/view.js";
import { apiGet, apiGetPage, apiPatch, apiPost } from "../api/client.js";

/**
 * The partner portal's calls (API.md, "Signed in"), typed by type-only imports of the server's
 * own shapes: catalog records as their editors see them, and referrals as the receiving partner
 * sees them (consented fields only).
 */
export type ServiceRecord = Awaited<ReturnType<typeof getServiceRecord>>;
export type OrganizationRecord = Awaited<ReturnType<typeof getOrganizationRecord>>;
export type ServiceSummary = Awaited<ReturnType<typeof listOrganizationServices>>[number];
export type PartnerReferral = PartnerReferralView;
export type { OrganizationDraft, ServiceDraft, ServicePatch, OrganizationPatch, ReferralEventBody };

export const getOrganization = (id: string, signal?: AbortSignal) => apiGet<OrganizationRecord>(`/organizations/${id}/record`, {}, signal);

export const patchOrganization = (id: string, patch: OrganizationPatch) => apiPatch<OrganizationRecord>(`/organizations/${id}`, patch);

export const listServices = async (organizationId: string, signal?: AbortSignal) =>
  (await apiGet<{ items: ServiceSummary[] }>(`/organizations/${organizationId}/services`, {}, signal)).items;

export const getService = (id: string, signal?: AbortSignal) => apiGet<ServiceRecord>(`/services/${id}/record`, {}, signal);

export const createService = (organizationId: string, draft: ServiceDraft) =>
  apiPost<{ id: string; status: "pending" | "published" }>(`/organizations/${organizationId}/services`, draft);

export const patchService = (id: string, patch: ServicePatch) => apiPatch<ServiceRecord>(`/services/${id}`, patch);

export const listReferrals = (params: { status?: string; overdue?: boolean; page?: number; size?: number }, signal?: AbortSignal) =>
  apiGetPage<PartnerReferral>("/referrals", params, signal);

export const getReferral = (id: string, signal?: AbortSignal) => apiGet<PartnerReferral>(`/referrals/${id}`, {}, signal);

export const respondToReferral = (id: string, event: ReferralEventBody) => apiPost<PartnerReferral>(`/referrals/${id}/events`, event);

/**
 * Where a service stands for its partner: waiting for its first review, published (maybe with
 * changes waiting for review beside it), or returned with the reviewer's reason.
 */
export type ServiceState = "pending" | "published" | "changesPending" | "rejected";

export function serviceState(s: { status: ServiceSummary["status"]; pendingRevisionId: string | null }): ServiceState {
  if (s.status === "published") return s.pendingRevisionId ? "changesPending" : "published";
  return s.status;
}

/** The state of a record read with its latest revision (an organization or a service being edited). */
export function recordState(r: { status: ServiceSummary["status"]; revision?: { status: string; id: string } | null }): ServiceState {
  return serviceState({ status: r.status, pendingRevisionId: r.revision?.status === "pending" ? r.revision.id : null });
}
