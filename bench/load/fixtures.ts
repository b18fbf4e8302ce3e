import { sql } from "kysely";
import type { Kysely } from "kysely";
import { publicServices } from "../../src/catalog/public-catalog.js";
import type { Database } from "../../src/db/database.js";
import { PARTNER1_ORG } from "../../seed/demo/partners.js";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../seed/load.js";
import type { LoadFixtures } from "./mix.js";

export const LOAD_STAFF = "staff1@example.jp";

/** The ids the load run's requests refer to: open plans of the staff member's center, public services and their organizations. */
export async function loadFixtureIds(db: Kysely<Database>): Promise<Omit<LoadFixtures, "staffToken">> {
  const centerId = DEMO_ACCOUNTS.find((a) => a.email === LOAD_STAFF)!.centerId!;
  const plans = await db.selectFrom("support_plan").select("id").where("center_id", "=", centerId).where("status", "!=", "closed").execute();
  const referable = await publicServices(db).select("s.id").where("s.organization_id", "=", PARTNER1_ORG.id).execute();
  // A sample across the catalog, so HSDS reads do not all hit the same few rows.
  const services = await publicServices(db).select(["s.id", "s.organization_id"]).orderBy(sql`random()`).limit(2000).execute();
  if (!plans.length || !referable.length) throw new Error("the demo city is missing: no open plan or no referable service");
  return { planIds: plans.map((p) => p.id), referableServiceIds: referable.map((s) => s.id), serviceIds: services.map((s) => s.id), organizationIds: [...new Set(services.map((s) => s.organization_id))] };
}

/** Signs the load run's staff member in over HTTP and returns the bearer token. */
export async function signInStaff(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: LOAD_STAFF, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
