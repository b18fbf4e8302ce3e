import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { verifyPassword } from "../../src/auth/password.js";
import { userCommand } from "../../src/cli/commands/user.js";
import { createDb } from "../../src/db/create-db.js";
import { migrateToLatest } from "../../src/db/migrate.js";
import { syncTaxonomy } from "../../src/catalog/taxonomy-sync.js";
import { loadDemo } from "../../seed/load.js";
import { TEST_DB } from "../support/db.js";

/** `tsunagu user add | disable` against a PGlite data directory, as an operator runs them. */
describe.skipIf(TEST_DB === "postgres")("tsunagu user", () => {
  let dir: string;
  const savedUrl = process.env.DATABASE_URL;
  const run = (...args: string[]) => userCommand().exitOverride().parseAsync([...args, "--data-dir", dir], { from: "user" });
  const open = () => createDb({ dataDir: dir });

  beforeAll(async () => {
    delete process.env.DATABASE_URL;
    dir = await mkdtemp(join(tmpdir(), "tsunagu-cli-"));
    const h = await open();
    await migrateToLatest(h.db);
    await syncTaxonomy(h.db);
    await loadDemo(h.db);
    await h.close();
  });
  afterAll(async () => {
    if (savedUrl) process.env.DATABASE_URL = savedUrl;
    await rm(dir, { recursive: true, force: true });
  });

  it("adds a staff member of a center named by its municipality code, with a generated password", async () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await run("add", "--email", "Hoken3@Example.jp", "--role", "staff", "--center", "112038", "--profession", "保健師", "--generate-password");
    const lines = log.mock.calls.map((c) => String(c[0]));
    log.mockRestore();
    const password = /password \(shown once\): (\S+)/.exec(lines.join("\n"))![1]!;
    const h = await open();
    const user = await h.db.selectFrom("app_user").selectAll().where("email", "=", "hoken3@example.jp").executeTakeFirstOrThrow();
    const audit = await h.db.selectFrom("audit_log").selectAll().where("entity_id", "=", user.id).execute();
    await h.close();
    expect(user).toMatchObject({ role: "staff", profession: "保健師", display_name: "Hoken3", organization_id: null });
    expect(await verifyPassword(password, user.password_hash)).toBe(true);
    expect(audit.map((a) => a.action)).toEqual(["user.create"]);
    expect(JSON.stringify(audit)).not.toContain(password);
  });

  it("refuses what the rules refuse, in plain words", async () => {
    await expect(run("add", "--email", "p@example.jp", "--role", "partner", "--center", "112038", "--generate-password")).rejects.toThrow(/organizationId: a partner needs an organization/);
    await expect(run("add", "--email", "staff1@example.jp", "--role", "staff", "--center", "112038", "--generate-password")).rejects.toThrow(/already exists/);
    await expect(run("add", "--email", "x@example.jp", "--role", "staff", "--center", "131016", "--generate-password")).rejects.toThrow(/no center 131016/);
  });

  it("disables an account and ends its sessions", async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    await run("disable", "--email", "hoken3@example.jp");
    vi.restoreAllMocks();
    const h = await open();
    const user = await h.db.selectFrom("app_user").select("disabled_at").where("email", "=", "hoken3@example.jp").executeTakeFirstOrThrow();
    await h.close();
    expect(user.disabled_at).toBeInstanceOf(Date);
  });
});
