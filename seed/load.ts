import { type Kysely, sql } from "kysely";
import { insertDemoCases } from "./demo/cases.js";
import { insertDemoDesignations } from "./demo/consultation-points.js";
import { hashPassword } from "../src/auth/password.js";
import { type NewOrganization, type NewService, insertOrganizations, insertServices } from "../src/catalog/writer.js";
import type { Database } from "../src/db/database.js";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from "./demo/accounts.js";
import { buildDemoCatalog } from "./demo/catalog.js";
import { DEMO_CENTERS, type DemoCenter } from "./demo/centers.js";
import { inBatches, syntheticChunks, syntheticSource } from "./synthetic/catalog.js";

/**
 * Loads seed data. Preconditions: migrations ran and `syncTaxonomy` ran (services reference
 * taxonomy terms). No audit or outbox rows are written: the search index is built from the
 * database at start.
 */

export type { DemoAccount } from "./demo/accounts.js";
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo/accounts.js";

/** True when there is neither a center nor a service: the state in which `npm start` loads the demo. */
export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ taken: boolean }>`select exists (select 1 from center) or exists (select 1 from service) as taken`.execute(db);
  return !rows[0]?.taken;
}

export interface DemoLoadResult {
  centers: readonly DemoCenter[];
  organizations: number;
  services: number;
  users: readonly DemoAccount[];
}

/**
 * The demo city (川口市 and 戸田市) in one transaction: centers, catalog, accounts. The same ids and
 * names on every load; verification dates are relative to `now` so that "stale" keeps its meaning.
 */
export async function loadDemo(db: Kysely<Database>, options: { now?: Date } = {}): Promise<DemoLoadResult> {
  const catalog = buildDemoCatalog(options.now ?? new Date());
  // scrypt is deliberately slow (~160 ms a hash, ~700 ms for all accounts even in parallel) and
  // the demo password is published anyway: one hash, shared by every demo account, keeps start fast.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("center")
      .values(DEMO_CENTERS.map((c) => ({ id: c.id, municipality_code: c.municipalityCode, municipality_name: c.municipalityName, prefecture: c.prefecture, name: c.name, latitude: c.lat, longitude: c.lng })))
      .execute();
    await insertCatalog(trx, catalog);
    await trx
      .insertInto("app_user")
      .values(
        DEMO_ACCOUNTS.map((a) => ({
          id: a.id,
          email: a.email,
          password_hash: passwordHash,
          role: a.role,
          center_id: a.centerId ?? null,
          organization_id: a.organizationId ?? null,
          display_name: a.displayName,
          profession: a.profession ?? null,
        })),
      )
      .execute();
    await insertDemoCases(trx, options.now ?? new Date());
    await insertDemoDesignations(trx);
  });

  return { centers: DEMO_CENTERS, organizations: catalog.organizations.length, services: catalog.services.length, users: DEMO_ACCOUNTS };
}

export interface SyntheticLoadOptions {
  /** Services to generate (one location each). */
  count: number;
  /** The same seed gives the same catalog; rows carry `source = synthetic:<seed>`. */
  seed?: string;
  /** Services per transaction. */
  batchSize?: number;
  /**
   * Transactions in flight at once. Worth 2–4 on PostgreSQL, whose backends work in parallel;
   * PGlite has one connection, so more than 1 only queues there.
   */
  concurrency?: number;
  now?: Date;
  onProgress?: (progress: SyntheticProgress) => void;
}

export interface SyntheticProgress {
  services: number;
  organizations: number;
  total: number;
  elapsedMs: number;
}

export interface SyntheticLoadResult {
  services: number;
  organizations: number;
  /** Wall time, and the part of it spent generating (the rest is the database). */
  elapsedMs: number;
  generateMs: number;
  servicesPerSecond: number;
}

export class SeedAlreadyLoadedError extends Error {
  override name = "SeedAlreadyLoadedError";
}

/** The synthetic nationwide catalog, for benchmarks: generated and inserted a batch at a time, one transaction each. */
export async function loadSynthetic(db: Kysely<Database>, options: SyntheticLoadOptions): Promise<SyntheticLoadResult> {
  const { count, seed = "1", batchSize = 5000, concurrency = 1, now = new Date(), onProgress } = options;
  const source = syntheticSource(seed);
  const existing = await db.selectFrom("service").select("id").where("source", "=", source).limit(1).executeTakeFirst();
  if (existing) throw new SeedAlreadyLoadedError(`the synthetic catalog with seed ${seed} is already in this database`);

  const started = performance.now();
  let generateMs = 0;
  let services = 0;
  let organizations = 0;
  // Batches run in parallel on PostgreSQL. A foreign key cannot see another transaction's
  // uncommitted rows, so a batch that uses an organization inserted by an earlier batch (a
  // prefecture, a designated city shared by its wards) starts only once that batch committed.
  const insertedBy = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  const batches = inBatches(syntheticChunks({ count, seed, now }), batchSize);
  while (failure === undefined) {
    const t = performance.now();
    const next = batches.next();
    generateMs += performance.now() - t;
    if (next.done) break;
    const batch = next.value;
    const own = new Set(batch.organizations.map((o) => o.id));
    const earlier = new Set(batch.services.filter((s) => !own.has(s.organizationId)).map((s) => insertedBy.get(s.organizationId)));
    const insert: Promise<void> = Promise.all(earlier)
      .then(() => db.transaction().execute((trx) => insertCatalog(trx, batch)))
      .then(
        () => {
          services += batch.services.length;
          organizations += batch.organizations.length;
          onProgress?.({ services, organizations, total: count, elapsedMs: performance.now() - started });
        },
        (error: unknown) => {
          failure ??= error;
        },
      )
      .finally(() => inFlight.delete(insert));
    for (const id of own) if (id) insertedBy.set(id, insert);
    inFlight.add(insert);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure !== undefined) throw failure;
  // Flush the WAL the bulk load produced (over 1 GB for 200k services on PGlite) instead of
  // leaving it for the next start to replay.
  await sql`checkpoint`.execute(db);
  // Fresh statistics, so the planner uses the indexes for the catalog it now holds.
  await sql`analyze`.execute(db);
  const elapsedMs = performance.now() - started;
  return { services, organizations, elapsedMs, generateMs, servicesPerSecond: services / (elapsedMs / 1000) };
}

async function insertCatalog(db: Kysely<Database>, catalog: { organizations: NewOrganization[]; services: NewService[] }) {
  await insertOrganizations(db, catalog.organizations);
  await insertServices(db, catalog.services);
}
