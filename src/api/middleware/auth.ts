import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { csrf } from "hono/csrf";
import type { NewSession } from "../../auth/session.js";
import { findPrincipal } from "../../auth/session.js";
import { UnauthenticatedError } from "../../domain/errors.js";
import type { AppEnv } from "../env.js";

/**
 * Authentication for every request: a `Authorization: Bearer` token (API clients) or the
 * HttpOnly session cookie (the web app). Bad or expired credentials make the request anonymous;
 * routes that need a user answer 401 then. Nothing about the credential is logged.
 */
export const SESSION_COOKIE = "tsunagu_session";

export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { db } = c.get("deps");
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "")?.[1];
  const cookie = bearer === undefined ? getCookie(c, SESSION_COOKIE) : undefined;
  const principal = bearer !== undefined ? await findPrincipal(db, bearer, "bearer") : cookie ? await findPrincipal(db, cookie, "cookie") : undefined;
  c.set("principal", principal ?? null);
  c.set("credential", principal ? (bearer !== undefined ? "bearer" : "cookie") : null);
  await next();
};

/**
 * CSRF protection for writes that a browser sends with the session cookie (Hono's `csrf`: for a
 * body a form can send, the Origin or Sec-Fetch-Site must be this site's). Requests without the
 * cookie carry no ambient authority and requests with a bearer token are not sent by a browser on
 * its own, so both pass. Two more layers stand behind it: the cookie is SameSite=Lax, and CORS
 * allows no cross-origin write, so a JSON body cannot be sent cross-site without a preflight.
 */
export function csrfForCookieWrites(publicUrl: string | undefined): MiddlewareHandler<AppEnv> {
  const publicOrigin = publicUrl ? new URL(publicUrl).origin : undefined;
  const check = csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicOrigin });
  return async (c, next) => {
    if (/^Bearer\s/i.test(c.req.header("authorization") ?? "") || getCookie(c, SESSION_COOKIE) === undefined) return next();
    return check(c, next);
  };
}

function isSecure(c: Context<AppEnv>): boolean {
  const publicUrl = c.get("deps").config.TSUNAGU_PUBLIC_URL;
  return new URL(c.req.url).protocol === "https:" || (publicUrl?.startsWith("https:") ?? false);
}

export function setSessionCookie(c: Context<AppEnv>, session: NewSession): void {
  setCookie(c, SESSION_COOKIE, session.cookie, {
    httpOnly: true,
    sameSite: "Lax",
    secure: isSecure(c),
    path: "/",
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: "/", httpOnly: true, sameSite: "Lax", secure: isSecure(c) });
}

/** Runs before a signed-in route validates its input: anonymous requests get 401 whatever they sent. */
export const requireSignIn: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get("principal")) throw new UnauthenticatedError("sign in first");
  await next();
};
