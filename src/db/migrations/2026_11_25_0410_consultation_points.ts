import { type Kysely, sql } from "kysely";

/**
 * 地域子育て相談機関: services a center designates as neighbourhood consultation points (a
 * nursery, a kindergarten, a 地域子育て支援拠点 that agreed), each covering the area around it.
 * A designation ends rather than disappears, so the history stays.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("consultation_point")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("center_id", "uuid", (c) => c.notNull().references("center.id"))
    .addColumn("service_id", "uuid", (c) => c.notNull().references("service.id"))
    .addColumn("location_id", "uuid", (c) => c.notNull().references("location.id"))
    .addColumn("coverage_radius_meters", "integer", (c) => c.notNull().check(sql`coverage_radius_meters between 100 and 20000`))
    .addColumn("note", "text")
    .addColumn("designated_by", "uuid", (c) => c.references("app_user.id"))
    .addColumn("designated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("ended_at", "timestamptz")
    .execute();
  await sql`create unique index consultation_point_active_uq on consultation_point (center_id, location_id) where ended_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("consultation_point").ifExists().execute();
}
