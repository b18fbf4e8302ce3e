import type { Kysely } from "kysely";
import type { Database, VerificationStatus } from "../../db/database.js";
import type { KindCode } from "../../domain/taxonomy.js";
import { inOneTransaction, contentHash } from "../transaction.js";
import { type ImportReport, type RowIssue, newReport } from "../report.js";
import { type PlannedOrganization, type PlannedService, applyPlan } from "./apply.js";
import { LAYOUT_LABEL } from "./columns.js";
import { ENCODING_LABEL } from "./decode.js";
import { BUILT_IN_KIND_MAP, type KindMap } from "./kind-map.js";
import { type MappedRow, mapRow } from "./map-row.js";
import { type OpenDataFile, readOpenDataFile } from "./read-file.js";

/**
 * `tsunagu import opendata FILE`: read, map every row, then write everything in one transaction
 * (rolled back again for a dry run). Rows that cannot be imported are reported with their line
 * and reason and do not stop the others, unless `strict` is set, in which case nothing is written.
 */
export interface OpenDataImportOptions {
  /** Shown in the report. */
  fileName: string;
  /** Normalised 全国地方公共団体コード of the publisher for rows without one. */
  municipality?: string;
  kind?: KindCode;
  kindMap?: KindMap;
  /** Defaults to the layout (`preschool`, `kodomo-shokudo`). */
  dataset?: string;
  /** Verification status of new records; default `published` (the municipality published them). */
  status?: VerificationStatus;
  dryRun?: boolean;
  strict?: boolean;
  onProgress?: (event: { phase: "map" | "write"; done: number; total: number }) => void;
}


/** `input` is the file's bytes, or the file already read (the CLI reads it before opening the database). */
export async function importOpenData(db: Kysely<Database>, input: Uint8Array | OpenDataFile, opts: OpenDataImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const file = input instanceof Uint8Array ? readOpenDataFile(input) : input;
  const ctx = {
    layout: file.header.layout,
    defaultMunicipality: opts.municipality,
    kind: opts.kind,
    kindMap: opts.kindMap ?? BUILT_IN_KIND_MAP,
    dataset: opts.dataset ?? file.header.layout,
  };

  const rejected: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const toPin: RowIssue[] = [];
  const mapped: MappedRow[] = [];
  const firstLine = new Map<string, number>();
  file.rows.forEach(({ line, cells }, i) => {
    const result = mapRow(cells, line, ctx);
    if (i % 5000 === 0) opts.onProgress?.({ phase: "map", done: i, total: file.rows.length });
    if (!result.ok) {
      rejected.push({ line: result.line, name: result.name, message: result.reason });
      return;
    }
    const { row } = result;
    const k = `${row.source}\u0000${row.sourceId}`;
    const first = firstLine.get(k);
    if (first !== undefined) {
      rejected.push({ line, name: row.service.name, message: `ID 「${row.sourceId}」 appears again (first on line ${first})` });
      return;
    }
    firstLine.set(k, line);
    mapped.push(row);
    for (const w of row.warnings) warnings.push({ line, name: row.service.name, message: w });
    if (row.pin) toPin.push({ line, name: row.service.name, message: row.pin });
  });

  const { orgs, services } = plan(mapped);
  const report = newReport({
    file: opts.fileName,
    format: LAYOUT_LABEL[file.header.layout],
    encoding: ENCODING_LABEL[file.encoding] + (file.delimiter === "\t" ? ", tab-separated" : ""),
    sources: [...new Set(services.map((s) => s.source))],
    rows: file.rows.length,
    blankRows: file.blankRows,
    unusedColumns: file.header.unknown,
    rejected,
    warnings,
    toPin,
    dryRun: Boolean(opts.dryRun),
  });

  if (opts.strict && rejected.length) return { ...report, elapsedMs: performance.now() - started };

  report.applied = await inOneTransaction(db, opts.dryRun, async (trx) => {
    const result = await applyPlan(trx, orgs, services, {
      status: opts.status ?? "published",
      onProgress: (done) => opts.onProgress?.({ phase: "write", done, total: services.length }),
    });
    Object.assign(report, result);
  });
  report.elapsedMs = performance.now() - started;
  return report;
}

/** Organizations once each (by source key), services with their content hashes. */
function plan(rows: MappedRow[]): { orgs: PlannedOrganization[]; services: PlannedService[] } {
  const orgs = new Map<string, PlannedOrganization>();
  const services: PlannedService[] = [];
  for (const row of rows) {
    const o = row.organization;
    const k = `${o.source}\u0000${o.sourceId}`;
    const existing = orgs.get(k);
    if (existing) {
      existing.draft.municipalityCodes = [...new Set([...existing.draft.municipalityCodes, ...o.draft.municipalityCodes])];
    } else {
      // The municipalities served are left out of the hash: they only ever grow (apply.ts).
      const { municipalityCodes: _, ...content } = o.draft;
      orgs.set(k, { source: o.source, sourceId: o.sourceId, hash: contentHash(content), draft: { ...o.draft, municipalityCodes: [...o.draft.municipalityCodes] } });
    }
    services.push({
      line: row.line,
      source: row.source,
      sourceId: row.sourceId,
      hash: contentHash({ service: row.service, organization: k }),
      draft: row.service,
      organization: { source: o.source, sourceId: o.sourceId },
    });
  }
  return { orgs: [...orgs.values()], services };
}
