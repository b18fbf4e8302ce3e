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
