import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/database.js";

/**
 * The write side of the transactional outbox. Every catalog write calls one of these inside the
 * transaction that changes the rows, so a change reaches the search index if and only if it
 * committed. A row says only *which* aggregate changed: the worker re-reads the current state
 * and upserts or deletes, which makes delivery idempotent and safe to repeat.
 */

export type OutboxTopic = "service.changed" | "organization.changed" | "synonyms.changed" | "referral.notify";

type Executor = Kysely<Database> | Transaction<Database>;

export async function enqueueChanges(trx: Executor, topic: OutboxTopic, aggregateIds: readonly string[]): Promise<void> {
  const unique = [...new Set(aggregateIds)];
  for (let i = 0; i < unique.length; i += 1000) {
    const chunk = unique.slice(i, i + 1000);
    await trx
      .insertInto("outbox")
      .values(chunk.map((id) => ({ topic, aggregate_id: id, payload: null, available_at: new Date() })))
      .execute();
  }
}

/** A service (or its locations, schedule, eligibility …) changed, was published, hidden or deleted. */
export function enqueueServiceChanges(trx: Executor, serviceIds: readonly string[]): Promise<void> {
  return enqueueChanges(trx, "service.changed", serviceIds);
}

/** An organization changed: every one of its services' documents carries its name and status. */
export function enqueueOrganizationChanges(trx: Executor, organizationIds: readonly string[]): Promise<void> {
  return enqueueChanges(trx, "organization.changed", organizationIds);
}

/** Staff added, edited or removed a search synonym group: the worker reloads every group into the index. */
export function enqueueSynonymChanges(trx: Executor, synonymIds: readonly string[]): Promise<void> {
  return enqueueChanges(trx, "synonyms.changed", synonymIds);
}
