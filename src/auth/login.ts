import type { Kysely } from "kysely";
import type { Config } from "../config.js";
import type { Database } from "../db/database.js";
import { TooManyRequestsError, UnauthenticatedError } from "../domain/errors.js";
import { hashPassword, verifyPassword } from "./password.js";
import { type NewSession, createSession } from "./session.js";
import { type ThrottleRule, clear, forget, hit, isOver } from "./throttle.js";

/**
 * Sign-in: throttled per account and per client address, the same answer for an unknown e-mail
 * and a wrong password (and the same scrypt work, so timing tells nothing either), then a session.
 */
export interface LoginRules {
  account: ThrottleRule;
  address: ThrottleRule;
}

export function loginRules(config: Pick<Config, "TSUNAGU_LOGIN_MAX_FAILURES" | "TSUNAGU_LOGIN_MAX_FAILURES_PER_ADDRESS" | "TSUNAGU_LOGIN_WINDOW_MINUTES">): LoginRules {
  const windowMs = config.TSUNAGU_LOGIN_WINDOW_MINUTES * 60_000;
  return {
    account: { bucket: "login:account", limit: config.TSUNAGU_LOGIN_MAX_FAILURES, windowMs },
    address: { bucket: "login:address", limit: config.TSUNAGU_LOGIN_MAX_FAILURES_PER_ADDRESS, windowMs },
  };
}

export interface LoginDeps {
  db: Kysely<Database>;
  rules: LoginRules;
  sessionHours: number;
}

export interface SignedInUser {
  id: string;
  role: "staff" | "center_admin" | "partner";
  email: string;
  displayName: string;
  centerId: string | null;
  organizationId: string | null;
}

const WRONG = "the e-mail address or the password is wrong";
let dummyHash: Promise<string> | undefined;

export async function login(
  deps: LoginDeps,
  input: { email: string; password: string; address: string },
): Promise<{ session: NewSession; user: SignedInUser }> {
  const email = input.email.trim().toLowerCase();
  const account = await hit(deps.db, deps.rules.account, email);
  const address = await hit(deps.db, deps.rules.address, input.address);
  const over = [isOver(deps.rules.account, account) && account, isOver(deps.rules.address, address) && address].filter((h) => h !== false);
  if (over.length) {
    // A refused attempt is not counted, so a lock ends when the window has passed.
    await forget(deps.db, [account.id, address.id]);
    throw new TooManyRequestsError("too many failed sign-ins; try again later", Math.max(...over.map((h) => h.retryAfterSeconds)));
  }

  const user = await deps.db
    .selectFrom("app_user")
    .select(["id", "role", "email", "display_name", "center_id", "organization_id", "password_hash"])
    .where("email", "=", email)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await (dummyHash ??= hashPassword("not a password of anyone"))));
  if (!user || !ok) throw new UnauthenticatedError(WRONG);

  await clear(deps.db, deps.rules.account, email);
  await forget(deps.db, [address.id]);
  const session = await createSession(deps.db, user.id, deps.sessionHours);
  return {
    session,
    user: {
      id: user.id,
      role: user.role,
      email: user.email,
      displayName: user.display_name,
      centerId: user.center_id,
      organizationId: user.organization_id,
    },
  };
}
