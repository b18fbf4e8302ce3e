import type { Command } from "commander";
import { openDatabase } from "../bootstrap.js";
import { loadConfig } from "../config.js";
import { type DbHandle, createDb } from "../db/create-db.js";
import { createLogger } from "../log.js";

export const EXIT = { ok: 0, error: 1, usage: 2 } as const;

/** An error to show the user in plain words (no stack trace), with its exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.error,
  ) {
    super(message);
  }
}

export interface DatabaseOptions {
  databaseUrl?: string;
  dataDir?: string;
}

/** Adds the options every database command shares. */
export function withDatabaseOptions(command: Command): Command {
  return command
    .option("--database-url <url>", "PostgreSQL connection string (default: DATABASE_URL)")
    .option("--data-dir <dir>", "PGlite data directory when no PostgreSQL URL is given (default: TSUNAGU_DATA_DIR or ./data)");
}

/**
 * Opens the database the options name (and migrates it, unless `migrate: false`), runs `fn`,
 * and always closes it.
 */
export async function usingDatabase<T>(opts: DatabaseOptions, fn: (handle: DbHandle) => Promise<T>, { migrate = true } = {}): Promise<T> {
  const env: Record<string, string | undefined> = { ...process.env };
  // An explicit --data-dir means PGlite, even when DATABASE_URL is in the environment.
  if (opts.dataDir && !opts.databaseUrl) delete env.DATABASE_URL;
  const config = loadConfig({
    ...env,
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    ...(opts.dataDir ? { TSUNAGU_DATA_DIR: opts.dataDir } : {}),
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
  });
  const handle = migrate
    ? await openDatabase(config, createLogger(config.LOG_LEVEL))
    : await createDb({ databaseUrl: config.DATABASE_URL, dataDir: config.TSUNAGU_DATA_DIR });
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

/** Parses a positive whole number option, or fails as a usage error naming the option. */
export function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 1) throw new CliError(`${name} must be a positive whole number, got "${value}"`, EXIT.usage);
    return n;
  };
}
