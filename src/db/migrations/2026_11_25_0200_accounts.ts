import { type Kysely, sql } from "kysely";

/**
 * Accounts and catalog curation: sign-in sessions, throttling counters, partner edits waiting
 * for review beside the published record, and problem reports from the public.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const uuidPk = (col: any) => col.primaryKey().defaultTo(sql`gen_random_uuid()`);
  const now = sql`now()`;

  // One row per sign-in. Only hashes of the two secrets are stored: the bearer token handed to
  // API clients and the HttpOnly cookie's value (different, so script never sees the cookie's).
  await db.schema
    .createTable("session")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("user_id", "uuid", (c) => c.notNull().references("app_user.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("cookie_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("revoked_at", "timestamptz")
    .execute();
  await db.schema.createIndex("session_user_idx").on("session").column("user_id").execute();

  // Failed sign-ins and anonymous writes, counted per bucket and key (hashed: no addresses or
  // e-mail addresses in clear) over a sliding window; old rows are pruned as new ones arrive.
  await db.schema
    .createTable("throttle_event")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("bucket", "text", (c) => c.notNull())
    .addColumn("key_hash", "text", (c) => c.notNull())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("throttle_event_key_idx").on("throttle_event").columns(["bucket", "key_hash", "at"]).execute();
  await db.schema.createIndex("throttle_event_at_idx").on("throttle_event").column("at").execute();

  // A partner's edit of a published record: the proposed draft waits here while the published
  // rows stay as they are (and stay public) until staff approve it.
  await db.schema
    .createTable("catalog_revision")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("entity_type", "text", (c) => c.notNull().check(sql`entity_type in ('service', 'organization')`))
    .addColumn("entity_id", "uuid", (c) => c.notNull())
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending").check(sql`status in ('pending', 'approved', 'rejected')`))
    .addColumn("draft", "jsonb", (c) => c.notNull())
    .addColumn("submitted_by", "uuid")
    .addColumn("submitted_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("reviewed_by", "uuid")
    .addColumn("reviewed_at", "timestamptz")
    .addColumn("reason", "text")
    .execute();
  await sql`create unique index catalog_revision_pending_uq on catalog_revision (entity_type, entity_id) where status = 'pending'`.execute(db);
  await db.schema.createIndex("catalog_revision_org_idx").on("catalog_revision").columns(["organization_id", "status"]).execute();

  await db.schema
    .createTable("service_report")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("service_id", "uuid", (c) => c.notNull().references("service.id").onDelete("cascade"))
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("problem", "text", (c) =>
      c.notNull().check(sql`problem in ('closed', 'wrong_hours', 'wrong_phone', 'wrong_address', 'other')`),
    )
    .addColumn("note", "text", (c) => c.check(sql`length(note) <= 1000`))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open").check(sql`status in ('open', 'resolved', 'dismissed')`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("resolved_by", "uuid")
    .addColumn("resolved_at", "timestamptz")
    .addColumn("resolution_note", "text")
    .execute();
  await db.schema.createIndex("service_report_org_idx").on("service_report").columns(["organization_id", "status"]).execute();

  await db.schema.createIndex("audit_log_organization_idx").on("audit_log").columns(["organization_id", "occurred_at"]).execute();
  await db.schema.createIndex("audit_log_actor_idx").on("audit_log").columns(["actor_user_id", "occurred_at"]).execute();
  await db.schema.createIndex("app_user_organization_idx").on("app_user").column("organization_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ["app_user_organization_idx", "audit_log_actor_idx", "audit_log_organization_idx"]) {
    await db.schema.dropIndex(index).ifExists().execute();
  }
  for (const table of ["service_report", "catalog_revision", "throttle_event", "session"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
