import { createRoute, z } from "@hono/zod-openapi";
import { login, loginRules } from "../../auth/login.js";
import { revokeSession } from "../../auth/session.js";
import { changePassword } from "../../auth/users.js";
import { clientAddress } from "../client-address.js";
import { clearSessionCookie, setSessionCookie } from "../middleware/auth.js";
import { createRouter } from "../router.js";
import { authProblems, jsonBody, jsonContent, signedInRoute, signedInSecurity } from "../schemas/signed-in.js";
import { principalOf } from "../use-case-deps.js";

/**
 * Sign-in and sign-out. Login answers with a bearer token (API clients) and sets an HttpOnly,
 * SameSite=Lax session cookie (the web app); both belong to one session, which logout revokes.
 * Neither the password nor the token is ever logged.
 */
const userSchema = z
  .object({
    id: z.string().uuid(),
    role: z.enum(["staff", "center_admin", "partner"]),
    centerId: z.string().uuid().optional(),
    organizationId: z.string().uuid().optional(),
    email: z.string(),
    displayName: z.string(),
  })
  .openapi("SignedInUser");

const loginBody = z
  .object({
    email: z.string().trim().min(3).max(200).openapi({ example: "staff1@example.jp" }),
    password: z.string().min(1).max(1000).openapi({ example: "tsunagu-demo" }),
  })
  .strict()
  .openapi("Login");

const userView = (u: { id: string; role: "staff" | "center_admin" | "partner"; email: string; displayName: string; centerId: string | null; organizationId: string | null }) => ({
  id: u.id,
  role: u.role,
  ...(u.centerId ? { centerId: u.centerId } : {}),
  ...(u.organizationId ? { organizationId: u.organizationId } : {}),
  email: u.email,
  displayName: u.displayName,
});

export const authRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/auth/login",
      tags: ["auth"],
      summary: "Sign in: a bearer token in the body and a session cookie",
      description: "Throttled per account and per client address (429 with Retry-After). A wrong e-mail and a wrong password get the same 401.",
      request: { body: jsonBody(loginBody) },
      responses: {
        200: jsonContent(z.object({ token: z.string(), expiresAt: z.string(), user: userSchema }).openapi("LoginResult"), "Signed in"),
        400: authProblems[400],
        401: authProblems[401],
        429: authProblems[429],
      },
    }),
    async (c) => {
      const { db, config } = c.get("deps");
      const body = c.req.valid("json");
      const { session, user } = await login(
        { db, rules: loginRules(config), sessionHours: config.TSUNAGU_SESSION_HOURS },
        { email: body.email, password: body.password, address: clientAddress(c) },
      );
      setSessionCookie(c, session);
      c.header("cache-control", "no-store");
      return c.json({ token: session.token, expiresAt: session.expiresAt.toISOString(), user: userView(user) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/auth/logout",
      tags: ["auth"],
      summary: "Sign out: revokes the session (its token and its cookie) and clears the cookie",
      security: signedInSecurity,
      responses: { 204: { description: "Signed out (also when there was no session)" } },
    }),
    async (c) => {
      const principal = c.get("principal");
      if (principal?.sessionId) await revokeSession(c.get("deps").db, principal.sessionId);
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/auth/me",
      tags: ["auth"],
      summary: "The signed-in user",
      ...signedInRoute,
      responses: { 200: jsonContent(z.object({ user: userSchema }), "The user"), 401: authProblems[401] },
    }),
    (c) => {
      const p = principalOf(c);
      return c.json({ user: userView({ ...p, id: p.userId }) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/auth/password",
      tags: ["auth"],
      summary: "Change your password; every other session of yours ends",
      ...signedInRoute,
      request: {
        body: jsonBody(z.object({ currentPassword: z.string().min(1).max(1000), newPassword: z.string().min(1).max(1000) }).strict().openapi("PasswordChange")),
      },
      responses: { 204: { description: "Changed" }, 400: authProblems[400], 401: authProblems[401], 429: authProblems[429] },
    }),
    async (c) => {
      const p = principalOf(c);
      const { db, config } = c.get("deps");
      await changePassword({ db, accountRule: loginRules(config).account, requestId: c.get("requestId") }, p, c.req.valid("json"));
      return c.body(null, 204);
    },
  );
