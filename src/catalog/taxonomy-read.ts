import type { Kysely } from "kysely";
import type { Database, TaxonomyTermRow } from "../db/database.js";

export async function listTaxonomyTerms(db: Kysely<Database>): Promise<TaxonomyTermRow[]> {
  return db.selectFrom("taxonomy_term").selectAll().orderBy("sort_order").orderBy("code").execute();
}

export async function findTaxonomyTermById(db: Kysely<Database>, id: string): Promise<TaxonomyTermRow | undefined> {
  return db.selectFrom("taxonomy_term").selectAll().where("id", "=", id).executeTakeFirst();
}
