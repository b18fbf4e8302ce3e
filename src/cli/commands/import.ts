import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { Command, Option } from "commander";
import { ZodError } from "zod";
import { normalizeMunicipalityCode } from "../../domain/municipality-code.js";
import { KIND_CODES, type KindCode, isKindCode } from "../../domain/taxonomy.js";
import { importHsds } from "../../importers/hsds/import-hsds.js";
import { HsdsInputError } from "../../importers/hsds/read-input.js";
import { UnknownLayoutError } from "../../importers/opendata/columns.js";
import { UnreadableFileError } from "../../importers/opendata/decode.js";
import { importOpenData } from "../../importers/opendata/import-opendata.js";
import { readOpenDataFile } from "../../importers/opendata/read-file.js";
import { type KindMap, extendKindMap } from "../../importers/opendata/kind-map.js";
import { type ImportReport, formatImportReport } from "../../importers/report.js";
import { CliError, EXIT, usingDatabase, withDatabaseOptions } from "../context.js";
import { type Progress, startProgress } from "../progress.js";

/** `tsunagu import opendata FILE`, `tsunagu import hsds PATH`. */
export function importCommand(): Command {
  return new Command("import")
    .description("import records into the catalog (re-importing the same source updates in place)")
    .addCommand(openDataCommand())
    .addCommand(hsdsCommand());
}

interface CommonOptions {
  dryRun?: boolean;
  json?: boolean;
  databaseUrl?: string;
  dataDir?: string;
}

const withImportOptions = (command: Command) =>
  withDatabaseOptions(command)
    .option("--dry-run", "show what would change and write nothing")
    .option("--json", "print the report as JSON (every row, no truncated lists)")
    .addOption(new Option("--status <status>", "verification status of new records").choices(["published", "pending"]).default("published"));

function openDataCommand(): Command {
  return withImportOptions(new Command("opendata"))
    .description("import a municipal open-data CSV: 子育て施設一覧 (standard layout) or a こども食堂 list (むすびえ format)")
    .argument("<file>", "the CSV file (UTF-8 with or without BOM, Shift_JIS/CP932 or UTF-16)")
    .option("--municipality <code>", "全国地方公共団体コード of the publisher, for files without that column")
    .option("--kind <code>", `resource kind of every row, for lists without 種別 (one of: ${KIND_CODES.join(", ")})`)
    .option("--kind-map <file>", "JSON file of extra 種別 → kind rules, tried before the built-in ones")
    .option("--dataset <name>", "name of this list within its publisher (default: preschool or kodomo-shokudo); give one per list")
    .option("--strict", "write nothing when any row is rejected")
    .action(async (file: string, opts: CommonOptions & { municipality?: string; kind?: string; kindMap?: string; dataset?: string; strict?: boolean; status: "published" | "pending" }) => {
      const municipality = opts.municipality === undefined ? undefined : parseMunicipality(opts.municipality);
      const kind = opts.kind === undefined ? undefined : parseKind(opts.kind);
      const kindMap = opts.kindMap === undefined ? undefined : await readKindMap(opts.kindMap);
      if (opts.dataset !== undefined && !/^[a-z0-9][a-z0-9-]{0,39}$/.test(opts.dataset)) {
        throw new CliError(`--dataset must be lower-case letters, digits and hyphens, got "${opts.dataset}"`, EXIT.usage);
      }
      // Read and check the file before opening the database, so a wrong file fails at once.
      const parsed = readCsv(await readInput(file));
      await usingDatabase(opts, async ({ db }) => {
        let progress: Progress | undefined;
        const report = await importOpenData(db, parsed, {
          fileName: basename(file),
          municipality,
          kind,
          kindMap,
          dataset: opts.dataset,
          status: opts.status,
          dryRun: opts.dryRun,
          strict: opts.strict,
          onProgress: ({ phase, done, total }) => {
            if (phase !== "write") return;
            progress ??= startProgress("writing", total);
            progress.update(done);
          },
        });
        progress?.stop();
        printReport(report, opts);
        if (opts.strict && report.rejected.length) process.exitCode = EXIT.error;
      });
    });
}

function hsdsCommand(): Command {
  return withImportOptions(new Command("hsds"))
    .description("import Open Referral HSDS 3 JSON: a service, an organization with services, a page of services, or a `tsunagu export hsds` folder")
    .argument("<path>", "a JSON file, or a folder holding services.json")
    .option("--kind <code>", "resource kind for services without a Tsunagu kind attribute")
    .option("--municipality <code>", "全国地方公共団体コード the imported organizations serve (decides which center reviews them)")
    .option("--source <name>", "name of this source (default: the file or folder name)")
    .action(async (path: string, opts: CommonOptions & { kind?: string; municipality?: string; source?: string; status: "published" | "pending" }) => {
      const kind = opts.kind === undefined ? undefined : parseKind(opts.kind);
      const municipality = opts.municipality === undefined ? undefined : parseMunicipality(opts.municipality);
      await usingDatabase(opts, async ({ db }) => {
        const report = await importHsds(db, path, { kind, municipality, source: opts.source, status: opts.status, dryRun: opts.dryRun }).catch(plainFileErrors);
        printReport(report, opts);
      });
    });
}

function printReport(report: ImportReport, opts: { json?: boolean }) {
  console.log(opts.json ? JSON.stringify(report, null, 2) : formatImportReport(report));
}

function parseMunicipality(value: string): string {
  const code = normalizeMunicipalityCode(value);
  if (!code) throw new CliError(`--municipality must be a 全国地方公共団体コード (5 or 6 digits), got "${value}"`, EXIT.usage);
  return code;
}

function parseKind(value: string): KindCode {
  if (!isKindCode(value)) throw new CliError(`--kind must be one of ${KIND_CODES.join(", ")}; got "${value}"`, EXIT.usage);
  return value;
}

async function readKindMap(path: string): Promise<KindMap> {
  const text = await readInput(path).then((b) => Buffer.from(b).toString("utf8"));
  try {
    return extendKindMap(JSON.parse(text));
  } catch (err) {
    if (err instanceof SyntaxError) throw new CliError(`--kind-map ${path} is not valid JSON: ${err.message}`, EXIT.usage);
    if (err instanceof ZodError) {
      const issues = err.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new CliError(`--kind-map ${path} is not a kind mapping: ${issues}`, EXIT.usage);
    }
    throw err;
  }
}

async function readInput(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CliError(`there is no file ${path}`);
    if (code === "EISDIR") throw new CliError(`${path} is a folder, not a file`);
    throw new CliError(`cannot read ${path}: ${(err as Error).message}`);
  }
}

function readCsv(bytes: Uint8Array) {
  try {
    return readOpenDataFile(bytes);
  } catch (err) {
    return plainFileErrors(err);
  }
}

/** Problems with the file itself are the user's to fix: say so in plain words, without a stack. */
function plainFileErrors(err: unknown): never {
  if (err instanceof UnreadableFileError || err instanceof UnknownLayoutError || err instanceof HsdsInputError) throw new CliError(err.message);
  throw err;
}
