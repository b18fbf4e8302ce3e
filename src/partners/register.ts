import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { z } from "zod";
import { recordAudit } from "../audit/record.js";
import { type ThrottleRule, consume } from "../auth/throttle.js";
import { assertNewAccount, createUser, emailSchema } from "../auth/users.js";
import { organizationDraftSchema } from "../catalog/draft.js";
import { assertServedByACenter } from "../catalog/record-kinds.js";
import { organizationState, auditShape } from "../catalog/records.js";
import { insertOrganizations } from "../catalog/writer.js";
import type { Database } from "../db/database.js";
import { enqueueOrganizationChanges } from "../outbox/enqueue.js";

/**
 * Partner self-registration (地域資源の開拓): a community group signs up with its organization,
 * which starts `pending` until staff of a center it serves approve it. Sign-ups are rate-limited
 * per client address. The new partner is the actor of its own audit entries.
 */
export const registrationSchema = z
  .object({
    email: emailSchema,
    password: z.string().max(1000),
    /** How the account appears to staff (default: the organization's name). */
    displayName: z.string().trim().min(1).max(100).optional(),
    organization: organizationDraftSchema,
  })
  .strict();

export type Registration = z.infer<typeof registrationSchema>;

export interface RegisterDeps {
  db: Kysely<Database>;
  rule: ThrottleRule;
  requestId?: string;
}

export async function registerPartner(deps: RegisterDeps, input: Registration, clientAddress: string): Promise<{ userId: string; organizationId: string }> {
  await assertServedByACenter(deps.db, input.organization.municipalityCodes, "organization.municipalityCodes");
  await assertNewAccount(deps.db, input.email, input.password);
  // Counted only once the request is sound, so fixing a typo does not use up the allowance.
  await consume(deps.db, deps.rule, clientAddress, "sign-ups");
  const userId = randomUUID();
  return deps.db.transaction().execute(async (trx) => {
    const [organizationId] = await insertOrganizations(trx, [{ draft: input.organization, verification: { status: "pending" } }]);
    const actor = { userId, role: "partner" as const, centerId: null, organizationId: organizationId! };
    await createUser(
      trx,
      actor,
      { email: input.email, password: input.password, role: "partner", organizationId, displayName: input.displayName ?? input.organization.name },
      { id: userId, requestId: deps.requestId },
    );
    const { state } = await organizationState(trx, organizationId!);
    await recordAudit(trx, actor, {
      action: "organization.create",
      entityType: "organization",
      entityId: organizationId!,
      after: auditShape(state),
      requestId: deps.requestId,
    });
    await enqueueOrganizationChanges(trx, [organizationId!]);
    return { userId, organizationId: organizationId! };
  });
}
