import { z } from "zod";

/** A designation of a 地域子育て相談機関 (which kinds may be one: `designatable.ts`). */
export { DEFAULT_COVERAGE_METERS, DESIGNATABLE_KINDS } from "./designatable.js";

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
