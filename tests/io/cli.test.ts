import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrations } from "../../src/db/migrations/index.js";
import { TEST_DB } from "../support/db.js";
import { adminUrl, createDatabase, dropDatabase } from "../support/postgres-admin.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `npx tsunagu …` as a user runs it: the bin script in a process of its own. */
function tsunagu(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, "bin/tsunagu.js"), ...args], { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 32 << 20 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe(`the tsunagu command line on ${TEST_DB}`, () => {
  let dir: string;
  let database: string[];
  let pgName: string | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tsunagu-cli-"));
    // The same flags reach PGlite or PostgreSQL: --data-dir, or --database-url.
    if (TEST_DB === "postgres") {
      pgName = `tsunagu_cli_${randomBytes(4).toString("hex")}`;
      await createDatabase(pgName);
      database = ["--database-url", adminUrl(pgName)];
    } else {
      database = ["--data-dir", join(dir, "db")];
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    if (pgName) await dropDatabase(pgName);
  });

  it("explains itself, and answers a wrong command with exit code 2", async () => {
    const help = await tsunagu(["--help"]);
    expect(help.code).toBe(0);
    for (const command of ["migrate", "seed", "import", "export", "bench", "user"]) expect(help.stdout).toMatch(new RegExp(`^  ${command}\\b`, "m"));
    const wrong = await tsunagu(["imprt"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/unknown command 'imprt'/);
  });

  it("migrates an empty database, again changes nothing, and steps back one migration with --down", async () => {
    const [beforeThat, previous, latest] = Object.keys(migrations).sort().slice(-3);
    for (let run = 0; run < 2; run++) {
      const migrate = await tsunagu(["migrate", ...database]);
      expect(migrate.code, migrate.stderr).toBe(0);
      expect(migrate.stdout.trim()).toBe(`${TEST_DB} schema is up to date: ${latest}`);
    }
    // Each --down goes one step further back; the next command migrates up again.
    const down = await tsunagu(["migrate", "--down", ...database]);
    expect(down.code, down.stderr).toBe(0);
    expect(down.stdout.trim()).toBe(`reverted ${latest}; ${TEST_DB} schema now at ${previous}`);
    const again = await tsunagu(["migrate", "--down", ...database]);
    expect(again.stdout.trim()).toBe(`reverted ${previous}; ${TEST_DB} schema now at ${beforeThat}`);
    expect((await tsunagu(["migrate", ...database])).stdout.trim()).toBe(`${TEST_DB} schema is up to date: ${latest}`);
  });

  it("says what is wrong in plain words: 1 for a file problem, 2 for a bad flag", async () => {
    const missing = await tsunagu(["import", "opendata", "no-such.csv", ...database]);
    expect(missing).toMatchObject({ code: 1, stderr: "tsunagu: there is no file no-such.csv\n" });
    const flag = await tsunagu(["import", "opendata", join(FIXTURES, "opendata/112038_preschool.csv"), "--municipality", "12", ...database]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/--municipality must be a 全国地方公共団体コード/);
    const notCsv = await tsunagu(["import", "opendata", join(FIXTURES, "hsds/README.md"), ...database]);
    expect(notCsv.code).toBe(1);
    expect(notCsv.stderr).toMatch(/^tsunagu: the header has no 名称 column/);
    expect(notCsv.stderr).not.toMatch(/\n\s+at /);
  });

  it("imports a file, then finds nothing to change; --strict refuses rejected rows with exit code 1", async () => {
    const file = join(FIXTURES, "opendata/112038_preschool.csv");
    const first = await tsunagu(["import", "opendata", file, ...database]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("services: 302 created, 0 updated, 0 unchanged");
    expect(first.stderr).toContain("writing: 302/302 (100%)");
    const again = await tsunagu(["import", "opendata", file, "--json", ...database]);
    expect(JSON.parse(again.stdout)).toMatchObject({ services: { created: 0, updated: 0, unchanged: 302 }, vanished: [] });
    const strict = await tsunagu(["import", "opendata", join(FIXTURES, "opendata/352071_legacy_variants.csv"), "--strict", ...database]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/line 5 ひかり学習教室: 種別 「学習塾」/);
    expect(strict.stdout).toContain("nothing was written");
  });

  it("exports HSDS and a staff CSV", async () => {
    const out = join(dir, "hsds");
    const hsds = await tsunagu(["export", "hsds", "--out", out, ...database]);
    expect(hsds.code).toBe(0);
    expect(hsds.stdout).toMatch(/wrote 302 services of 137 organizations/);
    expect(await readdir(out)).toEqual(expect.arrayContaining(["services.json", "organizations.json", "taxonomies.json", "taxonomy_terms.json", "tabular"]));
    const csvFile = join(dir, "catalog.csv");
    const csv = await tsunagu(["export", "csv", "--out", csvFile, "--kind", "after-school", ...database]);
    expect(csv.code).toBe(0);
    const bytes = await readFile(csvFile);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8").split("\r\n").filter(Boolean)).toHaveLength(1 + 56);
  });
});
