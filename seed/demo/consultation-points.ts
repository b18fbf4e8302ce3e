import type { Kysely } from "kysely";
import type { Database } from "../../src/db/database.js";
import { DEMO_CENTERS } from "./centers.js";

/**
 * The demo centers' 地域子育て相談機関: every published consult-point service, and the 子育てひろば
 * of each city, each covering 1.2 km — deliberately leaving parts of each city uncovered.
 */
export async function insertDemoDesignations(trx: Kysely<Database>): Promise<number> {
  let n = 0;
  for (const center of DEMO_CENTERS) {
    const sites = await trx
      .selectFrom("service as s")
      .innerJoin("service_at_location as sal", "sal.service_id", "s.id")
      .innerJoin("location as l", "l.id", "sal.location_id")
      .select(["s.id as service_id", "l.id as location_id", "s.kind"])
      .where("l.municipality_code", "=", center.municipalityCode)
      .where("s.kind", "in", ["consult-point", "hiroba"])
      .where("s.verification_status", "=", "published")
      .orderBy("s.name")
      .execute();
    const chosen = [...sites.filter((s) => s.kind === "consult-point"), ...sites.filter((s) => s.kind === "hiroba").slice(0, 3)];
    if (chosen.length === 0) continue;
    await trx
      .insertInto("consultation_point")
      .values(chosen.map((s) => ({ center_id: center.id, service_id: s.service_id, location_id: s.location_id, coverage_radius_meters: 1_200 })))
      .execute();
    n += chosen.length;
  }
  return n;
}
