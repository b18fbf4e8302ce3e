import type { Kysely } from "kysely";
import type { Database } from "../db/database.js";
import { ValidationError } from "../domain/errors.js";
import { enqueueSynonymChanges } from "../outbox/enqueue.js";
import type { SynonymGroups } from "./port.js";

/**
 * Synonym groups for search: a built-in set for abbreviations and written variants that the
 * taxonomy's kind labels do not cover word for word, plus the groups staff add (table
 * `search_synonym`). A change goes through the outbox, so every index picks it up.
 */
export const BUILT_IN_SYNONYMS: SynonymGroups = [
  ["ファミサポ", "ファミリーサポート", "ファミリー・サポート・センター"],
  ["放デイ", "放課後等デイサービス"],
  ["学童", "学童保育", "放課後児童クラブ"],
  ["児相", "児童相談所"],
  ["保育園", "保育所"],
  ["一時保育", "一時預かり"],
  ["病児保育", "病後児保育"],
  ["児童館", "児童センター"],
  ["子育て支援センター", "子育てひろば", "親子ひろば"],
  ["産前産後", "産前・産後"],
  ["nursery", "daycare"],
  ["kindergarten", "preschool"],
];

export interface SynonymGroup {
  id: string;
  terms: string[];
  note: string | null;
  createdAt: Date;
}

/** Built-in groups, then staff groups, oldest first. */
export async function loadSynonymGroups(db: Kysely<Database>): Promise<SynonymGroups> {
  const rows = await db.selectFrom("search_synonym").select("terms").orderBy("created_at").orderBy("id").execute();
  return [...BUILT_IN_SYNONYMS, ...rows.map((r) => r.terms)];
}

export async function listSynonymGroups(db: Kysely<Database>): Promise<SynonymGroup[]> {
  const rows = await db.selectFrom("search_synonym").selectAll().orderBy("created_at").orderBy("id").execute();
  return rows.map((r) => ({ id: r.id, terms: r.terms, note: r.note, createdAt: r.created_at }));
}

export async function addSynonymGroup(
  db: Kysely<Database>,
  input: { terms: readonly string[]; note?: string; createdBy?: string },
): Promise<SynonymGroup> {
  const terms = [...new Set(input.terms.map((t) => t.normalize("NFKC").trim()).filter(Boolean))];
  if (terms.length < 2 || terms.length > 20) throw new ValidationError([{ path: "terms", message: "give between 2 and 20 different words" }]);
  if (terms.some((t) => t.length > 50)) throw new ValidationError([{ path: "terms", message: "each word may have at most 50 characters" }]);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("search_synonym")
      .values({ terms, note: input.note ?? null, created_by: input.createdBy ?? null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await enqueueSynonymChanges(trx, [row.id]);
    return { id: row.id, terms: row.terms, note: row.note, createdAt: row.created_at };
  });
}

/** Removes a staff group; returns false when there was none with that id. */
export async function removeSynonymGroup(db: Kysely<Database>, id: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const gone = await trx.deleteFrom("search_synonym").where("id", "=", id).executeTakeFirst();
    if (Number(gone.numDeletedRows) === 0) return false;
    await enqueueSynonymChanges(trx, [id]);
    return true;
  });
}
