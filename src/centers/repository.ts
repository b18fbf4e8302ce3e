import type { Kysely } from "kysely";
import type { CenterRow, Database } from "../db/database.js";

export async function listCenters(db: Kysely<Database>): Promise<CenterRow[]> {
  return db.selectFrom("center").selectAll().orderBy("municipality_code").execute();
}

export async function findCenterById(db: Kysely<Database>, id: string): Promise<CenterRow | undefined> {
  return db.selectFrom("center").selectAll().where("id", "=", id).executeTakeFirst();
}
