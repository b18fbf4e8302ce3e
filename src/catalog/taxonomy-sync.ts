import type { Kysely } from "kysely";
import { v5 as uuidv5 } from "uuid";
import type { Database } from "../db/database.js";
import { RESOURCE_KINDS, TAXONOMY } from "../domain/taxonomy.js";

/** Fixed namespace for Tsunagu's deterministic ids (taxonomy terms, demo data). */
export const TSUNAGU_NAMESPACE = "5d1c6a52-3f0e-4b8e-9a63-2f6f1c1e7a10";

export const TAXONOMY_ID = uuidv5(`taxonomy:${TAXONOMY.uri}`, TSUNAGU_NAMESPACE);

/** A kind's taxonomy_term id is derived from its code, so it is the same in every database. */
export function termId(code: string): string {
  return uuidv5(`taxonomy_term:${code}`, TSUNAGU_NAMESPACE);
}

/**
 * Upserts the taxonomy from `domain/taxonomy.ts` at every start: labels and synonyms edited in code
 * reach the database without a migration. Terms are never deleted here (services reference them).
 */
export async function syncTaxonomy(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto("taxonomy")
    .values({ id: TAXONOMY_ID, name: TAXONOMY.name, description: TAXONOMY.description, uri: TAXONOMY.uri, version: TAXONOMY.version })
    .onConflict((oc) => oc.column("id").doUpdateSet((eb) => ({
      name: eb.ref("excluded.name"),
      description: eb.ref("excluded.description"),
      uri: eb.ref("excluded.uri"),
      version: eb.ref("excluded.version"),
    })))
    .execute();
  await db
    .insertInto("taxonomy_term")
    .values(
      RESOURCE_KINDS.map((k, i) => ({
        id: termId(k.code),
        taxonomy_id: TAXONOMY_ID,
        code: k.code,
        name: k.ja,
        description: k.descriptionJa,
        language: "ja",
        label_en: k.en,
        label_easy_ja: k.easyJa,
        easy_ja_ruby: k.easyJaRuby,
        description_en: k.descriptionEn,
        synonyms: [...k.synonyms],
        public_listing: k.publicListing,
        sort_order: i,
      })),
    )
    .onConflict((oc) =>
      oc.column("id").doUpdateSet((eb) => ({
        name: eb.ref("excluded.name"),
        description: eb.ref("excluded.description"),
        label_en: eb.ref("excluded.label_en"),
        label_easy_ja: eb.ref("excluded.label_easy_ja"),
        easy_ja_ruby: eb.ref("excluded.easy_ja_ruby"),
        description_en: eb.ref("excluded.description_en"),
        synonyms: eb.ref("excluded.synonyms"),
        public_listing: eb.ref("excluded.public_listing"),
        sort_order: eb.ref("excluded.sort_order"),
      })),
    )
    .execute();
}
