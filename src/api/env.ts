import type { Kysely } from "kysely";
import type { Principal } from "../auth/principal.js";
import type { Credential } from "../auth/session.js";
import type { Config } from "../config.js";
import type { Database } from "../db/database.js";
import type { DbKind } from "../db/create-db.js";
import type { Logger } from "../log.js";
import type { OutboxWorkerStatus } from "../outbox/worker.js";
import type { SearchPort } from "../search/port.js";

/** Everything a request handler may use, built once by the entry point (server, worker, test). */
export interface AppDeps {
  db: Kysely<Database>;
  dbKind: DbKind;
  config: Config;
  log: Logger;
  /** The search index (embedded or Meilisearch); routes see only the port. */
  search: SearchPort;
  /** The outbox worker that keeps `search` in step with the database, when this process runs one. */
  indexer?: { status(): OutboxWorkerStatus };
}

export interface AppEnv {
  Variables: {
    requestId: string;
    deps: AppDeps;
    /** The signed-in user (from the bearer token or the session cookie), or null. */
    principal: Principal | null;
    /** How the principal authenticated: CSRF checks apply to cookie-authenticated writes. */
    credential: Credential | null;
  };
}
