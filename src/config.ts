import { z } from "zod";

/**
 * Runtime configuration, read once from the environment and checked at start-up,
 * so a typo in a variable fails loudly instead of silently falling back.
 */
const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** PostgreSQL connection string; when absent, the embedded PGlite database is used. */
  DATABASE_URL: z.string().url().optional(),
  /** Where PGlite keeps its files; `memory://` keeps everything in memory. */
  TSUNAGU_DATA_DIR: z.string().min(1).default("./data"),
  /** `demo` loads the demo city into an empty database at start; `none` starts empty. */
  TSUNAGU_SEED: z.enum(["demo", "none"]).default("demo"),
  MEILISEARCH_URL: z.string().url().optional(),
  MEILISEARCH_KEY: z.string().optional(),
  /** Public base URL used in links (notifications, HSDS `openapi_url`). */
  TSUNAGU_PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  /** SMTP connection URL for notifications (`smtp://user:pass@host:587`); without it they are logged. */
  SMTP_URL: z.string().url().optional(),
  TSUNAGU_MAIL_FROM: z.string().min(3).default("Tsunagu <no-reply@tsunagu.invalid>"),
  /** Days a partner has to respond to a referral before it is flagged overdue. */
  TSUNAGU_REFERRAL_RESPONSE_DAYS: z.coerce.number().int().min(1).max(90).default(5),
  /** Largest accepted request body, in bytes. */
  TSUNAGU_MAX_BODY_BYTES: z.coerce.number().int().positive().default(256 * 1024),
  /**
   * Memory for answers to repeated public searches, MiB (0: off). Only with the embedded engine:
   * an answer is dropped as soon as the index changes.
   */
  TSUNAGU_SEARCH_CACHE_MIB: z.coerce.number().int().min(0).max(4096).default(32),
  /**
   * The embedded engine on a thread of its own (`thread`), so that searching uses a second core
   * while the main thread serves requests, or in the main thread (`inline`).
   */
  TSUNAGU_SEARCH_THREAD: z.enum(["thread", "inline"]).default("thread"),
  /** Hours a sign-in (cookie and bearer token) stays valid. */
  TSUNAGU_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** Behind a reverse proxy: take the client address from the last X-Forwarded-For entry. */
  TSUNAGU_TRUST_PROXY: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  /** Failed sign-ins per account, and per client address, within the window before 429. */
  TSUNAGU_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  TSUNAGU_LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  TSUNAGU_LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Anonymous problem reports, and partner sign-ups, per client address per hour. */
  TSUNAGU_REPORTS_PER_HOUR: z.coerce.number().int().min(1).default(10),
  TSUNAGU_REGISTRATIONS_PER_HOUR: z.coerce.number().int().min(1).default(5),
  /** A published record not verified for this many months is flagged stale for staff. */
  TSUNAGU_VERIFICATION_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
  /**
   * Optional raster tiles under the web map, e.g. 地理院タイル
   * `https://cyberjapandata.gsi.go.jp/xyz/std/{z}/{x}/{y}.png`. Off by default: the map then uses
   * its offline basemap and the browser makes no third-party request.
   */
  TSUNAGU_MAP_TILE_URL: z
    .string()
    .regex(/^https:\/\/[^/]+\/.*\{z\}.*\{x\}.*\{y\}/, "must be an https URL template with {z}, {x} and {y}")
    .optional(),
  /** Attribution shown for the tiles (required by most providers: 「地理院タイル」 for GSI). */
  TSUNAGU_MAP_TILE_ATTRIBUTION: z.string().default(""),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== "")),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
