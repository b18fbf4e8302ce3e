import { z } from "zod";
import { KIND_CODES } from "../domain/taxonomy.js";
import { isMunicipalityCode } from "../domain/municipality-code.js";
import { WEEKDAYS } from "../domain/schedule.js";

/**
 * The write model of the catalog: what a partner, staff, the seed or an importer hands in to
 * create or replace an organization or a service. One schema, used by the API (which adds
 * OpenAPI metadata), the CLI and the seed, so every way in is validated the same way.
 */

const hhmm = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, "must be a time HH:MM");
const text = (max: number) => z.string().trim().min(1).max(max);
export const municipalityCodeSchema = z.string().refine(isMunicipalityCode, "must be a 6-digit 全国地方公共団体コード with a valid check digit");
/** ISO 639-1 (two letters) or 639-3 (three) language code, lower case. */
export const languageCodeSchema = z.string().regex(/^[a-z]{2,3}$/, "must be an ISO 639 language code such as ja, en, zh");

export const scheduleSlotSchema = z
  .object({
    days: z.array(z.enum(WEEKDAYS)).min(1).max(7),
    opensAt: hhmm,
    closesAt: hhmm,
    weeksOfMonth: z.array(z.union([z.number().int().min(1).max(5), z.literal(-1)])).min(1).max(5).optional(),
    description: text(200).optional(),
  })
  .strict()
  .refine((s) => s.opensAt < s.closesAt, { message: "closesAt must be after opensAt", path: ["closesAt"] });

export const addressSchema = z
  .object({
    /** 〒 `NNN-NNNN`. */
    postalCode: z.string().regex(/^\d{3}-?\d{4}$/, "must be a postal code like 332-0012").optional(),
    prefecture: text(10),
    /** 市区町村 (with the ward for designated cities). */
    city: text(40),
    /** 町字・番地. */
    line1: text(200),
    /** 建物名等（方書）. */
    line2: text(200).optional(),
  })
  .strict();

export const locationDraftSchema = z
  .object({
    name: text(200).optional(),
    /** A one-line address (「埼玉県川口市栄町3-1-1」) or its parts. */
    address: z.union([text(300), addressSchema]),
    lat: z.number().min(20).max(46),
    lng: z.number().min(122).max(154),
    municipalityCode: municipalityCodeSchema.optional(),
    transportation: text(500).optional(),
    coordSource: z.enum(["source", "manual", "geocoded", "municipality_centroid", "postal_centroid"]).optional(),
  })
  .strict();

export const costSchema = z
  .object({
    kind: z.enum(["free", "fee", "sliding"]),
    /** Yen per use (or per the unit in `description`). */
    amountYen: z.number().int().min(0).max(10_000_000).optional(),
    description: text(300).optional(),
  })
  .strict();

const ageMonths = z.number().int().min(0).max(300);

/** The fields of a service draft, without the cross-field rules (patches are built from it). */
export const serviceDraftObject = z
  .object({
    name: text(200),
    nameKana: z.string().trim().max(200).regex(/^[\p{Script=Katakana}\p{Script=Hiragana}ー・\s\d０-９A-Za-zＡ-Ｚａ-ｚ（）()-]*$/u, "must be a kana reading").optional(),
    kind: z.enum(KIND_CODES),
    otherKinds: z.array(z.enum(KIND_CODES)).max(5).optional(),
    description: z.string().trim().max(4000).optional(),
    status: z.enum(["active", "inactive", "defunct", "temporarily closed"]).optional(),
    url: z.string().url().max(500).optional(),
    email: z.string().email().max(200).optional(),
    phone: z.string().regex(/^[0-9０-９()（）\-－‐ +]{6,20}$/, "must be a phone number").optional(),
    location: locationDraftSchema,
    languages: z.array(languageCodeSchema).max(20).optional(),
    ageMinMonths: ageMonths.optional(),
    ageMaxMonths: ageMonths.optional(),
    acceptsPrenatal: z.boolean().optional(),
    acceptsPostnatal: z.boolean().optional(),
    pregnancyMinWeeks: z.number().int().min(0).max(42).optional(),
    residenceRequired: z.boolean().optional(),
    serviceAreaCodes: z.array(municipalityCodeSchema).max(50).optional(),
    certificateRequired: z.boolean().optional(),
    capacity: z.number().int().min(0).max(100_000).optional(),
    capacityAvailable: z.number().int().min(0).max(100_000).optional(),
    /** Shorthand of the public contract: `costFree: true` is `cost: {kind: "free"}`. */
    costFree: z.boolean().optional(),
    cost: costSchema.optional(),
    schedule: z.array(scheduleSlotSchema).max(30).optional(),
    applicationProcess: text(2000).optional(),
    eligibilityDescription: text(2000).optional(),
    interpretationServices: text(500).optional(),
  })
  .strict();

export const serviceDraftSchema = serviceDraftObject
  .refine((s) => s.ageMinMonths === undefined || s.ageMaxMonths === undefined || s.ageMinMonths <= s.ageMaxMonths, {
    message: "ageMaxMonths must not be below ageMinMonths",
    path: ["ageMaxMonths"],
  })
  .refine((s) => !(s.cost && s.costFree !== undefined && (s.cost.kind === "free") !== s.costFree), {
    message: "costFree contradicts cost.kind",
    path: ["costFree"],
  });

export const organizationDraftSchema = z
  .object({
    name: text(200),
    nameKana: z.string().trim().max(200).optional(),
    description: z.string().trim().max(4000).optional(),
    legalStatus: text(100).optional(),
    email: z.string().email().max(200).optional(),
    website: z.string().url().max(500).optional(),
    phone: z.string().regex(/^[0-9０-９()（）\-－‐ +]{6,20}$/, "must be a phone number").optional(),
    /** 法人番号, 13 digits. */
    corporateNumber: z.string().regex(/^\d{13}$/, "must be a 13-digit 法人番号").optional(),
    /** The municipalities the organization serves; their centers review it. */
    municipalityCodes: z.array(municipalityCodeSchema).min(1).max(50),
  })
  .strict();

export type ServiceDraft = z.infer<typeof serviceDraftSchema>;
export type OrganizationDraft = z.infer<typeof organizationDraftSchema>;
export type LocationDraft = z.infer<typeof locationDraftSchema>;
export type AddressParts = z.infer<typeof addressSchema>;
export type Cost = z.infer<typeof costSchema>;

/** The cost a draft means, whichever of `cost` / `costFree` it used (free when it says nothing). */
export function draftCost(draft: Pick<ServiceDraft, "cost" | "costFree">): Cost {
  return draft.cost ?? { kind: draft.costFree === false ? "fee" : "free" };
}
