import type { Kysely } from "kysely";
import type { Actor } from "../audit/record.js";
import type { Config } from "../config.js";
import type { Database } from "../db/database.js";
import type { DbKind } from "../db/create-db.js";
import type { Logger } from "../log.js";

/** Everything a request handler may use, built once by the entry point (server, worker, test). */
export interface AppDeps {
  db: Kysely<Database>;
  dbKind: DbKind;
  config: Config;
  log: Logger;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    deps: AppDeps;
    /** Set by the authentication middleware when the request carries a valid session or token. */
    actor?: Actor;
  };
}
