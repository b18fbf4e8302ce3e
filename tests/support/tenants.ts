import type { Kysely } from "kysely";
import type { Database } from "../../src/db/database.js";
import { insertServices } from "../../src/catalog/writer.js";
import { DEMO_ACCOUNTS } from "../../seed/load.js";
import { PARTNER1_ORG, PARTNER2_ORG } from "../../seed/demo/partners.js";
import { aService } from "./catalog.js";
import { signIn } from "./auth.js";
import type { Actor } from "../../src/audit/record.js";
import { designatePoint } from "../../src/consultation-points/service.js";
import { planInputSchema } from "../../src/plans/plan.js";
import { createPlan } from "../../src/plans/service.js";
import { createSheet } from "../../src/recommendations/sheet.js";
import { referralInputSchema } from "../../src/referrals/input.js";
import { createReferral } from "../../src/referrals/service.js";

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

/** The staff member of each tenant's center, as the use cases receive a caller. */
export const TENANT_STAFF: Record<Tenant, Actor> = {
  own: demoActorOf("staff1@example.jp"),
  other: demoActorOf("staff2@example.jp"),
};

function demoActorOf(email: string): Actor {
  const a = DEMO_ACCOUNTS.find((x) => x.email === email)!;
  return { userId: a.id, role: a.role, centerId: a.centerId ?? null, organizationId: a.organizationId ?? null };
}

const CONSENT = { given: true as const, privacyNoticeShared: true as const, shareContact: false, wordingVersion: "matrix", recordedAt: "2026-11-25T10:00:00+09:00" };

/** Records of a center's own work: plans, referrals, designations, sheets. */
export class CenterFixtures extends Fixtures {
  /** A fresh plan of the tenant's center, with a published service of the tenant's organization it could use. */
  async plan(tenant: Tenant): Promise<{ id: string; serviceId: string }> {
    const serviceId = await this.service(tenant);
    const plan = await createPlan({ db: this.db }, TENANT_STAFF[tenant], planInputSchema.parse({
      caseRef: unique("MATRIX-"),
      family: { lat: 35.81, lng: 139.72, children: [{ ageMonths: 30 }] },
      needs: [{ kind: aService().kind }],
    }));
    return { id: plan.id, serviceId };
  }

  /** A referral, just sent, from the tenant's center to the tenant's organization. */
  async referral(tenant: Tenant): Promise<{ id: string }> {
    const { id: planId, serviceId } = await this.plan(tenant);
    const deps = { db: this.db, now: () => new Date(), responseDays: 5 };
    const { referral } = await createReferral(deps, TENANT_STAFF[tenant], referralInputSchema.parse({ planId, serviceId, consent: CONSENT }));
    return { id: referral.id };
  }

  /** A 子育てひろば of the tenant's municipality, not yet a consultation point. */
  async hiroba(tenant: Tenant): Promise<{ serviceId: string }> {
    const [id] = await insertServices(this.db, [
      {
        organizationId: TENANT_ORG[tenant],
        draft: aService({ kind: "hiroba", name: unique("マトリクスひろば"), location: { ...aService().location, municipalityCode: TENANT_MUNICIPALITY[tenant] } }),
        verification: { status: "published" },
      },
    ]);
    return { serviceId: id! };
  }

  async designation(tenant: Tenant): Promise<{ id: string }> {
    const { serviceId } = await this.hiroba(tenant);
    return { id: (await designatePoint(this.db, TENANT_STAFF[tenant], { serviceId })).id };
  }

  async sheet(tenant: Tenant): Promise<{ token: string }> {
    const { id, serviceId } = await this.plan(tenant);
    return { token: (await createSheet(this.db, TENANT_STAFF[tenant], id, { serviceIds: [serviceId], language: "ja" })).token };
  }
}
