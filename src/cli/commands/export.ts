import { createWriteStream } from "node:fs";
import { Command, Option } from "commander";
import type { VerificationStatus } from "../../db/database.js";
import { normalizeMunicipalityCode } from "../../domain/municipality-code.js";
import { KIND_CODES, isKindCode } from "../../domain/taxonomy.js";
import { writeCatalogCsv } from "../../exporters/csv-export.js";
import { InvalidHsdsError, exportHsds } from "../../exporters/hsds-export.js";
import { CliError, EXIT, usingDatabase, withDatabaseOptions } from "../context.js";
import { type Progress, startProgress } from "../progress.js";

/** `tsunagu export hsds --out DIR`, `tsunagu export csv [--out FILE]`. */
export function exportCommand(): Command {
  return new Command("export").description("export the catalog").addCommand(hsdsCommand()).addCommand(csvCommand());
}

function hsdsCommand(): Command {
  return withDatabaseOptions(new Command("hsds"))
    .description("write the published catalog as Open Referral HSDS 3.0: JSON files and the tabular data package (CSV)")
    .requiredOption("--out <dir>", "folder to write into (created if missing; files in it are replaced)")
    .option("--municipality <code>", "only services located in this municipality (全国地方公共団体コード)")
    .option("--no-tabular", "skip the tabular data package (tabular/*.csv)")
    .option("--no-validate", "skip checking every record against the HSDS schemas (faster)")
    .action(async (opts: { out: string; municipality?: string; tabular: boolean; validate: boolean; databaseUrl?: string; dataDir?: string }) => {
      const municipality = opts.municipality === undefined ? undefined : municipalityOption(opts.municipality);
      await usingDatabase(opts, async ({ db }) => {
        let progress: Progress | undefined;
        const result = await exportHsds(db, opts.out, {
          municipality,
          tabular: opts.tabular,
          validate: opts.validate,
          onProgress: (done, total) => {
            progress ??= startProgress("exporting", total);
            progress.update(done);
          },
        }).catch((err) => {
          if (err instanceof InvalidHsdsError) throw new CliError(err.message);
          throw err;
        });
        progress?.stop();
        console.log(`wrote ${result.services} services of ${result.organizations} organizations to ${opts.out}: ${result.files.length} files`);
      });
    });
}

function csvCommand(): Command {
  return withDatabaseOptions(new Command("csv"))
    .description("write the catalog as a CSV for staff (UTF-8 with BOM, CRLF: opens in Excel)")
    .option("--out <file>", "file to write (default: standard output)")
    .option("--municipality <code...>", "only services in, or of organizations serving, these municipalities")
    .option("--kind <code...>", `only these kinds (${KIND_CODES.join(", ")})`)
    .option("--q <text>", "only services whose name, reading or description contains this text")
    .addOption(new Option("--status <status>", "verification status to include").choices(["published", "pending", "rejected", "all"]).default("all"))
    .action(async (opts: { out?: string; municipality?: string[]; kind?: string[]; q?: string; status: VerificationStatus | "all"; databaseUrl?: string; dataDir?: string }) => {
      const municipalityCodes = opts.municipality?.map(municipalityOption);
      for (const k of opts.kind ?? []) if (!isKindCode(k)) throw new CliError(`--kind must be one of ${KIND_CODES.join(", ")}; got "${k}"`, EXIT.usage);
      await usingDatabase(opts, async ({ db }) => {
        const stream = opts.out ? createWriteStream(opts.out) : process.stdout;
        const rows = await writeCatalogCsv(db, { municipalityCodes, kinds: opts.kind, q: opts.q, statuses: opts.status === "all" ? undefined : [opts.status] }, (chunk) =>
          stream.write(chunk) ? undefined : new Promise<void>((resolve) => stream.once("drain", () => resolve())),
        );
        if (opts.out) {
          await new Promise<void>((resolve, reject) => {
            stream.once("error", reject);
            stream.end(() => resolve());
          });
          console.error(`wrote ${rows} rows to ${opts.out}`);
        }
      });
    });
}

function municipalityOption(value: string): string {
  const code = normalizeMunicipalityCode(value);
  if (!code) throw new CliError(`--municipality must be a 全国地方公共団体コード (5 or 6 digits), got "${value}"`, EXIT.usage);
  return code;
}
