import type { Kysely } from "kysely";
import { staffCenter } from "../auth/policy.js";
import type { Principal } from "../auth/principal.js";
import type { Database, VerificationStatus } from "../db/database.js";
import type { Logger } from "../log.js";
import { catalogCsvServiceIds, writeCatalogCsvOf } from "./csv-export.js";

/**
 * The staff CSV export (`GET /api/v1/exports/services.csv`): staff and center admins get the
 * records their center may see (tenancy policy), filtered like a search; anyone else gets 404.
 * The selection is made before the response starts, so errors are still problem+json; the rows
 * then stream.
 */
export interface StaffCsvQuery {
  kinds?: string[];
  q?: string;
  status?: VerificationStatus;
}

export async function staffCatalogCsv(db: Kysely<Database>, p: Principal, query: StaffCsvQuery, log: Logger) {
  const { municipalityCode } = staffCenter(p, "review-queue");
  const ids = await catalogCsvServiceIds(db, {
    kinds: query.kinds,
    q: query.q,
    statuses: query.status ? [query.status] : undefined,
    visibleToMunicipality: municipalityCode,
  });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        await writeCatalogCsvOf(db, ids, (chunk) => controller.enqueue(encoder.encode(chunk)));
        controller.close();
      } catch (err) {
        log.error("staff csv export failed", { err });
        controller.error(err);
      }
    },
  });
  return { body, services: ids.length, filename: `tsunagu-services-${municipalityCode}-${new Date().toISOString().slice(0, 10)}.csv` };
}
