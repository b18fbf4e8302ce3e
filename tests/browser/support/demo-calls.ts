import type { BrowserContext } from "playwright-core";
import { expect } from "vitest";
import { DEMO_PASSWORD } from "../../../seed/load.js";

/**
 * Calls to the running demo app as a demo account (bearer token), for browser tests that set
 * up or check their data through the API the way another client would.
 */
export async function apiAs(baseUrl: string, email: string) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(login.status, `sign-in of ${email}`).toBe(200);
  const { token, user } = (await login.json()) as { token: string; user: { id: string; organizationId?: string; centerId?: string } };
  return {
    user,
    async call<T = any>(method: string, path: string, body?: unknown, expected = 200): Promise<T> {
      const res = await fetch(`${baseUrl}/api/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      expect(res.status, `${method} ${path}: ${text}`).toBe(expected);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}

/** Signs a browser context in as a demo account (the session cookie, as after the sign-in form). */
export async function signInContext(context: BrowserContext, baseUrl: string, email: string): Promise<void> {
  const res = await context.request.post(`${baseUrl}/api/v1/auth/login`, { data: { email, password: DEMO_PASSWORD }, headers: { origin: baseUrl } });
  expect(res.status(), `browser sign-in of ${email}`).toBe(200);
}
