import { type Kysely, sql } from "kysely";

/**
 * The catalog (HSDS 3 core plus Tsunagu's eligibility and verification columns), centers,
 * users, the audit log and the outbox.
 *
 * No cube/earthdistance: PGlite returns no rows from a GIN trigram index once `cube` is loaded
 * (shared/research/stack.md), so geography is plain latitude/longitude with a b-tree index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  const uuidPk = (col: any) => col.primaryKey().defaultTo(sql`gen_random_uuid()`);
  const now = sql`now()`;
  const municipalityCode = sql`varchar(6)`;

  await db.schema
    .createTable("center")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("municipality_code", municipalityCode, (c) => c.notNull().unique().check(sql`municipality_code ~ '^[0-9]{6}$'`))
    .addColumn("municipality_name", "text", (c) => c.notNull())
    .addColumn("prefecture", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("latitude", "double precision")
    .addColumn("longitude", "double precision")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("taxonomy")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("uri", "text")
    .addColumn("version", "text")
    .execute();

  await db.schema
    .createTable("taxonomy_term")
    .addColumn("id", "uuid", (c) => c.primaryKey())
    .addColumn("taxonomy_id", "uuid", (c) => c.notNull().references("taxonomy.id"))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("parent_id", "uuid", (c) => c.references("taxonomy_term.id"))
    .addColumn("language", "text", (c) => c.notNull().defaultTo("ja"))
    .addColumn("label_en", "text", (c) => c.notNull())
    .addColumn("label_easy_ja", "text", (c) => c.notNull())
    .addColumn("easy_ja_ruby", "text", (c) => c.notNull())
    .addColumn("description_en", "text", (c) => c.notNull())
    .addColumn("synonyms", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("public_listing", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .execute();

  const verified = (t: any) =>
    t
      .addColumn("verification_status", "text", (c: any) =>
        c.notNull().defaultTo("pending").check(sql`verification_status in ('pending', 'published', 'rejected')`),
      )
      .addColumn("verified_at", "timestamptz")
      .addColumn("verified_by", "uuid")
      .addColumn("rejection_reason", "text")
      .addColumn("source", "text")
      .addColumn("source_id", "text")
      .addColumn("created_at", "timestamptz", (c: any) => c.notNull().defaultTo(now))
      .addColumn("updated_at", "timestamptz", (c: any) => c.notNull().defaultTo(now));

  await verified(
    db.schema
      .createTable("organization")
      .addColumn("id", "uuid", uuidPk)
      .addColumn("name", "text", (c) => c.notNull().check(sql`length(name) between 1 and 200`))
      .addColumn("name_kana", "text")
      .addColumn("alternate_name", "text")
      .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
      .addColumn("email", "text")
      .addColumn("website", "text")
      .addColumn("legal_status", "text")
      .addColumn("year_incorporated", "integer")
      .addColumn("corporate_number", sql`varchar(13)`, (c) => c.check(sql`corporate_number ~ '^[0-9]{13}$'`)),
  ).execute();
  await db.schema.createIndex("organization_source_uq").on("organization").columns(["source", "source_id"]).unique().execute();

  await db.schema
    .createTable("organization_municipality")
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organization.id").onDelete("cascade"))
    .addColumn("municipality_code", municipalityCode, (c) => c.notNull().check(sql`municipality_code ~ '^[0-9]{6}$'`))
    .addPrimaryKeyConstraint("organization_municipality_pk", ["organization_id", "municipality_code"])
    .execute();
  await db.schema.createIndex("organization_municipality_code_idx").on("organization_municipality").column("municipality_code").execute();

  await verified(
    db.schema
      .createTable("service")
      .addColumn("id", "uuid", uuidPk)
      .addColumn("organization_id", "uuid", (c) => c.notNull().references("organization.id").onDelete("cascade"))
      .addColumn("name", "text", (c) => c.notNull().check(sql`length(name) between 1 and 200`))
      .addColumn("name_kana", "text")
      .addColumn("alternate_name", "text")
      .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
      .addColumn("kind", "text", (c) => c.notNull().references("taxonomy_term.code"))
      .addColumn("url", "text")
      .addColumn("email", "text")
      .addColumn("status", "text", (c) =>
        c.notNull().defaultTo("active").check(sql`status in ('active', 'inactive', 'defunct', 'temporarily closed')`),
      )
      .addColumn("interpretation_services", "text")
      .addColumn("application_process", "text")
      .addColumn("fees_description", "text")
      .addColumn("eligibility_description", "text")
      .addColumn("age_min_months", "integer", (c) => c.check(sql`age_min_months between 0 and 300`))
      .addColumn("age_max_months", "integer", (c) => c.check(sql`age_max_months between 0 and 300`))
      .addColumn("accepts_prenatal", "boolean", (c) => c.notNull().defaultTo(false))
      .addColumn("accepts_postnatal", "boolean", (c) => c.notNull().defaultTo(false))
      .addColumn("pregnancy_min_weeks", "integer", (c) => c.check(sql`pregnancy_min_weeks between 0 and 42`))
      .addColumn("residence_required", "boolean", (c) => c.notNull().defaultTo(false))
      .addColumn("certificate_required", "boolean", (c) => c.notNull().defaultTo(false))
      .addColumn("capacity", "integer", (c) => c.check(sql`capacity >= 0`))
      .addColumn("capacity_available", "integer", (c) => c.check(sql`capacity_available >= 0`))
      .addColumn("cost_kind", "text", (c) => c.notNull().defaultTo("free").check(sql`cost_kind in ('free', 'fee', 'sliding')`))
      .addCheckConstraint("service_age_range_ck", sql`age_min_months is null or age_max_months is null or age_min_months <= age_max_months`),
  ).execute();
  await db.schema.createIndex("service_organization_idx").on("service").column("organization_id").execute();
  await db.schema.createIndex("service_kind_idx").on("service").column("kind").execute();
  await db.schema.createIndex("service_verification_idx").on("service").columns(["verification_status", "updated_at"]).execute();
  await db.schema.createIndex("service_source_uq").on("service").columns(["source", "source_id"]).unique().execute();
  await sql`create index service_name_trgm_idx on service using gin (name gin_trgm_ops)`.execute(db);

  await db.schema
    .createTable("service_area")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("service_id", "uuid", (c) => c.notNull().references("service.id").onDelete("cascade"))
    .addColumn("municipality_code", municipalityCode, (c) => c.notNull().check(sql`municipality_code ~ '^[0-9]{6}$'`))
    .addColumn("name", "text", (c) => c.notNull())
    .addUniqueConstraint("service_area_uq", ["service_id", "municipality_code"])
    .execute();

  await db.schema
    .createTable("location")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("organization_id", "uuid", (c) => c.references("organization.id").onDelete("cascade"))
    .addColumn("name", "text")
    .addColumn("name_kana", "text")
    .addColumn("description", "text")
    .addColumn("location_type", "text", (c) => c.notNull().defaultTo("physical").check(sql`location_type in ('physical', 'postal', 'virtual')`))
    .addColumn("latitude", "double precision", (c) => c.check(sql`latitude between -90 and 90`))
    .addColumn("longitude", "double precision", (c) => c.check(sql`longitude between -180 and 180`))
    .addColumn("transportation", "text")
    .addColumn("municipality_code", municipalityCode, (c) => c.check(sql`municipality_code ~ '^[0-9]{6}$'`))
    .addColumn("coord_source", "text", (c) =>
      c
        .notNull()
        .defaultTo("source")
        .check(sql`coord_source in ('source', 'manual', 'geocoded', 'municipality_centroid', 'postal_centroid')`),
    )
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addCheckConstraint("location_point_ck", sql`(latitude is null) = (longitude is null)`)
    .execute();
  await db.schema.createIndex("location_organization_idx").on("location").column("organization_id").execute();
  await db.schema.createIndex("location_point_idx").on("location").columns(["latitude", "longitude"]).execute();
  await db.schema.createIndex("location_municipality_idx").on("location").column("municipality_code").execute();

  await db.schema
    .createTable("address")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("location_id", "uuid", (c) => c.notNull().references("location.id").onDelete("cascade"))
    .addColumn("address_1", "text", (c) => c.notNull())
    .addColumn("address_2", "text")
    .addColumn("city", "text", (c) => c.notNull())
    .addColumn("region", "text")
    .addColumn("state_province", "text", (c) => c.notNull())
    .addColumn("postal_code", "text", (c) => c.notNull().check(sql`postal_code = '' or postal_code ~ '^[0-9]{3}-[0-9]{4}$'`))
    .addColumn("country", sql`char(2)`, (c) => c.notNull().defaultTo("JP"))
    .addColumn("address_type", "text", (c) => c.notNull().defaultTo("physical").check(sql`address_type in ('physical', 'postal', 'virtual')`))
    .execute();
  await db.schema.createIndex("address_location_idx").on("address").column("location_id").execute();

  await db.schema
    .createTable("service_at_location")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("service_id", "uuid", (c) => c.notNull().references("service.id").onDelete("cascade"))
    .addColumn("location_id", "uuid", (c) => c.notNull().references("location.id").onDelete("cascade"))
    .addColumn("description", "text")
    .addUniqueConstraint("service_at_location_uq", ["service_id", "location_id"])
    .execute();
  await db.schema.createIndex("service_at_location_location_idx").on("service_at_location").column("location_id").execute();

  // A phone, schedule or language hangs off exactly one parent record.
  const owners = (...cols: string[]) => sql.raw(`num_nonnulls(${cols.join(", ")}) = 1`);

  await db.schema
    .createTable("phone")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("organization_id", "uuid", (c) => c.references("organization.id").onDelete("cascade"))
    .addColumn("service_id", "uuid", (c) => c.references("service.id").onDelete("cascade"))
    .addColumn("location_id", "uuid", (c) => c.references("location.id").onDelete("cascade"))
    .addColumn("number", "text", (c) => c.notNull().check(sql`length(number) between 3 and 40`))
    .addColumn("extension", "integer")
    .addColumn("type", "text")
    .addColumn("description", "text")
    .addCheckConstraint("phone_owner_ck", owners("organization_id", "service_id", "location_id"))
    .execute();
  await db.schema.createIndex("phone_service_idx").on("phone").column("service_id").execute();
  await db.schema.createIndex("phone_organization_idx").on("phone").column("organization_id").execute();

  await db.schema
    .createTable("schedule")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("service_id", "uuid", (c) => c.references("service.id").onDelete("cascade"))
    .addColumn("location_id", "uuid", (c) => c.references("location.id").onDelete("cascade"))
    .addColumn("service_at_location_id", "uuid", (c) => c.references("service_at_location.id").onDelete("cascade"))
    .addColumn("freq", "text", (c) => c.notNull().check(sql`freq in ('WEEKLY', 'MONTHLY')`))
    .addColumn("byday", "text", (c) => c.notNull().check(sql`byday ~ '^(-?[1-5]?(MO|TU|WE|TH|FR|SA|SU))(,-?[1-5]?(MO|TU|WE|TH|FR|SA|SU))*$'`))
    .addColumn("opens_at", "text", (c) => c.check(sql`opens_at ~ '^([01][0-9]|2[0-4]):[0-5][0-9]$'`))
    .addColumn("closes_at", "text", (c) => c.check(sql`closes_at ~ '^([01][0-9]|2[0-4]):[0-5][0-9]$'`))
    .addColumn("description", "text")
    .addColumn("valid_from", "date")
    .addColumn("valid_to", "date")
    .addCheckConstraint("schedule_owner_ck", owners("service_id", "location_id", "service_at_location_id"))
    .execute();
  await db.schema.createIndex("schedule_service_idx").on("schedule").column("service_id").execute();

  await db.schema
    .createTable("language")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("service_id", "uuid", (c) => c.references("service.id").onDelete("cascade"))
    .addColumn("location_id", "uuid", (c) => c.references("location.id").onDelete("cascade"))
    .addColumn("code", "text", (c) => c.notNull().check(sql`code ~ '^[a-z]{2,3}$'`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addCheckConstraint("language_owner_ck", owners("service_id", "location_id"))
    .execute();
  await db.schema.createIndex("language_service_idx").on("language").column("service_id").execute();

  await db.schema
    .createTable("cost_option")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("service_id", "uuid", (c) => c.notNull().references("service.id").onDelete("cascade"))
    .addColumn("option", "text")
    .addColumn("currency", sql`char(3)`, (c) => c.notNull().defaultTo("JPY"))
    .addColumn("amount", "integer", (c) => c.check(sql`amount >= 0`))
    .addColumn("amount_description", "text")
    .execute();
  await db.schema.createIndex("cost_option_service_idx").on("cost_option").column("service_id").execute();

  await db.schema
    .createTable("required_document")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("service_id", "uuid", (c) => c.notNull().references("service.id").onDelete("cascade"))
    .addColumn("document", "text", (c) => c.notNull())
    .addColumn("uri", "text")
    .execute();
  await db.schema.createIndex("required_document_service_idx").on("required_document").column("service_id").execute();

  await db.schema
    .createTable("attribute")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("link_id", "uuid", (c) => c.notNull())
    .addColumn("link_type", "text", (c) => c.notNull())
    .addColumn("link_entity", "text", (c) => c.notNull())
    .addColumn("taxonomy_term_id", "uuid", (c) => c.notNull().references("taxonomy_term.id"))
    .addColumn("value", "text")
    .execute();
  await db.schema.createIndex("attribute_link_idx").on("attribute").columns(["link_entity", "link_id"]).execute();
  await db.schema.createIndex("attribute_term_idx").on("attribute").column("taxonomy_term_id").execute();

  await db.schema
    .createTable("app_user")
    .addColumn("id", "uuid", uuidPk)
    .addColumn("email", "text", (c) => c.notNull().unique().check(sql`email = lower(email) and email like '%_@_%'`))
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('staff', 'center_admin', 'partner')`))
    .addColumn("center_id", "uuid", (c) => c.references("center.id"))
    .addColumn("organization_id", "uuid", (c) => c.references("organization.id").onDelete("cascade"))
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("profession", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("disabled_at", "timestamptz")
    .addCheckConstraint(
      "app_user_tenant_ck",
      sql`(role = 'partner' and organization_id is not null and center_id is null)
       or (role in ('staff', 'center_admin') and center_id is not null and organization_id is null)`,
    )
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("occurred_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("actor_user_id", "uuid")
    .addColumn("actor_role", "text")
    .addColumn("center_id", "uuid")
    .addColumn("organization_id", "uuid")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "uuid", (c) => c.notNull())
    .addColumn("before", "jsonb")
    .addColumn("after", "jsonb")
    .addColumn("request_id", "text")
    .execute();
  await db.schema.createIndex("audit_log_center_idx").on("audit_log").columns(["center_id", "occurred_at"]).execute();
  await db.schema.createIndex("audit_log_entity_idx").on("audit_log").columns(["entity_type", "entity_id"]).execute();

  await db.schema
    .createTable("outbox")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("aggregate_id", "uuid", (c) => c.notNull())
    .addColumn("payload", "jsonb")
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("available_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("last_error", "text")
    .addColumn("processed_at", "timestamptz")
    .execute();
  await sql`create index outbox_pending_idx on outbox (id) where processed_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "outbox", "audit_log", "app_user", "attribute", "required_document", "cost_option", "language", "schedule",
    "phone", "service_at_location", "address", "location", "service_area", "service", "organization_municipality",
    "organization", "taxonomy_term", "taxonomy", "center",
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
