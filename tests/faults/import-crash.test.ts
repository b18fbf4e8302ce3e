import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.js";
import { type DbHandle, createDb } from "../../src/db/create-db.js";
import { importHsds } from "../../src/importers/hsds/import-hsds.js";
import { importOpenData } from "../../src/importers/opendata/import-opendata.js";
import { loadDemo } from "../../seed/load.js";
import { standardLayoutCsv } from "../../bench/opendata-file.js";
import { TEST_DB, createTestDb } from "../support/db.js";
import { databaseFingerprint } from "../support/fingerprint.js";
import { adminUrl, createDatabase, dropDatabase } from "../support/postgres-admin.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const HSDS_EXAMPLES = fileURLToPath(new URL("../fixtures/hsds/examples/", import.meta.url));

/**
 * An import that dies half-way leaves the catalog as it was: the importers write in one
 * transaction, and these tests break that transaction in the middle, by a failure the database
 * raises after N rows and by killing the `tsunagu import` process while it writes.
 */
describe(`an import that fails half-way applies nothing, on ${TEST_DB}`, () => {
  let h: DbHandle;

  beforeAll(async () => {
    h = await createTestDb();
    await loadDemo(h.db);
  });
  afterAll(() => h.close());

  /** Runs `fn` while the database refuses every service row written after the first `n`, as a full disk or a broken constraint would. */
  async function failingAfter<T>(n: number, fn: () => Promise<T>): Promise<T> {
    await sql`create sequence fault_rows`.execute(h.db);
    await sql
      .raw(
        `create function fault_after() returns trigger language plpgsql as $$
         begin if nextval('fault_rows') > ${n} then raise exception 'injected failure after ${n} rows'; end if; return new; end $$`,
      )
      .execute(h.db);
    await sql`create trigger fault_after before insert or update on service for each row execute function fault_after()`.execute(h.db);
    try {
      return await fn();
    } finally {
      await sql`drop trigger fault_after on service`.execute(h.db);
      await sql`drop function fault_after()`.execute(h.db);
      await sql`drop sequence fault_rows`.execute(h.db);
    }
  }

  it("open data: a failure after 150 of 400 rows leaves the catalog, audit and outbox as they were; the same file then imports whole", async () => {
    const file = standardLayoutCsv(400);
    const before = await databaseFingerprint(h.db);
    await expect(failingAfter(150, () => importOpenData(h.db, file, { fileName: "fault.csv" }))).rejects.toThrow(/injected failure after 150 rows/);
    expect(await databaseFingerprint(h.db)).toEqual(before);

    const report = await importOpenData(h.db, file, { fileName: "fault.csv" });
    expect(report.services.created).toBe(400);
  });

  it("open data: a failure while updating changed rows keeps the earlier version of every row", async () => {
    // The same 400 rows with every name changed: an import of updates, failing half-way through.
    const changed = new TextEncoder().encode(new TextDecoder().decode(standardLayoutCsv(400)).replaceAll("保育園", "保育所"));
    const before = await databaseFingerprint(h.db);
    await expect(failingAfter(50, () => importOpenData(h.db, changed, { fileName: "fault.csv" }))).rejects.toThrow(/injected failure after 50 rows/);
    expect(await databaseFingerprint(h.db)).toEqual(before);
  });

  it("HSDS: a failure at the first service leaves nothing of the file", async () => {
    const before = await databaseFingerprint(h.db);
    await expect(failingAfter(0, () => importHsds(h.db, join(HSDS_EXAMPLES, "service_full.json"), { kind: "kodomo-shokudo", municipality: "112038" }))).rejects.toThrow(/injected failure/);
    expect(await databaseFingerprint(h.db)).toEqual(before);
  });
});

/** `tsunagu import opendata FILE`, killed (SIGKILL) once it reports writing and before it finishes. */
function importKilledWhileWriting(file: string, database: string[]): Promise<{ killedAt: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "bin/tsunagu.js"), "import", "opendata", file, ...database], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let killedAt: string | undefined;
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
      const writing = [...stderr.matchAll(/^writing: (\d+)\/(\d+)/gm)].at(-1);
      if (!killedAt && writing && Number(writing[1]) > 0 && Number(writing[1]) < Number(writing[2])) {
        killedAt = writing[0];
        child.kill("SIGKILL");
      }
    });
    child.on("exit", (code, signal) => (signal === "SIGKILL" && killedAt ? resolve({ killedAt }) : reject(new Error(`the import ended by itself (${code}) before it could be killed:\n${stderr}`))));
  });
}

describe(`the import process killed while it writes, on ${TEST_DB}`, () => {
  let dir: string;
  let database: string[];
  let open: () => Promise<DbHandle>;
  let pgName: string | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tsunagu-crash-"));
    if (TEST_DB === "postgres") {
      pgName = `tsunagu_t_${randomBytes(6).toString("hex")}`;
      await createDatabase(pgName);
      database = ["--database-url", adminUrl(pgName)];
      open = () => createDb({ databaseUrl: adminUrl(pgName!) });
    } else {
      database = ["--data-dir", join(dir, "db")];
      open = () => createDb({ dataDir: join(dir, "db") });
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    if (pgName) await dropDatabase(pgName);
  });

  it("leaves no service behind, and the next run imports the whole file", async () => {
    const file = join(dir, "crash.csv");
    await writeFile(file, standardLayoutCsv(3000));
    const { killedAt } = await importKilledWhileWriting(file, database);
    expect(killedAt).toMatch(/^writing: \d+\/3000/);

    const h = await open();
    try {
      const services = await h.db.selectFrom("service").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
      expect(Number(services.n)).toBe(0);
      const report = await importOpenData(h.db, await readFile(file), { fileName: "crash.csv" });
      expect(report.services.created).toBe(3000);
    } finally {
      await h.close();
    }
  });
});
