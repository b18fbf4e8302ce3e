import { randomBytes } from "node:crypto";
import pg from "pg";
import type { BenchContext } from "./harness.js";

/** A fresh UTF-8 database on the benchmark's PostgreSQL server (undefined when none answers), and how to drop it. */
export async function postgresDatabase(ctx: BenchContext, purpose = "import"): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const admin = new pg.Client({ connectionString: ctx.postgresUrl });
  try {
    await admin.connect();
  } catch {
    return undefined;
  }
  const name = `tsunagu_bench_${purpose}_${randomBytes(4).toString("hex")}`;
  await admin.query(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`);
  await admin.end();
  const url = new URL(ctx.postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: ctx.postgresUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
