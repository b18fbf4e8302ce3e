import type { BrowserContext } from "playwright-core";
import { expect } from "vitest";
import { DEMO_PASSWORD } from "../../../seed/load.js";

/**
 * Demo staff in browser tests: the API called as that account (bearer token, as a script would),
 * and a browser context signed in with the session cookie (as after the sign-in form).
 */
export async function demoStaffApi(baseUrl: string, email: string) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(login.status, `sign-in of ${email}`).toBe(200);
  const { token } = (await login.json()) as { token: string };
  return async function api<T = any>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method: init.method ?? "GET",
      headers: { authorization: `Bearer ${token}`, ...(init.body !== undefined ? { "content-type": "application/json" } : {}) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    expect(res.ok, `${init.method ?? "GET"} ${path}: ${res.status} ${text}`).toBe(true);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

export async function signInContext(context: BrowserContext, baseUrl: string, email: string): Promise<void> {
  const res = await context.request.post(`${baseUrl}/api/v1/auth/login`, { data: { email, password: DEMO_PASSWORD }, headers: { origin: baseUrl } });
  expect(res.status(), `browser sign-in of ${email}`).toBe(200);
}
