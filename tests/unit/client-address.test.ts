import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { clientAddress } from "../../src/api/client-address.js";
import type { AppDeps, AppEnv } from "../../src/api/env.js";

function appTrusting(trustProxy: boolean) {
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set("deps", { config: { TSUNAGU_TRUST_PROXY: trustProxy } } as AppDeps);
    await next();
  });
  app.get("/", (c) => c.text(clientAddress(c)));
  return app;
}

const socket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
const forwarded = { headers: { "x-forwarded-for": "6.6.6.6, 198.51.100.7" } };

describe("client address for rate limits", () => {
  it("is the socket's address, and a client's X-Forwarded-For is ignored", async () => {
    expect(await (await appTrusting(false).request("/", forwarded, socket("192.0.2.10"))).text()).toBe("192.0.2.10");
  });

  it("behind a trusted proxy, is the entry the proxy appended (the last), not one the client wrote", async () => {
    expect(await (await appTrusting(true).request("/", forwarded, socket("10.0.0.2"))).text()).toBe("198.51.100.7");
    expect(await (await appTrusting(true).request("/", {}, socket("10.0.0.2"))).text()).toBe("10.0.0.2");
  });

  it("reads @hono/node-server's nested bindings, and is 'unknown' without any", async () => {
    expect(await (await appTrusting(false).request("/", {}, { server: socket("192.0.2.11") })).text()).toBe("192.0.2.11");
    expect(await (await appTrusting(false).request("/")).text()).toBe("unknown");
  });
});
