import { z } from "zod";

/**
 * 地域子育て相談機関: a place close to families where they can ask anything, designated by the
 * center. The guideline names nurseries, certified centres, kindergartens and 地域子育て支援拠点;
 * consult-point services are already such places.
 */
export const DESIGNATABLE_KINDS = ["daycare", "kindergarten-support", "hiroba", "consult-point", "jidokan"] as const;

export const DEFAULT_COVERAGE_METERS = 1_500;

export const designationInputSchema = z
  .object({
    serviceId: z.string().uuid(),
    /** Which of the service's places (its first when absent). */
    locationId: z.string().uuid().optional(),
    /** How far around it the point serves families (about a 中学校区 by default). */
    coverageRadiusMeters: z.number().int().min(100).max(20_000).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict();

export type DesignationInput = z.infer<typeof designationInputSchema>;

export interface ConsultationPoint {
  id: string;
  centerId: string;
  municipalityCode: string;
  serviceId: string;
  locationId: string;
  name: string;
  kind: string;
  organizationName: string;
  address: string | null;
  phone: string | null;
  lat: number;
  lng: number;
  coverageRadiusMeters: number;
  note: string | null;
  designatedAt: string;
}
