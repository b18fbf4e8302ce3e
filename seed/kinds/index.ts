import type { KindCode } from "../../src/domain/taxonomy.js";
import { afterSchool, daycare, kindergartenSupport, shortStay, temporaryCare } from "./childcare.js";
import { consultPoint, hiroba, homeHelp, ibasho, jidokan, kodomoShokudo } from "./community.js";
import { disabilitySupport, medical, perinatalSupport, postpartumCare } from "./health.js";
import { childGuidance, schoolConsult } from "./public-agencies.js";
import type { Variant } from "./variant.js";

export type { OperatorType, ServiceSketch, Variant, VariantContext } from "./variant.js";

/** Every kind of the taxonomy with the flavours the generator draws from. */
export const VARIANTS: Record<KindCode, readonly Variant[]> = {
  "kodomo-shokudo": kodomoShokudo,
  "home-help": homeHelp,
  daycare,
  "temporary-care": temporaryCare,
  "short-stay": shortStay,
  "school-consult": schoolConsult,
  "kindergarten-support": kindergartenSupport,
  "after-school": afterSchool,
  jidokan,
  hiroba,
  ibasho,
  medical,
  "perinatal-support": perinatalSupport,
  "postpartum-care": postpartumCare,
  "disability-support": disabilitySupport,
  "consult-point": consultPoint,
  "child-guidance": childGuidance,
};
