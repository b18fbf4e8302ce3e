import { type Kysely, sql } from "kysely";

/**
 * Support plans (サポートプラン) and referrals. Both belong to one center and hold the least
 * personal data the work needs: a case reference, never a family name; an approximate location;
 * children's ages, not birthdays. A referral keeps the family's consent as evidence (what may be
 * shared, the wording version shown, when) and an append-only event timeline.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`now()`;

  await db.schema
    .createTable("support_plan")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("center_id", "uuid", (c) => c.notNull().references("center.id"))
    .addColumn("case_ref", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open").check(sql`status in ('open', 'closed')`))
    .addColumn("lead_user_id", "uuid", (c) => c.references("app_user.id"))
    .addColumn("family_lat", "double precision", (c) => c.notNull().check(sql`family_lat between 20 and 46`))
    .addColumn("family_lng", "double precision", (c) => c.notNull().check(sql`family_lng between 122 and 154`))
    .addColumn("children_age_months", sql`integer[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("pregnancy_weeks", "integer", (c) => c.check(sql`pregnancy_weeks between 0 and 45`))
    .addColumn("languages", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("public_assistance", "boolean")
    .addColumn("disability_certificate", "boolean")
    .addColumn("max_distance_meters", "integer", (c) => c.check(sql`max_distance_meters > 0`))
    .addColumn("max_cost_yen", "integer", (c) => c.check(sql`max_cost_yen >= 0`))
    .addColumn("days", sql`text[]`)
    /** `[{action, ownerUserId?, due?}]`: what happens next and who does it (for case conferences). */
    .addColumn("next_steps", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("created_by", "uuid", (c) => c.references("app_user.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint("support_plan_case_ref_uq", ["center_id", "case_ref"])
    .execute();
  await db.schema.createIndex("support_plan_center_idx").on("support_plan").columns(["center_id", "updated_at"]).execute();

  await db.schema
    .createTable("plan_need")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("plan_id", "uuid", (c) => c.notNull().references("support_plan.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("urgency", "text", (c) => c.notNull().defaultTo("normal").check(sql`urgency in ('low', 'normal', 'high', 'urgent')`))
    .addUniqueConstraint("plan_need_position_uq", ["plan_id", "position"])
    .execute();

  await db.schema
    .createTable("referral")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("reference", "text", (c) => c.notNull().unique())
    .addColumn("center_id", "uuid", (c) => c.notNull().references("center.id"))
    .addColumn("plan_id", "uuid", (c) => c.notNull().references("support_plan.id"))
    .addColumn("service_id", "uuid", (c) => c.notNull().references("service.id"))
    .addColumn("location_id", "uuid", (c) => c.references("location.id"))
    .addColumn("organization_id", "uuid", (c) => c.notNull().references("organization.id"))
    .addColumn("need_kind", "text")
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('sent', 'accepted', 'declined', 'in_progress', 'completed', 'not_completed', 'withdrawn')`),
    )
    .addColumn("message", "text")
    .addColumn("contact_preference", "text", (c) =>
      c.notNull().defaultTo("via_center").check(sql`contact_preference in ('phone', 'email', 'via_center', 'do_not_contact')`),
    )
    /** Shared with the partner only when the family consented (`consent_share_contact`). */
    .addColumn("contact", "jsonb")
    .addColumn("consent_given", "boolean", (c) => c.notNull().check(sql`consent_given`))
    .addColumn("consent_privacy_notice_shared", "boolean", (c) => c.notNull().check(sql`consent_privacy_notice_shared`))
    .addColumn("consent_share_contact", "boolean", (c) => c.notNull())
    .addColumn("consent_share_family_details", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("consent_wording_version", "text", (c) => c.notNull())
    .addColumn("consent_recorded_at", "timestamptz", (c) => c.notNull())
    .addColumn("idempotency_key", "text")
    .addColumn("request_hash", "text")
    .addColumn("created_by", "uuid", (c) => c.references("app_user.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("responded_at", "timestamptz")
    .addColumn("closed_at", "timestamptz")
    .addCheckConstraint("referral_contact_consent_ck", sql`contact is null or consent_share_contact`)
    .addUniqueConstraint("referral_idempotency_uq", ["center_id", "idempotency_key"])
    .execute();
  await db.schema.createIndex("referral_center_idx").on("referral").columns(["center_id", "status", "created_at"]).execute();
  await db.schema.createIndex("referral_org_idx").on("referral").columns(["organization_id", "status", "created_at"]).execute();
  await db.schema.createIndex("referral_plan_idx").on("referral").column("plan_id").execute();

  await db.schema
    .createTable("referral_event")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("referral_id", "uuid", (c) => c.notNull().references("referral.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("from_status", "text")
    .addColumn("note", "text")
    .addColumn("reason", "text")
    .addColumn("outcome", "text")
    .addColumn("actor_user_id", "uuid", (c) => c.references("app_user.id"))
    .addColumn("actor_role", "text")
    .addColumn("occurred_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("referral_event_referral_idx").on("referral_event").columns(["referral_id", "id"]).execute();

  await sql`create sequence referral_reference_seq`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop sequence if exists referral_reference_seq`.execute(db);
  for (const table of ["referral_event", "referral", "plan_need", "support_plan"]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
