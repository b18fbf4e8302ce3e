import type { Context } from "hono";
import type { Actor } from "../audit/record.js";
import { UnauthenticatedError } from "../domain/errors.js";
import type { AppEnv } from "./env.js";

/** The signed-in caller, or 401: every signed-in route starts here. */
export function requireActor(c: Context<AppEnv>): Actor {
  const actor = c.get("actor");
  if (!actor) throw new UnauthenticatedError("sign in first");
  return actor;
}
