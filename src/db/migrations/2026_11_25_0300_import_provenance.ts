import type { Kysely } from "kysely";

/**
 * Re-import bookkeeping: a hash of what the source said about a record the last time it was
 * imported. An import compares it with the row's new hash, so an unchanged row is not written
 * again (no update, no outbox row) and a second import of the same file changes nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("service").addColumn("source_hash", "text").execute();
  await db.schema.alterTable("organization").addColumn("source_hash", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("service").dropColumn("source_hash").execute();
  await db.schema.alterTable("organization").dropColumn("source_hash").execute();
}
