import type { Kysely } from "kysely";
import type { Database } from "../../src/db/database.js";
import { insertServices } from "../../src/catalog/writer.js";
import { DEMO_ACCOUNTS } from "../../seed/load.js";
import { PARTNER1_ORG, PARTNER2_ORG } from "../../seed/demo/partners.js";
import { aService } from "./catalog.js";
import { signIn } from "./auth.js";

/**
 * The two tenants of the authorization matrix, on the demo data: "own" is partner1's organization
 * (serving 川口市, center 1) and "other" is partner2's (serving 戸田市 only, center 2). Builders make a
 * fresh record of a tenant for each case, so cases that write do not depend on each other; later
 * issues add builders here (a plan of a center, a referral to an organization …).
 */
export type Tenant = "own" | "other";

export const TENANT_ORG: Record<Tenant, string> = { own: PARTNER1_ORG.id, other: PARTNER2_ORG.id };
export const TENANT_MUNICIPALITY: Record<Tenant, string> = { own: "112038", other: "112241" };

/** The principals of the matrix, in its column order, with the demo account each signs in as. */
export const PRINCIPALS = {
  anonymous: undefined,
  partner: "partner1@example.jp",
  otherPartner: "partner2@example.jp",
  staff1: "staff1@example.jp",
  staff2: "staff2@example.jp",
  admin: "admin1@example.jp",
} as const;
export type Who = keyof typeof PRINCIPALS;
export const WHO = Object.keys(PRINCIPALS) as Who[];

export function demoUserId(email: string): string {
  return DEMO_ACCOUNTS.find((a) => a.email === email)!.id;
}

type App = Parameters<typeof signIn>[0];

export async function signInAll(app: App): Promise<Record<Who, string | undefined>> {
  const tokens = {} as Record<Who, string | undefined>;
  for (const who of WHO) {
    const email = PRINCIPALS[who];
    tokens[who] = email ? (await signIn(app, email)).token : undefined;
  }
  return tokens;
}

let counter = 0;
/** A value no earlier case used (an edit must change something to be one). */
export const unique = (prefix: string) => `${prefix}${++counter}`;

export class Fixtures {
  constructor(readonly db: Kysely<Database>) {}

  async service(tenant: Tenant, status: "pending" | "published" = "published"): Promise<string> {
    const [id] = await insertServices(this.db, [
      {
        organizationId: TENANT_ORG[tenant],
        draft: aService({ name: unique("マトリクス確認サービス"), location: { ...aService().location, municipalityCode: TENANT_MUNICIPALITY[tenant] } }),
        verification: { status },
      },
    ]);
    return id!;
  }

  /** The tenant's organization, with no edit pending from an earlier case. */
  async organization(tenant: Tenant): Promise<string> {
    await this.db.deleteFrom("catalog_revision").where("entity_type", "=", "organization").where("entity_id", "=", TENANT_ORG[tenant]).execute();
    return TENANT_ORG[tenant];
  }

  async report(tenant: Tenant): Promise<string> {
    const serviceId = await this.service(tenant);
    const { id } = await this.db
      .insertInto("service_report")
      .values({ service_id: serviceId, organization_id: TENANT_ORG[tenant], problem: "wrong_hours" })
      .returning("id")
      .executeTakeFirstOrThrow();
    return id;
  }
}
