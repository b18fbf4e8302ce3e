import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "../../src/db/create-db.js";
import { createApp } from "../../src/api/app.js";
import { loadConfig } from "../../src/config.js";
import type { Logger } from "../../src/log.js";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemo } from "../../seed/load.js";
import { TEST_DB, createTestDb } from "../support/db.js";
import { FreshSearch } from "../support/search.js";
import { ORIGIN, asBearer, asCookie, call, expectCallProblem, signIn } from "../support/auth.js";
import { capturingLogger } from "../support/log.js";
import { expectProblem } from "../support/problem.js";

describe(`sign-in, sessions and CSRF on ${TEST_DB}`, () => {
  let h: DbHandle;
  let app: ReturnType<typeof createApp>;
  const logLines: string[] = [];
  const staff1 = DEMO_ACCOUNTS.find((a) => a.email === "staff1@example.jp")!;
  const partner1 = DEMO_ACCOUNTS.find((a) => a.email === "partner1@example.jp")!;

  beforeAll(async () => {
    h = await createTestDb();
    await loadDemo(h.db);
    const config = loadConfig({
      TSUNAGU_SEED: "none",
      TSUNAGU_TRUST_PROXY: "true",
      TSUNAGU_LOGIN_MAX_FAILURES: "3",
      TSUNAGU_LOGIN_MAX_FAILURES_PER_ADDRESS: "6",
    });
    app = createApp({ db: h.db, dbKind: h.kind, config, log: capturingLogger(logLines), search: new FreshSearch(h.db) });
  });
  afterAll(() => h.close());

  const login = (email: string, password: string, address = "203.0.113.1") =>
    call(app, "/api/v1/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": `10.0.0.1, ${address}` },
      body: JSON.stringify({ email, password }),
    });

  it("answers a sign-in with a token, the user, and an HttpOnly SameSite=Lax cookie that is not the token", async () => {
    const { res, body } = await login("Staff1@Example.jp", DEMO_PASSWORD);
    expect(res.status).toBe(200);
    expect(body.user).toEqual({ id: staff1.id, role: "staff", centerId: staff1.centerId, email: "staff1@example.jp", displayName: staff1.displayName });
    expect(body.token).toMatch(/^tsn_/);
    expect(JSON.stringify(body)).not.toContain(DEMO_PASSWORD);
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^tsunagu_session=tsn_[^;]+;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toContain(body.token);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("gives a partner its organization, and no center", async () => {
    const { body } = await login("partner1@example.jp", DEMO_PASSWORD);
    expect(body.user).toMatchObject({ role: "partner", organizationId: partner1.organizationId });
    expect(body.user.centerId).toBeUndefined();
  });

  it("answers a wrong password and an unknown e-mail the same way", async () => {
    const wrong = await login("staff2@example.jp", "not-the-password", "203.0.113.2");
    const unknown = await login("nobody@example.jp", "not-the-password", "203.0.113.2");
    expectCallProblem(wrong, 401);
    expect(wrong.res.status).toBe(unknown.res.status);
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it("knows the user by bearer token and by cookie, and nobody without either", async () => {
    const { token, cookie } = await signIn(app, "admin1@example.jp");
    expect((await call(app, "/api/v1/auth/me", asBearer(token))).body.user.role).toBe("center_admin");
    expect((await call(app, "/api/v1/auth/me", asCookie(cookie))).body.user.role).toBe("center_admin");
    await expectProblem(await app.request("/api/v1/auth/me"), 401);
    await expectProblem(await app.request("/api/v1/auth/me", asBearer("tsn_forged")), 401);
    // The cookie's value is not a bearer token, nor the other way round.
    await expectProblem(await app.request("/api/v1/auth/me", asBearer(cookie)), 401);
    await expectProblem(await app.request("/api/v1/auth/me", { headers: { cookie: `tsunagu_session=${token}` } }), 401);
  });

  it("revokes the session at logout: its token and its cookie stop working", async () => {
    const { token, cookie } = await signIn(app, "staff1@example.jp");
    const out = await app.request("/api/v1/auth/logout", asBearer(token, "POST"));
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/tsunagu_session=;.*Max-Age=0/);
    await expectProblem(await app.request("/api/v1/auth/me", asBearer(token)), 401);
    await expectProblem(await app.request("/api/v1/auth/me", asCookie(cookie)), 401);
    const row = await h.db.selectFrom("session").select("revoked_at").where("user_id", "=", staff1.id).orderBy("created_at", "desc").executeTakeFirstOrThrow();
    expect(row.revoked_at).toBeInstanceOf(Date);
  });

  it("ends sessions when they expire", async () => {
    const { token } = await signIn(app, "staff1@example.jp");
    await h.db.updateTable("session").set({ expires_at: new Date(Date.now() - 1000) }).where("revoked_at", "is", null).execute();
    await expectProblem(await app.request("/api/v1/auth/me", asBearer(token)), 401);
  });

  it("refuses cookie-authenticated form posts from another site (CSRF), not bearer ones", async () => {
    const { token, cookie } = await signIn(app, "staff1@example.jp");
    const form = (headers: Record<string, string>) => ({
      method: "POST",
      headers: { cookie: `tsunagu_session=${cookie}`, "content-type": "application/x-www-form-urlencoded", ...headers },
      body: "x=1",
    });
    await expectProblem(await app.request("/api/v1/auth/logout", form({ origin: "https://evil.example" })), 403);
    await expectProblem(await app.request("/api/v1/auth/logout", form({ "sec-fetch-site": "cross-site" })), 403);
    expect((await call(app, "/api/v1/auth/me", asCookie(cookie))).res.status).toBe(200);
    // The same request from this site goes through; a bearer client needs no Origin.
    expect((await app.request("/api/v1/auth/logout", form({ origin: ORIGIN }))).status).toBe(204);
    expect((await app.request("/api/v1/auth/logout", asBearer(token, "POST"))).status).toBe(204);
  });

  it("throttles failed sign-ins per account, and a success clears the count", async () => {
    for (let i = 0; i < 2; i++) expect((await login("shien1@example.jp", "wrong-password", `198.51.100.${i}`)).res.status).toBe(401);
    expect((await login("shien1@example.jp", DEMO_PASSWORD, "198.51.100.9")).res.status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await login("shien1@example.jp", "wrong-password", `198.51.100.${i}`)).res.status).toBe(401);
    // Locked now, from any address and even with the right password.
    const locked = await login("shien1@example.jp", DEMO_PASSWORD, "198.51.100.50");
    expectCallProblem(locked, 429);
    const retryAfter = Number(locked.res.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Once the window has passed, the account can sign in again.
    await h.db.updateTable("throttle_event").set({ at: new Date(Date.now() - 16 * 60_000) }).where("bucket", "=", "login:account").execute();
    expect((await login("shien1@example.jp", DEMO_PASSWORD, "198.51.100.50")).res.status).toBe(200);
  });

  it("throttles failed sign-ins per address across accounts", async () => {
    const address = "192.0.2.77";
    const emails = ["a@example.jp", "b@example.jp", "c@example.jp", "d@example.jp", "e@example.jp", "f@example.jp"];
    for (const email of emails) expect((await login(email, "wrong-password", address)).res.status).toBe(401);
    expectCallProblem(await login("hoken2@example.jp", DEMO_PASSWORD, address), 429);
    expect((await login("hoken2@example.jp", DEMO_PASSWORD, "192.0.2.78")).res.status).toBe(200);
  });

  it("stores only hashes of keys and secrets", async () => {
    const sessions = await h.db.selectFrom("session").select(["token_hash", "cookie_hash"]).execute();
    for (const s of sessions) expect(s.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const keys = await h.db.selectFrom("throttle_event").select("key_hash").execute();
    expect(keys.every((k) => /^[0-9a-f]{64}$/.test(k.key_hash))).toBe(true);
  });

  it("changes a password under the rules and ends the user's other sessions", async () => {
    const a = await signIn(app, "hoken2@example.jp");
    const b = await signIn(app, "hoken2@example.jp");
    const change = (body: unknown) => call(app, "/api/v1/auth/password", asBearer(a.token, "POST", body));
    expectCallProblem(await change({ currentPassword: "wrong-one", newPassword: "a-fine-new-passphrase" }), 400, "currentPassword");
    expectCallProblem(await change({ currentPassword: DEMO_PASSWORD, newPassword: "short" }), 400, "newPassword");
    expectCallProblem(await change({ currentPassword: DEMO_PASSWORD, newPassword: "password123" }), 400, "newPassword");
    expect((await change({ currentPassword: DEMO_PASSWORD, newPassword: "a-fine-new-passphrase" })).res.status).toBe(204);
    expect((await call(app, "/api/v1/auth/me", asBearer(a.token))).res.status).toBe(200);
    await expectProblem(await app.request("/api/v1/auth/me", asBearer(b.token)), 401);
    expect((await login("hoken2@example.jp", DEMO_PASSWORD, "192.0.2.90")).res.status).toBe(401);
    expect((await login("hoken2@example.jp", "a-fine-new-passphrase", "192.0.2.90")).res.status).toBe(200);
    const audit = await h.db.selectFrom("audit_log").selectAll().where("action", "=", "user.password_change").execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain("passphrase");
  });

  it("documents the signed-in routes and how to authenticate in the OpenAPI document", async () => {
    const { body } = await call(app, "/api/v1/openapi.json", {});
    expect(body.components.securitySchemes).toMatchObject({ bearerAuth: { type: "http", scheme: "bearer" }, sessionCookie: { type: "apiKey", in: "cookie" } });
    expect(body.paths["/auth/login"].post).toBeDefined();
    expect(body.paths["/services/{id}/review"].post.security).toEqual([{ bearerAuth: [] }, { sessionCookie: [] }]);
    expect(body.paths["/partners/register"].post.requestBody.content["application/json"].schema.properties).toHaveProperty("organization");
  });

  it("never writes a password or a token to the logs", async () => {
    const { token } = await signIn(app, "staff1@example.jp");
    await app.request("/api/v1/auth/me", asBearer(token));
    const all = logLines.join("\n");
    expect(logLines.length).toBeGreaterThan(10);
    expect(all).not.toContain(DEMO_PASSWORD);
    expect(all).not.toContain("a-fine-new-passphrase");
    expect(all).not.toContain(token);
    expect(all).not.toMatch(/tsn_[A-Za-z0-9_-]{20,}/);
  });
});
