import type { PGlite } from "@electric-sql/pglite";
import type { Kysely } from "kysely";
import type { Database } from "./database.js";

export type DbKind = "pglite" | "postgres";

export interface DbHandle {
  db: Kysely<Database>;
  kind: DbKind;
  /** The embedded database itself, when that is what runs (for dumps and snapshots). */
  pglite?: PGlite;
  close(): Promise<void>;
}
