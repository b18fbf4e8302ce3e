import { basename } from "node:path";
import type { Kysely } from "kysely";
import { recordAuditMany } from "../../audit/record.js";
import type { Database, VerificationStatus } from "../../db/database.js";
import type { KindCode } from "../../domain/taxonomy.js";
import { createHsdsValidator } from "../../hsds/validator.js";
import { enqueueOrganizationChanges, enqueueServiceChanges } from "../../outbox/enqueue.js";
import { inOneTransaction, contentHash } from "../transaction.js";
import { type ImportReport, type RowIssue, newReport } from "../report.js";
import { readHsdsInput } from "./read-input.js";
import { type ServiceRows, hsdsServiceToRows } from "./to-rows.js";
import { writeServiceBatch } from "./write.js";

/**
 * `tsunagu import hsds PATH`: HSDS 3 JSON into the catalog, keeping the records' ids. Every
 * record is checked against the official schema first; records are matched by id within their
 * source (`hsds:<name>`), so importing the same file again changes nothing, and services of the
 * source that the file no longer has are reported, not deleted. One transaction.
 */
export interface HsdsImportOptions {
  kind?: KindCode;
  municipality?: string;
  /** Source name; default the file or folder name. */
  source?: string;
  status?: VerificationStatus;
  dryRun?: boolean;
}

const BATCH = 500;

export async function importHsds(db: Kysely<Database>, path: string, opts: HsdsImportOptions = {}): Promise<ImportReport> {
  const started = performance.now();
  const input = await readHsdsInput(path);
  const validator = createHsdsValidator();
  const source = `hsds:${opts.source ?? basename(path).replace(/\.json$/i, "")}`;
  const rejected: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const planned: { position: number; rows: ServiceRows; hash: string; organizationHash: string }[] = [];
  const seen = new Map<string, number>();

  for (const { position, record, organization } of input.records) {
    const name = typeof record.name === "string" ? record.name : undefined;
    const errors = [...validator.errors("service", record), ...(organization ? validator.errors("organization", organization).map((e) => `organization${e}`) : [])];
    if (errors.length) {
      rejected.push({ line: position, name, message: `not valid HSDS 3.0: ${errors.slice(0, 3).join("; ")}` });
      continue;
    }
    const rows = hsdsServiceToRows(record, organization, { kind: opts.kind, municipality: opts.municipality });
    if ("reject" in rows) {
      rejected.push({ line: position, name, message: rows.reject });
      continue;
    }
    const first = seen.get(rows.service.id);
    if (first !== undefined) {
      rejected.push({ line: position, name, message: `service id ${rows.service.id} appears again (first as record ${first})` });
      continue;
    }
    seen.set(rows.service.id, position);
    for (const w of rows.warnings) warnings.push({ line: position, name, message: w });
    if (rows.dropped.length) warnings.push({ line: position, name, message: `not kept by Tsunagu: ${rows.dropped.join(", ")}` });
    // Hashes of what the catalog stores (not of the JSON), so the same content in another HSDS form is unchanged.
    const { warnings: _w, dropped: _d, organization: orgRow, organizationPhones, ...service } = rows;
    planned.push({ position, rows, hash: contentHash(service), organizationHash: contentHash({ orgRow, organizationPhones }) });
  }

  const report = newReport({ file: basename(path), format: input.format, sources: [source], rows: input.records.length, rejected, warnings, dryRun: Boolean(opts.dryRun) });
  report.applied = await inOneTransaction(db, opts.dryRun, (trx) => apply(trx, planned, source, opts.status ?? "published", report));
  report.elapsedMs = performance.now() - started;
  return report;
}

async function apply(trx: Kysely<Database>, planned: { position: number; rows: ServiceRows; hash: string; organizationHash: string }[], source: string, status: VerificationStatus, report: ImportReport) {
  const serviceIds = planned.map((p) => p.rows.service.id);
  const orgIds = [...new Set(planned.map((p) => p.rows.organization.id))];
  const existingServices = new Map<string, { source: string | null; source_hash: string | null }>();
  const existingOrgs = new Map<string, { source: string | null; source_hash: string | null }>();
  for (let i = 0; i < serviceIds.length; i += 1000) {
    for (const r of await trx.selectFrom("service").select(["id", "source", "source_hash"]).where("id", "in", serviceIds.slice(i, i + 1000)).execute()) existingServices.set(r.id, r);
  }
  for (let i = 0; i < orgIds.length; i += 1000) {
    for (const r of await trx.selectFrom("organization").select(["id", "source", "source_hash"]).where("id", "in", orgIds.slice(i, i + 1000)).execute()) existingOrgs.set(r.id, r);
  }

  const keepOrganizations = new Set<string>();
  const orgSeen = new Set<string>();
  for (const p of planned) {
    const id = p.rows.organization.id;
    if (orgSeen.has(id)) continue;
    orgSeen.add(id);
    const row = existingOrgs.get(id);
    if (!row) report.organizations.created++;
    else if (row.source !== source || row.source_hash === p.organizationHash) {
      keepOrganizations.add(id);
      report.organizations.unchanged++;
      if (row.source !== source) report.warnings.push({ line: p.position, name: p.rows.organization.name, message: `organization ${id} is already in the catalog from another source; left as it is` });
    } else report.organizations.updated++;
  }

  const toWrite = planned.filter((p) => {
    const row = existingServices.get(p.rows.service.id);
    if (row && row.source !== source) {
      report.rejected.push({ line: p.position, name: p.rows.service.name, message: `service ${p.rows.service.id} is already in the catalog from another source (${row.source ?? "entered in Tsunagu"})` });
      return false;
    }
    if (row && row.source_hash === p.hash) {
      report.services.unchanged++;
      return false;
    }
    report.changes.push({ action: row ? "update" : "create", line: p.position, name: p.rows.service.name });
    if (row) report.services.updated++;
    else report.services.created++;
    return true;
  });

  const changedOrgs = new Set<string>();
  for (let i = 0; i < toWrite.length; i += BATCH) {
    const result = await writeServiceBatch(trx, { items: toWrite.slice(i, i + BATCH), source, verification: { status }, keepOrganizations });
    for (const id of result.organizationsChanged) changedOrgs.add(id);
  }
  const inFile = new Set(serviceIds);
  report.vanished = (await trx.selectFrom("service").select(["id", "source_id", "name"]).where("source", "=", source).orderBy("name").execute())
    .filter((r) => !inFile.has(r.id))
    .map((r) => ({ serviceId: r.id, sourceId: r.source_id ?? r.id, name: r.name }));
  const created = new Set(report.changes.filter((c) => c.action === "create").map((c) => c.line));
  await recordAuditMany(trx, null, [
    ...toWrite.map((p) => ({
      action: created.has(p.position) ? "service.import" : "service.reimport",
      entityType: "service",
      entityId: p.rows.service.id,
      after: { source, sourceId: p.rows.service.id, record: p.position, name: p.rows.service.name },
      organizationId: p.rows.organization.id,
    })),
    ...[...changedOrgs].map((id) => ({ action: "organization.import", entityType: "organization", entityId: id, organizationId: id })),
  ]);
  await enqueueServiceChanges(trx, toWrite.map((p) => p.rows.service.id));
  await enqueueOrganizationChanges(trx, [...changedOrgs]);
}
