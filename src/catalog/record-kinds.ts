import type { Kysely } from "kysely";
import type { Database, RevisionEntity } from "../db/database.js";
import { ValidationError } from "../domain/errors.js";
import { enqueueOrganizationChanges, enqueueServiceChanges } from "../outbox/enqueue.js";
import type { OrganizationDraft, ServiceDraft } from "./draft.js";
import { type OrganizationPatch, type ServicePatch, applyOrganizationPatch, applyServicePatch } from "./patch.js";
import { type RecordState, organizationState, serviceState } from "./records.js";
import { type OrganizationFacts, findOrganizationFacts, findServiceFacts } from "./tenancy.js";
import { replaceOrganization, replaceService } from "./writer.js";

/**
 * The two kinds of catalog record a partner edits and staff review, behind one interface, so
 * editing, confirming and reviewing are written once (`curation.ts`) for both.
 */
export interface RecordKind<D, P> {
  entity: RevisionEntity;
  facts(db: Kysely<Database>, id: string): Promise<OrganizationFacts | undefined>;
  state(db: Kysely<Database>, id: string): Promise<RecordState<D>>;
  applyPatch(base: D, patch: P): D;
  /** Checks a draft against the database (beyond its schema) before it is written or submitted. */
  check(db: Kysely<Database>, draft: D): Promise<void>;
  replace(db: Kysely<Database>, id: string, draft: D, now: Date): Promise<void>;
  /** Tells the search index (through the outbox) that the record changed. */
  enqueue(db: Kysely<Database>, id: string): Promise<void>;
}

export const SERVICE: RecordKind<ServiceDraft, ServicePatch> = {
  entity: "service",
  facts: findServiceFacts,
  state: async (db, id) => (await serviceState(db, id)).state,
  applyPatch: applyServicePatch,
  check: async () => {},
  replace: replaceService,
  enqueue: (db, id) => enqueueServiceChanges(db, [id]),
};

export const ORGANIZATION: RecordKind<OrganizationDraft, OrganizationPatch> = {
  entity: "organization",
  facts: findOrganizationFacts,
  state: async (db, id) => (await organizationState(db, id)).state,
  applyPatch: applyOrganizationPatch,
  check: (db, draft) => assertServedByACenter(db, draft.municipalityCodes, "municipalityCodes"),
  replace: replaceOrganization,
  enqueue: (db, id) => enqueueOrganizationChanges(db, [id]),
};

/** An organization must serve at least one municipality whose center uses Tsunagu: someone has to review it. */
export async function assertServedByACenter(db: Kysely<Database>, codes: readonly string[], path: string): Promise<void> {
  const found = await db.selectFrom("center").select("id").where("municipality_code", "in", [...codes]).executeTakeFirst();
  if (!found) {
    throw new ValidationError([{ path, message: "none of these municipalities has a こども家庭センター on Tsunagu to review your listing" }]);
  }
}
