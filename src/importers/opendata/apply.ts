import { type Kysely, sql } from "kysely";
import { type AuditEntry, recordAuditMany } from "../../audit/record.js";
import type { OrganizationDraft, ServiceDraft } from "../../catalog/draft.js";
import { insertOrganizations, insertServices, organizationColumns, updateServices } from "../../catalog/writer.js";
import type { Database, VerificationStatus } from "../../db/database.js";
import { enqueueOrganizationChanges, enqueueServiceChanges } from "../../outbox/enqueue.js";
import { type Counts, type ImportReport, emptyCounts } from "../report.js";

/**
 * Writes an import plan into one transaction (the caller's): records are matched by their
 * source key and ID, new ones are inserted, changed ones (their content hash differs) are
 * rewritten in place, unchanged ones are not touched, and records of the same sources that the
 * file no longer has are returned as vanished, never deleted. Every created or changed record
 * gets an outbox row, so search follows.
 */
export interface PlannedOrganization {
  source: string;
  sourceId: string;
  hash: string;
  draft: OrganizationDraft;
}

export interface PlannedService {
  line: number;
  source: string;
  sourceId: string;
  hash: string;
  draft: ServiceDraft;
  organization: { source: string; sourceId: string };
}

export interface ApplyOptions {
  /** Verification status of new records (existing ones keep theirs). */
  status: VerificationStatus;
  onProgress?: (done: number) => void;
}

export interface ApplyResult {
  services: Counts;
  organizations: Counts;
  changes: ImportReport["changes"];
  vanished: ImportReport["vanished"];
}

const key = (source: string, sourceId: string) => `${source}\u0000${sourceId}`;
const CHUNK = 2000;

export async function applyPlan(
  trx: Kysely<Database>,
  orgs: PlannedOrganization[],
  services: PlannedService[],
  opts: ApplyOptions,
): Promise<ApplyResult> {
  const verification = { status: opts.status };
  const orgIds = await upsertOrganizations(trx, orgs, verification);

  const existing = await existingServices(trx, [...new Set(services.map((s) => s.source))]);
  const result: ApplyResult = { services: emptyCounts(), organizations: orgIds.counts, changes: [], vanished: [] };
  const toCreate: PlannedService[] = [];
  const toUpdate: { planned: PlannedService; id: string; manual: boolean }[] = [];
  const seen = new Set<string>();
  for (const s of services) {
    const k = key(s.source, s.sourceId);
    seen.add(k);
    const row = existing.get(k);
    const organizationId = orgIds.byKey.get(key(s.organization.source, s.organization.sourceId))!;
    if (!row) toCreate.push(s);
    else if (row.source_hash !== s.hash || row.organization_id !== organizationId) {
      toUpdate.push({ planned: s, id: row.id, manual: row.coord_source === "manual" });
    } else result.services.unchanged++;
  }
  result.vanished = [...existing.entries()]
    .filter(([k]) => !seen.has(k))
    .map(([, row]) => ({ serviceId: row.id, sourceId: row.source_id, name: row.name }));

  const changedIds: string[] = [];
  const audit: AuditEntry[] = [];
  const centers = new Map((await trx.selectFrom("center").select(["id", "municipality_code"]).execute()).map((c) => [c.municipality_code, c.id]));
  const entry = (action: string, id: string, s: PlannedService): AuditEntry => ({
    action,
    entityType: "service",
    entityId: id,
    after: { source: s.source, sourceId: s.sourceId, line: s.line, name: s.draft.name },
    centerId: centers.get(s.draft.location.municipalityCode ?? "") ?? null,
    organizationId: orgIds.byKey.get(key(s.organization.source, s.organization.sourceId)),
  });
  const orgEntry = (action: string) => (id: string): AuditEntry => ({ action, entityType: "organization", entityId: id, organizationId: id });
  audit.push(...orgIds.created.map(orgEntry("organization.import")), ...orgIds.updated.map(orgEntry("organization.reimport")));
  let done = result.services.unchanged;
  opts.onProgress?.(done);
  for (let i = 0; i < toCreate.length; i += CHUNK) {
    const chunk = toCreate.slice(i, i + CHUNK);
    const ids = await insertServices(
      trx,
      chunk.map((s) => ({
        organizationId: orgIds.byKey.get(key(s.organization.source, s.organization.sourceId))!,
        draft: s.draft,
        verification,
        provenance: { source: s.source, sourceId: s.sourceId, hash: s.hash },
      })),
    );
    changedIds.push(...ids);
    chunk.forEach((s, k) => audit.push(entry("service.import", ids[k]!, s)));
    opts.onProgress?.((done += chunk.length));
  }
  for (let i = 0; i < toUpdate.length; i += CHUNK) {
    const chunk = toUpdate.slice(i, i + CHUNK);
    await updateServices(
      trx,
      chunk.map(({ planned: s, id, manual }) => ({
        id,
        organizationId: orgIds.byKey.get(key(s.organization.source, s.organization.sourceId))!,
        draft: s.draft,
        provenance: { source: s.source, sourceId: s.sourceId, hash: s.hash },
        keepCoordinates: manual,
      })),
    );
    changedIds.push(...chunk.map((u) => u.id));
    for (const u of chunk) audit.push(entry("service.reimport", u.id, u.planned));
    opts.onProgress?.((done += chunk.length));
  }
  result.services.created = toCreate.length;
  result.services.updated = toUpdate.length;
  result.changes = [
    ...toCreate.map((s) => ({ action: "create" as const, line: s.line, name: s.draft.name })),
    ...toUpdate.map((u) => ({ action: "update" as const, line: u.planned.line, name: u.planned.draft.name })),
  ].sort((a, b) => a.line - b.line);

  // Imports run from the command line: no user, so the entries carry no actor.
  await recordAuditMany(trx, null, audit);
  await enqueueServiceChanges(trx, changedIds);
  await enqueueOrganizationChanges(trx, orgIds.changed);
  return result;
}

async function upsertOrganizations(trx: Kysely<Database>, orgs: PlannedOrganization[], verification: { status: VerificationStatus }) {
  const byKey = new Map<string, string>();
  const counts = emptyCounts();
  const existing = new Map<string, { id: string; source_hash: string | null }>();
  for (let i = 0; i < orgs.length; i += CHUNK) {
    const pairs = orgs.slice(i, i + CHUNK);
    const rows = await trx
      .selectFrom("organization")
      .select(["id", "source", "source_id", "source_hash"])
      // Two array parameters, not thousands of row constructors (which exhaust PGlite's stack).
      .where(sql<boolean>`(source, source_id) in (select * from unnest(${pairs.map((o) => o.source)}::text[], ${pairs.map((o) => o.sourceId)}::text[]))`)
      .execute();
    for (const r of rows) existing.set(key(r.source!, r.source_id!), r);
  }
  const toCreate = orgs.filter((o) => !existing.has(key(o.source, o.sourceId)));
  const created = await insertOrganizations(
    trx,
    toCreate.map((o) => ({ draft: o.draft, verification, provenance: { source: o.source, sourceId: o.sourceId, hash: o.hash } })),
  );
  toCreate.forEach((o, i) => byKey.set(key(o.source, o.sourceId), created[i]!));
  const changed = [...created];
  const updated: string[] = [];
  counts.created = created.length;

  const kept = orgs.filter((o) => existing.has(key(o.source, o.sourceId)));
  for (const o of kept) {
    const row = existing.get(key(o.source, o.sourceId))!;
    byKey.set(key(o.source, o.sourceId), row.id);
    if (row.source_hash === o.hash) {
      counts.unchanged++;
      continue;
    }
    await trx
      .updateTable("organization")
      .set({ ...organizationColumns(o.draft), source_hash: o.hash, updated_at: new Date() })
      .where("id", "=", row.id)
      .execute();
    changed.push(row.id);
    updated.push(row.id);
    counts.updated++;
  }
  // The municipalities an organization serves only grow: another list may name other ones.
  const areas = kept.flatMap((o) => o.draft.municipalityCodes.map((code) => ({ organization_id: byKey.get(key(o.source, o.sourceId))!, municipality_code: code })));
  for (let i = 0; i < areas.length; i += CHUNK) {
    await trx.insertInto("organization_municipality").values(areas.slice(i, i + CHUNK)).onConflict((oc) => oc.doNothing()).execute();
  }
  return { byKey, counts, changed, created, updated };
}

async function existingServices(trx: Kysely<Database>, sources: string[]) {
  const rows = sources.length
    ? await trx
        .selectFrom("service as s")
        .leftJoin("service_at_location as sal", "sal.service_id", "s.id")
        .leftJoin("location as l", "l.id", "sal.location_id")
        .select(["s.id", "s.source", "s.source_id", "s.source_hash", "s.organization_id", "s.name", "l.coord_source"])
        .where("s.source", "in", sources)
        .orderBy("s.id")
        .orderBy("sal.id")
        .execute()
    : [];
  const map = new Map<string, (typeof rows)[number] & { source_id: string }>();
  for (const r of rows) {
    const k = key(r.source!, r.source_id!);
    if (!map.has(k)) map.set(k, r as (typeof rows)[number] & { source_id: string });
  }
  return map;
}
