/**
 * What an import did (or, with --dry-run, would do): counts, every rejected row with its line
 * and reason, warnings, rows placed approximately (to be pinned by staff), and records that
 * vanished from the source (reported, never deleted).
 */
export interface RowIssue {
  /** Line in the file where the row starts (1 is the header), or the record's position in a JSON file. */
  line: number;
  name?: string;
  message: string;
}

export interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport {
  file: string;
  /** The layout or format recognised, in words. */
  format: string;
  encoding?: string;
  /** The source keys records were matched by (`opendata:112038:preschool`). */
  sources: string[];
  /** Data rows read (blank rows not counted). */
  rows: number;
  blankRows: number;
  /** Columns of the file that nothing reads. */
  unusedColumns: string[];
  services: Counts;
  organizations: Counts;
  changes: { action: "create" | "update"; line: number; name: string }[];
  rejected: RowIssue[];
  warnings: RowIssue[];
  /** Rows placed at a municipality's point for want of coordinates. */
  toPin: RowIssue[];
  vanished: { serviceId: string; sourceId: string; name: string }[];
  dryRun: boolean;
  /** False after a dry run, or when --strict refused a file with rejected rows. */
  applied: boolean;
  elapsedMs: number;
}

export function emptyCounts(): Counts {
  return { created: 0, updated: 0, unchanged: 0 };
}

/** A report with nothing counted yet: what the file is, and what reading it found. */
export function newReport(
  head: Pick<ImportReport, "file" | "format" | "sources" | "rows" | "dryRun" | "rejected" | "warnings"> & Partial<Pick<ImportReport, "encoding" | "blankRows" | "unusedColumns" | "toPin">>,
): ImportReport {
  return {
    blankRows: 0,
    unusedColumns: [],
    toPin: [],
    ...head,
    services: emptyCounts(),
    organizations: emptyCounts(),
    changes: [],
    vanished: [],
    applied: false,
    elapsedMs: 0,
  };
}

const LIST_LIMIT = 20;

function list<T>(title: string, items: readonly T[], line: (item: T) => string, all: boolean): string[] {
  if (items.length === 0) return [];
  const shown = all ? items : items.slice(0, LIST_LIMIT);
  const more = items.length - shown.length;
  return [`${title} (${items.length}):`, ...shown.map((i) => `  ${line(i)}`), ...(more > 0 ? [`  … and ${more} more (--json lists them all)`] : [])];
}

const issue = (i: RowIssue) => `line ${i.line}${i.name ? ` ${i.name}` : ""}: ${i.message}`;

/** The report in plain words for a terminal; long lists are cut at 20 unless `all`. */
export function formatImportReport(r: ImportReport, opts: { all?: boolean } = {}): string {
  const all = opts.all ?? false;
  const verb = r.applied ? "" : "would be ";
  const lines = [
    `${r.file}: ${r.format}${r.encoding ? `, ${r.encoding}` : ""}; ${r.rows} rows${r.blankRows ? ` (+${r.blankRows} blank, skipped)` : ""}`,
    `source: ${r.sources.join(", ") || "—"}`,
    ...(r.unusedColumns.length ? [`columns not used: ${r.unusedColumns.join(", ")}`] : []),
    `services: ${r.services.created} ${verb}created, ${r.services.updated} ${verb}updated, ${r.services.unchanged} unchanged`,
    `organizations: ${r.organizations.created} ${verb}created, ${r.organizations.updated} ${verb}updated, ${r.organizations.unchanged} unchanged`,
    ...(r.dryRun ? list("changes", r.changes, (c) => `${c.action} line ${c.line} ${c.name}`, all) : []),
    ...list("rejected rows", r.rejected, issue, all),
    ...list("placed approximately, pin them on the map", r.toPin, issue, all),
    ...list("warnings", r.warnings, issue, all),
    ...list(
      "no longer in the file (kept, not deleted)",
      r.vanished,
      (v) => `${v.name} (ID ${v.sourceId}, service ${v.serviceId})`,
      all,
    ),
  ];
  if (r.dryRun) lines.push("dry run: nothing was written");
  else if (!r.applied) lines.push("nothing was written: --strict refuses a file with rejected rows");
  lines.push(`took ${(r.elapsedMs / 1000).toFixed(1)} s`);
  return lines.join("\n");
}
