import { afterAll, beforeAll } from "vitest";
import type { DbHandle } from "../../src/db/create-db.js";
import { loadDemo } from "../../seed/load.js";
import { createTestApp } from "../support/app.js";
import { asBearer, signIn } from "../support/auth.js";
import { createTestDb } from "../support/db.js";

/**
 * For a describe block: the demo city in a database of its own, the app over it, and the given
 * demo accounts signed in. `as(email, method?, body?)` builds the request of that account.
 */
export function useDemoApi(emails: readonly string[]) {
  const ctx = {
    h: undefined as unknown as DbHandle,
    app: undefined as unknown as ReturnType<typeof createTestApp>,
    tokens: {} as Record<string, string>,
    as: (email: string, method = "GET", body?: unknown) => asBearer(ctx.tokens[email], method, body),
  };
  beforeAll(async () => {
    ctx.h = await createTestDb();
    await loadDemo(ctx.h.db);
    ctx.app = createTestApp(ctx.h);
    for (const email of emails) ctx.tokens[email] = (await signIn(ctx.app, email)).token;
  });
  afterAll(() => ctx.h.close());
  return ctx;
}
