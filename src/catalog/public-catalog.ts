import { type Kysely, sql } from "kysely";
import type { Database } from "../db/database.js";
import { escapeLike } from "../db/sql.js";
import { findKind } from "../domain/taxonomy.js";
import { type ServiceAggregate, loadServiceAggregates } from "./aggregate.js";

/**
 * What the public may see. A service is public only while it and its organization are both
 * published and its kind is a public listing (児童相談所 is a referral partner, never listed).
 * Every public read goes through `publicServices`, so the rule lives here and nowhere else.
 */
export function publicServices(db: Kysely<Database>) {
  return db
    .selectFrom("service as s")
    .innerJoin("organization as o", "o.id", "s.organization_id")
    .innerJoin("taxonomy_term as t", "t.code", "s.kind")
    .where("s.verification_status", "=", "published")
    .where("o.verification_status", "=", "published")
    .where("t.public_listing", "=", true);
}

/** The same rule for a service already loaded (for use cases that start from an id). */
export function isPublicAggregate(agg: {
  service: Pick<ServiceAggregate["service"], "verification_status" | "kind">;
  organization: Pick<ServiceAggregate["organization"], "verification_status">;
}): boolean {
  return (
    agg.service.verification_status === "published" &&
    agg.organization.verification_status === "published" &&
    findKind(agg.service.kind)?.publicListing === true
  );
}

export interface ServiceListQuery {
  page: number;
  perPage: number;
  /** Matches name, 名称カナ or description (substring). */
  search?: string;
  organizationId?: string;
  taxonomyTermId?: string;
  modifiedAfter?: Date;
}

export interface PageOf<T> {
  total: number;
  items: T[];
}

export async function listPublicServices(db: Kysely<Database>, q: ServiceListQuery): Promise<PageOf<ServiceAggregate>> {
  let base = publicServices(db);
  if (q.search) {
    const like = `%${escapeLike(q.search)}%`;
    base = base.where((eb) => eb.or([eb("s.name", "ilike", like), eb("s.name_kana", "ilike", like), eb("s.description", "ilike", like)]));
  }
  if (q.organizationId) base = base.where("s.organization_id", "=", q.organizationId);
  if (q.taxonomyTermId) {
    const termId = q.taxonomyTermId;
    base = base.where((eb) =>
      eb.or([
        eb("t.id", "=", termId),
        eb.exists(
          eb.selectFrom("attribute as a").select(sql`1`.as("one")).whereRef("a.link_id", "=", "s.id").where("a.taxonomy_term_id", "=", termId),
        ),
      ]),
    );
  }
  if (q.modifiedAfter) base = base.where("s.updated_at", ">=", q.modifiedAfter);

  const [{ total }] = (await base.select((eb) => eb.fn.countAll<string>().as("total")).execute()) as [{ total: string }];
  const ids = await base
    .select("s.id")
    .orderBy("s.name")
    .orderBy("s.id")
    .limit(q.perPage)
    .offset((q.page - 1) * q.perPage)
    .execute();
  return { total: Number(total), items: await inOrder(db, ids.map((r) => r.id)) };
}

export async function findPublicService(db: Kysely<Database>, id: string): Promise<ServiceAggregate | undefined> {
  const row = await publicServices(db).select("s.id").where("s.id", "=", id).executeTakeFirst();
  return row ? (await loadServiceAggregates(db, [row.id]))[0] : undefined;
}

/** Organizations with at least one public service (a published organization with none has nothing to show). */
function publicOrganizations(db: Kysely<Database>) {
  return db
    .selectFrom("organization as o")
    .where("o.verification_status", "=", "published")
    .where((eb) => eb.exists(publicServices(db).select(sql`1`.as("one")).whereRef("s.organization_id", "=", "o.id")));
}

export async function listPublicOrganizations(db: Kysely<Database>, q: Pick<ServiceListQuery, "page" | "perPage" | "search">) {
  let base = publicOrganizations(db);
  if (q.search) base = base.where("o.name", "ilike", `%${escapeLike(q.search)}%`);
  const [{ total }] = (await base.select((eb) => eb.fn.countAll<string>().as("total")).execute()) as [{ total: string }];
  const rows = await base
    .selectAll("o")
    .orderBy("o.name")
    .orderBy("o.id")
    .limit(q.perPage)
    .offset((q.page - 1) * q.perPage)
    .execute();
  return { total: Number(total), items: rows };
}

export async function findPublicOrganization(db: Kysely<Database>, id: string) {
  const organization = await publicOrganizations(db).selectAll("o").where("o.id", "=", id).executeTakeFirst();
  if (!organization) return undefined;
  const serviceIds = await publicServices(db).select("s.id").where("s.organization_id", "=", id).orderBy("s.name").execute();
  const [services, phones] = await Promise.all([
    inOrder(db, serviceIds.map((r) => r.id)),
    db.selectFrom("phone").selectAll().where("organization_id", "=", id).orderBy("id").execute(),
  ]);
  return { organization, services, phones };
}

async function inOrder(db: Kysely<Database>, ids: string[]): Promise<ServiceAggregate[]> {
  const byId = new Map((await loadServiceAggregates(db, ids)).map((a) => [a.service.id, a]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}
