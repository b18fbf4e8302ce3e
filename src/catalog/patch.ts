import { z } from "zod";
import { parseOrThrow } from "../domain/validate.js";
import { sortSlots } from "./snapshot.js";
import {
  type OrganizationDraft,
  type ServiceDraft,
  locationDraftSchema,
  organizationDraftSchema,
  serviceDraftObject,
  serviceDraftSchema,
} from "./draft.js";

/**
 * Partial edits (PATCH) of catalog drafts, derived from the draft schemas so there is one list of
 * fields: a field left out keeps its value, an optional field set to `null` is cleared, and the
 * location merges field by field. The merged draft is validated with the full draft schema.
 */
type Patch<T> = { [K in keyof T]?: undefined extends T[K] ? T[K] | null : T[K] };
export type ServicePatch = Omit<Patch<ServiceDraft>, "location"> & { location?: Patch<ServiceDraft["location"]> };
export type OrganizationPatch = Patch<OrganizationDraft>;

function patchOf(object: z.ZodObject) {
  const shape = Object.fromEntries(
    Object.entries(object.shape).map(([key, field]) => {
      const f = field as z.ZodType;
      return [key, f.safeParse(undefined).success ? f.nullable() : f.optional()];
    }),
  );
  return z.object(shape).strict();
}

const notEmpty = (p: object) => Object.keys(p).length > 0;

export const servicePatchSchema = patchOf(serviceDraftObject)
  .extend({ location: patchOf(locationDraftSchema).optional() })
  .refine(notEmpty, "change at least one field") as unknown as z.ZodType<ServicePatch>;

export const organizationPatchSchema = patchOf(organizationDraftSchema).refine(notEmpty, "change at least one field") as unknown as z.ZodType<OrganizationPatch>;

function merge(current: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined) delete out[key];
    else out[key] = value;
  }
  return out;
}

/** The service draft after a patch, validated; `ValidationError` names the fields that break a rule. */
export function applyServicePatch(current: ServiceDraft, patch: ServicePatch): ServiceDraft {
  const { location, ...rest } = patch;
  const merged = merge(current, rest);
  if (location) merged.location = merge(current.location, location);
  // `cost` and its shorthand `costFree` describe one thing: setting one replaces the other.
  if ("costFree" in patch && !("cost" in patch)) delete merged.cost;
  if ("cost" in patch && !("costFree" in patch)) delete merged.costFree;
  const draft = parseOrThrow(serviceDraftSchema, merged);
  return draft.schedule ? { ...draft, schedule: sortSlots(draft.schedule) } : draft;
}

export function applyOrganizationPatch(current: OrganizationDraft, patch: OrganizationPatch): OrganizationDraft {
  return parseOrThrow(organizationDraftSchema, merge(current, patch));
}

/** Top-level fields whose values differ (what a reviewer should look at). */
export function changedFields(before: object, after: object): string[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => stableJson(b[k]) !== stableJson(a[k])).sort();
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([x], [y]) => (x < y ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
