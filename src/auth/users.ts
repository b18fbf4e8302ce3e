import type { Kysely, Transaction } from "kysely";
import { z } from "zod";
import { type Actor, recordAudit } from "../audit/record.js";
import type { Database, UserRole } from "../db/database.js";
import { ConflictError, NotFoundError, TooManyRequestsError, ValidationError } from "../domain/errors.js";
import { passwordProblems } from "./password-rules.js";
import { hashPassword, verifyPassword } from "./password.js";
import type { Principal } from "./principal.js";
import { revokeUserSessions } from "./session.js";
import { type ThrottleRule, clear, forget, hit, isOver } from "./throttle.js";

/**
 * Accounts: creating one (partner sign-up, `tsunagu user add`), changing a password, disabling.
 * A staff member or center admin belongs to one center, a partner to one organization.
 */
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email("must be an e-mail address").max(200));

export const newUserSchema = z
  .object({
    email: emailSchema,
    password: z.string(),
    role: z.enum(["staff", "center_admin", "partner"]),
    centerId: z.string().uuid().optional(),
    organizationId: z.string().uuid().optional(),
    displayName: z.string().trim().min(1).max(100),
    profession: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
  .refine((u) => (u.role === "partner") === (u.organizationId !== undefined), {
    message: "a partner needs an organization, and only a partner has one",
    path: ["organizationId"],
  })
  .refine((u) => (u.role !== "partner") === (u.centerId !== undefined), {
    message: "staff and center admins need a center, and only they have one",
    path: ["centerId"],
  });

export type NewUser = z.infer<typeof newUserSchema>;

type Executor = Kysely<Database> | Transaction<Database>;

/** What the audit keeps of an account: never its password hash. */
export function userAuditShape(u: { id: string; email: string; role: UserRole; centerId?: string | null; organizationId?: string | null; displayName: string }) {
  return { id: u.id, email: u.email, role: u.role, centerId: u.centerId ?? null, organizationId: u.organizationId ?? null, displayName: u.displayName };
}

export function assertPasswordRules(password: string, email: string, path = "password"): void {
  const problems = passwordProblems(password, { email });
  if (problems.length) throw new ValidationError(problems.map((message) => ({ path, message })));
}

/** Checks that an account could be created with this e-mail address and password. */
export async function assertNewAccount(db: Executor, email: string, password: string): Promise<void> {
  assertPasswordRules(password, email);
  const taken = await db.selectFrom("app_user").select("id").where("email", "=", email).executeTakeFirst();
  if (taken) throw new ConflictError("an account with this e-mail address already exists");
}

/**
 * Creates an account inside the caller's transaction, with its audit entry; returns its id.
 * `opts.id` lets a self-registering user be the actor of its own creation.
 */
export async function createUser(trx: Executor, actor: Actor | null, input: NewUser, opts: { id?: string; requestId?: string } = {}): Promise<string> {
  await assertNewAccount(trx, input.email, input.password);
  if (input.centerId && !(await trx.selectFrom("center").select("id").where("id", "=", input.centerId).executeTakeFirst())) {
    throw new ValidationError([{ path: "centerId", message: "is not a center" }]);
  }
  if (input.organizationId && !(await trx.selectFrom("organization").select("id").where("id", "=", input.organizationId).executeTakeFirst())) {
    throw new ValidationError([{ path: "organizationId", message: "is not an organization" }]);
  }
  const { id } = await trx
    .insertInto("app_user")
    .values({
      ...(opts.id ? { id: opts.id } : {}),
      email: input.email,
      password_hash: await hashPassword(input.password),
      role: input.role,
      center_id: input.centerId ?? null,
      organization_id: input.organizationId ?? null,
      display_name: input.displayName,
      profession: input.profession ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor ?? null, {
    action: "user.create",
    entityType: "app_user",
    entityId: id,
    after: userAuditShape({ id, ...input }),
    centerId: input.centerId ?? null,
    organizationId: input.organizationId ?? null,
    requestId: opts.requestId,
  });
  return id;
}

/**
 * Changes the caller's password after checking the current one (attempts count against the
 * account like failed sign-ins); every other session of the user ends.
 */
export async function changePassword(
  deps: { db: Kysely<Database>; accountRule: ThrottleRule; requestId?: string },
  p: Principal,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const attempt = await hit(deps.db, deps.accountRule, p.email);
  if (isOver(deps.accountRule, attempt)) {
    await forget(deps.db, [attempt.id]);
    throw new TooManyRequestsError("too many failed attempts; try again later", attempt.retryAfterSeconds);
  }
  const user = await deps.db.selectFrom("app_user").select("password_hash").where("id", "=", p.userId).executeTakeFirst();
  if (!user) throw new NotFoundError("user");
  if (!(await verifyPassword(input.currentPassword, user.password_hash))) {
    throw new ValidationError([{ path: "currentPassword", message: "is not your current password" }]);
  }
  await clear(deps.db, deps.accountRule, p.email);
  assertPasswordRules(input.newPassword, p.email, "newPassword");
  const hash = await hashPassword(input.newPassword);
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable("app_user").set({ password_hash: hash }).where("id", "=", p.userId).execute();
    await revokeUserSessions(trx, p.userId, { except: p.sessionId ?? undefined });
    await recordAudit(trx, p, { action: "user.password_change", entityType: "app_user", entityId: p.userId, requestId: deps.requestId });
  });
}

/** Disables an account and ends its sessions (the CLI's `tsunagu user disable`). */
export async function disableUser(db: Kysely<Database>, actor: Actor | null, email: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom("app_user").selectAll().where("email", "=", email.trim().toLowerCase()).forUpdate().executeTakeFirst();
    if (!user) throw new NotFoundError("user");
    if (user.disabled_at) return;
    await trx.updateTable("app_user").set({ disabled_at: new Date() }).where("id", "=", user.id).execute();
    await revokeUserSessions(trx, user.id);
    const shape = userAuditShape({ ...user, centerId: user.center_id, organizationId: user.organization_id, displayName: user.display_name });
    await recordAudit(trx, actor, {
      action: "user.disable",
      entityType: "app_user",
      entityId: user.id,
      before: { ...shape, disabled: false },
      after: { ...shape, disabled: true },
      centerId: user.center_id,
      organizationId: user.organization_id,
    });
  });
}
