import { type Kysely, sql } from "kysely";

/**
 * Search synonyms that staff add (「ファミサポ」 = 「ファミリー・サポート・センター」): each row is a
 * group of words that mean the same. The taxonomy's labels and synonyms need no rows here: every
 * search document carries them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("search_synonym")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("terms", sql`text[]`, (c) => c.notNull().check(sql`cardinality(terms) between 2 and 20`))
    .addColumn("note", "text")
    .addColumn("created_by", "uuid")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("search_synonym").ifExists().execute();
}
