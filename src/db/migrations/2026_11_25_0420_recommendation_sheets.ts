import { type Kysely, sql } from "kysely";

/**
 * 利用勧奨 handouts: the services staff recommend to a family, shared as a link. The row keeps
 * which plan it came from (for the center), but the public link resolves only to the services.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("recommendation_sheet")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    /** Unguessable (128 bits, base64url): the link is the only key. */
    .addColumn("token", "text", (c) => c.notNull().unique())
    .addColumn("center_id", "uuid", (c) => c.notNull().references("center.id"))
    .addColumn("plan_id", "uuid", (c) => c.notNull().references("support_plan.id"))
    .addColumn("service_ids", sql`uuid[]`, (c) => c.notNull())
    .addColumn("language", "text", (c) => c.notNull().check(sql`language in ('ja', 'easy-ja', 'en')`))
    .addColumn("created_by", "uuid", (c) => c.references("app_user.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("recommendation_sheet").ifExists().execute();
}
