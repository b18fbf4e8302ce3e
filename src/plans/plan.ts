import { z } from "zod";
import { languageCodeSchema } from "../catalog/draft.js";
import { KIND_CODES } from "../domain/taxonomy.js";
import { WEEKDAYS, type Weekday } from "../domain/schedule.js";
import type { NeedUrgency, NextStep, PlanStatus } from "../db/database.js";

/**
 * A サポートプラン as Tsunagu holds it: where needs meet resources, not the case file. It carries a
 * case reference (never a name), an approximate location, children's ages in months, and the
 * needs with their constraints. One schema validates the API's create and the stored shape.
 */

/** `medium` is accepted as a synonym of `normal`: both words are common in intake forms. */
const urgencySchema = z
  .enum(["low", "normal", "medium", "high", "urgent"])
  .transform((u): NeedUrgency => (u === "medium" ? "normal" : u));

export const needSchema = z
  .object({
    kind: z.enum(KIND_CODES),
    note: z.string().trim().max(1000).optional(),
    urgency: urgencySchema.optional(),
  })
  .strict();

export const familySchema = z
  .object({
    lat: z.number().min(20).max(46),
    lng: z.number().min(122).max(154),
    children: z.array(z.object({ ageMonths: z.number().int().min(0).max(300) }).strict()).max(12).default([]),
    pregnancyWeeks: z.number().int().min(0).max(45).optional(),
    languages: z.array(languageCodeSchema).max(10).default([]),
    flags: z
      .object({
        publicAssistance: z.boolean().optional(),
        /** 受給者証: the certificate for disability services. */
        disabilityCertificate: z.boolean().optional(),
      })
      .strict()
      .default({}),
  })
  .strict();

export const constraintsSchema = z
  .object({
    maxDistanceMeters: z.number().int().min(100).max(100_000).optional(),
    maxCostYen: z.number().int().min(0).max(1_000_000).optional(),
    days: z.array(z.enum(WEEKDAYS)).min(1).max(7).optional(),
  })
  .strict();

export const nextStepSchema = z
  .object({
    action: z.string().trim().min(1).max(500),
    ownerUserId: z.string().uuid().optional(),
    due: z.iso.date({ message: "must be a date YYYY-MM-DD" }).optional(),
    done: z.boolean().optional(),
  })
  .strict();

/** The case reference: the center's own id for the case. Letters, digits and `-_/.#` only, so no name slips in. */
const caseRefSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9０-９Ａ-Ｚａ-ｚ\-_/.#]+$/, "must be the center's case number (letters, digits, - _ / . #), never a name");

export const planInputSchema = z
  .object({
    caseRef: caseRefSchema,
    family: familySchema,
    needs: z.array(needSchema).min(1).max(10),
    constraints: constraintsSchema.default({}),
    leadUserId: z.string().uuid().optional(),
    nextSteps: z.array(nextStepSchema).max(30).default([]),
  })
  .strict()
  .refine((p) => new Set(p.needs.map((n) => n.kind)).size === p.needs.length, {
    message: "each kind may appear once; put several notes in one need",
    path: ["needs"],
  });

/** PATCH: any top-level part may be replaced; `status` closes or reopens the plan. */
export const planPatchSchema = z
  .object({
    caseRef: caseRefSchema.optional(),
    family: familySchema.optional(),
    needs: z.array(needSchema).min(1).max(10).optional(),
    constraints: constraintsSchema.optional(),
    leadUserId: z.string().uuid().nullable().optional(),
    nextSteps: z.array(nextStepSchema).max(30).optional(),
    status: z.enum(["open", "closed"]).optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: "send at least one field to change" })
  .refine((p) => !p.needs || new Set(p.needs.map((n) => n.kind)).size === p.needs.length, {
    message: "each kind may appear once; put several notes in one need",
    path: ["needs"],
  });

export type PlanInput = z.infer<typeof planInputSchema>;
export type PlanPatch = z.infer<typeof planPatchSchema>;
export type Need = z.output<typeof needSchema>;

export interface Family {
  lat: number;
  lng: number;
  children: { ageMonths: number }[];
  pregnancyWeeks?: number;
  languages: string[];
  flags: { publicAssistance?: boolean; disabilityCertificate?: boolean };
}

export interface Constraints {
  maxDistanceMeters?: number;
  maxCostYen?: number;
  days?: Weekday[];
}

export interface Plan {
  id: string;
  centerId: string;
  /** The municipality the center serves: where the family lives, for residence rules. */
  municipalityCode: string;
  caseRef: string;
  status: PlanStatus;
  leadUserId: string | null;
  family: Family;
  needs: { id: string; kind: string; note?: string; urgency: NeedUrgency }[];
  constraints: Constraints;
  nextSteps: NextStep[];
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Needs in the order staff should act on them: most urgent first, then as written. */
export const URGENCY_RANK: Record<NeedUrgency, number> = { urgent: 0, high: 1, normal: 2, low: 3 };
