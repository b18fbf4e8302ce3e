import { sql } from "kysely";
import { staffCenter } from "../auth/policy.js";
import type { Principal } from "../auth/principal.js";
import type { CatalogDeps } from "../catalog/records.js";
import { pendingRevisionOf } from "../catalog/revisions.js";
import { organizationsServing } from "../catalog/tenancy.js";
import { staleBefore, verificationDueAt } from "../catalog/verification.js";

/**
 * A center's review queue: what awaits its staff among the organizations serving its municipality
 * — new organizations and services, partners' edits of published ones, open problem reports from
 * the public, and published records past their verification cadence (stale), oldest first.
 */
export async function reviewQueue(deps: CatalogDeps, p: Principal, opts: { limit: number }) {
  const { centerId, municipalityCode } = staffCenter(p, "review-queue");
  const db = deps.db;
  const served = organizationsServing(db, municipalityCode);
  const cutoff = staleBefore(deps.now(), deps.verificationMonths);
  const iso = (d: Date | null) => d?.toISOString() ?? null;

  const [organizations, services, reports, stale] = await Promise.all([
    db
      .selectFrom("organization as o")
      .leftJoin("catalog_revision as r", pendingRevisionOf("organization", "o.id"))
      .select(["o.id", "o.name", "o.verification_status", "o.updated_at", "r.id as revision_id", "r.submitted_at"])
      .where("o.id", "in", served)
      .where((eb) => eb.or([eb("o.verification_status", "=", "pending"), eb("r.id", "is not", null)]))
      .orderBy(sql`coalesce(r.submitted_at, o.updated_at)`)
      .limit(opts.limit)
      .execute(),
    db
      .selectFrom("service as s")
      .innerJoin("organization as o", "o.id", "s.organization_id")
      .leftJoin("catalog_revision as r", pendingRevisionOf("service", "s.id"))
      .select(["s.id", "s.name", "s.kind", "s.verification_status", "s.updated_at", "o.id as org_id", "o.name as org_name", "o.verification_status as org_status"])
      .select(["r.id as revision_id", "r.submitted_at"])
      .where("s.organization_id", "in", served)
      .where((eb) => eb.or([eb("s.verification_status", "=", "pending"), eb("r.id", "is not", null)]))
      .orderBy(sql`coalesce(r.submitted_at, s.updated_at)`)
      .limit(opts.limit)
      .execute(),
    db
      .selectFrom("service_report as sr")
      .innerJoin("service as s", "s.id", "sr.service_id")
      .select(["sr.id", "sr.problem", "sr.note", "sr.created_at", "s.id as service_id", "s.name as service_name", "sr.organization_id"])
      .where("sr.organization_id", "in", served)
      .where("sr.status", "=", "open")
      .orderBy("sr.created_at")
      .limit(opts.limit)
      .execute(),
    db
      .selectFrom("service")
      .select([sql<"service" | "organization">`'service'`.as("entity_type"), "id", "name", "verified_at", "organization_id"])
      .where("organization_id", "in", served)
      .where("verification_status", "=", "published")
      .where((eb) => eb.or([eb("verified_at", "is", null), eb("verified_at", "<", cutoff)]))
      .unionAll(
        db
          .selectFrom("organization")
          .select([sql<"service" | "organization">`'organization'`.as("entity_type"), "id", "name", "verified_at", "id as organization_id"])
          .where("id", "in", served)
          .where("verification_status", "=", "published")
          .where((eb) => eb.or([eb("verified_at", "is", null), eb("verified_at", "<", cutoff)])),
      )
      .orderBy(sql`verified_at nulls first`)
      .orderBy("id")
      .limit(opts.limit)
      .execute(),
  ]);

  return {
    center: { id: centerId, municipalityCode },
    organizations: organizations.map((o) => ({
      id: o.id,
      name: o.name,
      status: o.verification_status,
      change: o.revision_id ? ("revision" as const) : ("new" as const),
      revisionId: o.revision_id,
      submittedAt: (o.submitted_at ?? o.updated_at).toISOString(),
    })),
    services: services.map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      status: s.verification_status,
      organization: { id: s.org_id, name: s.org_name, status: s.org_status },
      change: s.revision_id ? ("revision" as const) : ("new" as const),
      revisionId: s.revision_id,
      submittedAt: (s.submitted_at ?? s.updated_at).toISOString(),
    })),
    reports: reports.map((r) => ({
      id: r.id,
      problem: r.problem,
      note: r.note,
      service: { id: r.service_id, name: r.service_name },
      organizationId: r.organization_id,
      createdAt: r.created_at.toISOString(),
    })),
    stale: stale.map((r) => ({
      entityType: r.entity_type,
      id: r.id,
      name: r.name,
      organizationId: r.organization_id,
      verifiedAt: iso(r.verified_at),
      dueAt: iso(verificationDueAt(r.verified_at, deps.verificationMonths)),
    })),
  };
}
