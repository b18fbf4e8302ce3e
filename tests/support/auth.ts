import { expect } from "vitest";
import { DEMO_PASSWORD } from "../../seed/load.js";

type App = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

/** The origin `app.request` gives requests; cookie-authenticated writes must come from it (CSRF). */
export const ORIGIN = "http://localhost";

/** Signs in (a demo account by default password) and returns the bearer token and the cookie. */
export async function signIn(app: App, email: string, password = DEMO_PASSWORD): Promise<{ token: string; cookie: string; body: any }> {
  const res = await app.request("/api/v1/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as any;
  expect(res.status, `sign-in of ${email}: ${JSON.stringify(body)}`).toBe(200);
  const cookie = /tsunagu_session=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1] ?? "";
  return { token: body.token, cookie, body };
}

/** Request init for a bearer-authenticated call with an optional JSON body. */
export function asBearer(token: string | undefined, method = "GET", body?: unknown): RequestInit {
  return {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}

/** The same call as the web app makes it: the session cookie, from this site's origin. */
export function asCookie(cookie: string, method = "GET", body?: unknown): RequestInit {
  return {
    method,
    headers: {
      cookie: `tsunagu_session=${cookie}`,
      origin: ORIGIN,
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}

export async function call(app: App, path: string, init: RequestInit): Promise<{ res: Response; body: any }> {
  const res = await app.request(path, init);
  const text = await res.text();
  return { res, body: text ? JSON.parse(text) : undefined };
}

/** `expectProblem` for a response whose body `call` already read. */
export function expectCallProblem(r: { res: Response; body: any }, status: number, fieldPath?: string) {
  expect(r.res.status, JSON.stringify(r.body)).toBe(status);
  expect(r.res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(r.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  if (fieldPath !== undefined) expect(r.body.errors?.map((e: { path: string }) => e.path)).toContain(fieldPath);
  return r.body;
}
