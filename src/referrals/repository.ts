import { type Insertable, type Kysely, type Selectable, type Transaction, sql } from "kysely";
import type { Database, ReferralEventTable, ReferralTable } from "../db/database.js";
import type { ReferralStatus } from "./referral.js";

/**
 * All SQL for referrals. Reads are scoped to who may see them: the sending center, or the
 * receiving organization. Anything else reads as absent.
 */
type Db = Kysely<Database> | Transaction<Database>;
export type ReferralRow = Selectable<ReferralTable> & { service_name: string; organization_name: string; case_ref: string };
export type ReferralEventRow = Selectable<ReferralEventTable>;

/** Whose referrals: the sending center's, or the receiving organization's. */
export type ReferralScope = { centerId: string } | { organizationId: string };

export interface ReferralFilter {
  status?: ReferralStatus;
  planId?: string;
  /** Sent before this and still unanswered (true) or not (false). */
  overdue?: { value: boolean; sentBefore: Date };
  limit: number;
  offset: number;
}

function scoped(db: Db, scope: ReferralScope) {
  const q = db
    .selectFrom("referral as r")
    .innerJoin("service as s", "s.id", "r.service_id")
    .innerJoin("organization as o", "o.id", "r.organization_id")
    .innerJoin("support_plan as p", "p.id", "r.plan_id");
  return "centerId" in scope ? q.where("r.center_id", "=", scope.centerId) : q.where("r.organization_id", "=", scope.organizationId);
}

export async function findReferral(db: Db, scope: ReferralScope, id: string): Promise<ReferralRow | undefined> {
  return scoped(db, scope)
    .selectAll("r")
    .select(["s.name as service_name", "o.name as organization_name", "p.case_ref"])
    .where("r.id", "=", id)
    .executeTakeFirst();
}

export async function lockReferral(trx: Transaction<Database>, scope: ReferralScope, id: string): Promise<ReferralRow | undefined> {
  const locked = await trx.selectFrom("referral").select("id").where("id", "=", id).forUpdate().executeTakeFirst();
  return locked ? findReferral(trx, scope, id) : undefined;
}

export async function listReferrals(db: Db, scope: ReferralScope, filter: ReferralFilter): Promise<{ rows: ReferralRow[]; total: number }> {
  let q = scoped(db, scope);
  if (filter.status) q = q.where("r.status", "=", filter.status);
  if (filter.planId) q = q.where("r.plan_id", "=", filter.planId);
  if (filter.overdue) {
    const { value, sentBefore } = filter.overdue;
    q = q.where((eb) => {
      const late = eb.and([eb("r.status", "=", "sent"), eb("r.created_at", "<", sentBefore)]);
      return value ? late : eb.not(late);
    });
  }
  const [rows, count] = await Promise.all([
    q
      .selectAll("r")
      .select(["s.name as service_name", "o.name as organization_name", "p.case_ref"])
      .orderBy("r.created_at", "desc")
      .orderBy("r.id")
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function findEvents(db: Db, referralIds: readonly string[]): Promise<Map<string, ReferralEventRow[]>> {
  const out = new Map<string, ReferralEventRow[]>();
  if (referralIds.length === 0) return out;
  const rows = await db.selectFrom("referral_event").selectAll().where("referral_id", "in", referralIds).orderBy("id").execute();
  for (const row of rows) {
    const list = out.get(row.referral_id);
    if (list) list.push(row);
    else out.set(row.referral_id, [row]);
  }
  return out;
}

export async function findByIdempotencyKey(db: Db, centerId: string, key: string): Promise<{ id: string; request_hash: string | null } | undefined> {
  return db.selectFrom("referral").select(["id", "request_hash"]).where("center_id", "=", centerId).where("idempotency_key", "=", key).executeTakeFirst();
}

/** `TSN-2026-000042`: short enough to read out on the phone, unique, and meaningless to outsiders. */
export async function nextReference(trx: Db, now: Date): Promise<string> {
  const { rows } = await sql<{ n: string }>`select nextval('referral_reference_seq') as n`.execute(trx);
  return `TSN-${now.getFullYear()}-${String(rows[0]!.n).padStart(6, "0")}`;
}

export async function insertReferral(trx: Db, values: Insertable<ReferralTable>): Promise<string> {
  const { id } = await trx.insertInto("referral").values(values).returning("id").executeTakeFirstOrThrow();
  return id;
}

export async function insertEvent(trx: Db, event: Insertable<ReferralEventTable>): Promise<void> {
  await trx.insertInto("referral_event").values(event).execute();
}

export async function setStatus(trx: Db, id: string, status: ReferralStatus, at: Date, firstResponse: boolean, closing: boolean): Promise<void> {
  await trx
    .updateTable("referral")
    .set({
      status,
      updated_at: at,
      ...(firstResponse ? { responded_at: at } : {}),
      ...(closing ? { closed_at: at } : {}),
    })
    .where("id", "=", id)
    .execute();
}
