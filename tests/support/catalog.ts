import type { Kysely } from "kysely";
import type { Database, VerificationStatus } from "../../src/db/database.js";
import type { OrganizationDraft, ServiceDraft } from "../../src/catalog/draft.js";
import { insertOrganizations, insertServices } from "../../src/catalog/writer.js";

export const KAWAGUCHI = "112038";
export const TODA = "112241";

export function anOrganization(overrides: Partial<OrganizationDraft> = {}): OrganizationDraft {
  return {
    name: "NPO法人 さかえ子育てネット",
    nameKana: "サカエコソダテネット",
    description: "川口市栄町で子ども食堂と家事支援を行うNPO。",
    legalStatus: "NPO法人",
    municipalityCodes: [KAWAGUCHI],
    ...overrides,
  };
}

export function aService(overrides: Partial<ServiceDraft> = {}): ServiceDraft {
  return {
    name: "栄町こども食堂",
    nameKana: "サカエチョウコドモショクドウ",
    kind: "kodomo-shokudo",
    description: "毎月第2・第4土曜日のお昼に、地域の子どもと親子に温かいごはんを届けます。",
    location: {
      address: { postalCode: "332-0017", prefecture: "埼玉県", city: "川口市", line1: "栄町3-1-1", line2: "栄町会館1階" },
      lat: 35.8035,
      lng: 139.7205,
      municipalityCode: KAWAGUCHI,
    },
    languages: ["ja", "zh"],
    ageMinMonths: 0,
    ageMaxMonths: 215,
    cost: { kind: "fee", amountYen: 300, description: "子ども無料、大人300円" },
    schedule: [{ days: ["sat"], weeksOfMonth: [2, 4], opensAt: "11:00", closesAt: "14:00" }],
    phone: "048-000-0000",
    capacity: 40,
    ...overrides,
  };
}

/** Inserts one organization with the given services; both verification states default to published. */
export async function insertCatalog(
  db: Kysely<Database>,
  opts: {
    organization?: Partial<OrganizationDraft>;
    organizationStatus?: VerificationStatus;
    services?: { draft?: Partial<ServiceDraft>; status?: VerificationStatus }[];
  } = {},
) {
  return db.transaction().execute(async (trx) => {
    const [organizationId] = await insertOrganizations(trx, [
      { draft: anOrganization(opts.organization), verification: { status: opts.organizationStatus ?? "published" } },
    ]);
    const serviceIds = await insertServices(
      trx,
      (opts.services ?? [{}]).map((s) => ({
        organizationId: organizationId!,
        draft: aService(s.draft),
        verification: { status: s.status ?? "published" },
      })),
    );
    return { organizationId: organizationId!, serviceIds };
  });
}

/** Row counts of every catalog table: a request that must change nothing leaves these equal. */
export async function catalogCounts(db: Kysely<Database>) {
  const tables = ["organization", "service", "location", "address", "service_at_location", "schedule", "language", "audit_log", "outbox"] as const;
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const row = await db.selectFrom(t).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    counts[t] = Number(row.n);
  }
  return counts;
}
