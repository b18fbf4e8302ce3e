import type { Migration } from "kysely";
import * as catalog from "./2026_11_25_0001_catalog.js";
import * as accounts from "./2026_11_25_0200_accounts.js";
import * as consultationPoints from "./2026_11_25_0410_consultation_points.js";
import * as importProvenance from "./2026_11_25_0300_import_provenance.js";
import * as plansReferrals from "./2026_11_25_0400_plans_referrals.js";
import * as recommendationSheets from "./2026_11_25_0420_recommendation_sheets.js";
import * as publicServiceOrder from "./2026_12_04_0430_public_service_order.js";
import * as searchSynonyms from "./2026_11_25_0100_search_synonyms.js";

/**
 * Every migration, by sortable name. A static list (not a folder scan) so the same code runs
 * on Node and in a Workers bundle.
 */
export const migrations: Record<string, Migration> = {
  "2026_11_25_0001_catalog": catalog,
  "2026_11_25_0100_search_synonyms": searchSynonyms,
  "2026_11_25_0200_accounts": accounts,
  "2026_11_25_0300_import_provenance": importProvenance,
  "2026_11_25_0400_plans_referrals": plansReferrals,
  "2026_11_25_0410_consultation_points": consultationPoints,
  "2026_11_25_0420_recommendation_sheets": recommendationSheets,
  "2026_12_04_0430_public_service_order": publicServiceOrder,
};
