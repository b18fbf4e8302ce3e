import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemoApp } from "../support/demo-app-server.js";

/**
 * The middleware every request passes, over a real socket through @hono/node-server as
 * `npm start` serves it: CORS for the public API, security headers, and the body limit for
 * writes (which GET and HEAD skip).
 */
describe("the HTTP edge, over a real socket", () => {
  let app: Awaited<ReturnType<typeof startDemoApp>>;
  beforeAll(async () => {
    app = await startDemoApp();
  }, 120_000);
  afterAll(async () => app?.close());

  it.each(["/api/v1/search?q=%E9%A3%9F%E5%A0%82", "/api/v1/services?per_page=5", "/api/v1/taxonomy"])("GET %s: readable from any site, sent with its length", async (path) => {
    const res = await fetch(`${app.url}${path}`, { headers: { origin: "https://example.org" } });
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-request-id")).toMatch(/\S/);
    expect(res.headers.get("transfer-encoding")).toBeNull();
    expect(Number(res.headers.get("content-length"))).toBe(bytes.byteLength);
    expect(JSON.parse(new TextDecoder().decode(bytes))).toBeTypeOf("object");
  });

  it("answers a preflight for reads, and allows no write across sites", async () => {
    const res = await fetch(`${app.url}/api/v1/search`, {
      method: "OPTIONS",
      headers: { origin: "https://example.org", "access-control-request-method": "GET", "access-control-request-headers": "Content-Type, X-Extra" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toBe("GET,HEAD,OPTIONS");
    expect(res.headers.get("access-control-allow-headers")).toBe("Content-Type,X-Extra");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("refuses a write body over the limit with 413 problem+json, whatever its Content-Length says", async () => {
    const big = JSON.stringify({ email: "x".repeat(2 * 1024 * 1024), password: "x" });
    const res = await fetch(`${app.url}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: big });
    expect(res.status).toBe(413);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const chunked = await fetch(`${app.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new Blob([big]).stream(),
      duplex: "half",
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });
});
