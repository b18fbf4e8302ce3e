import pg from "pg";

/** The server of DATABASE_URL, with another database name. */
export function adminUrl(database: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl("postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const ident = (name: string) => {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  return `"${name}"`;
};

/** A UTF-8 ctype is required: with ctype C, pg_trgm extracts no trigrams from Japanese text. */
export async function createDatabase(name: string, template = "template0"): Promise<void> {
  await withAdmin((c) =>
    c.query(
      template === "template0"
        ? `create database ${ident(name)} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`
        : `create database ${ident(name)} template ${ident(template)}`,
    ),
  );
}

/**
 * Drops a test database. pg's `pool.end()` resolves before every backend has gone; a forced drop
 * in that window makes PostgreSQL send those clients a FATAL error that surfaces as an uncaught
 * exception. So wait (briefly) for the sessions to leave, and force only what remains.
 */
export async function dropDatabase(name: string): Promise<void> {
  await withAdmin(async (c) => {
    for (let i = 0; i < 40; i++) {
      const { rows } = await c.query<{ n: string }>("select count(*) as n from pg_stat_activity where datname = $1", [name]);
      if (rows[0]?.n === "0") break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await c.query(`drop database if exists ${ident(name)} with (force)`);
  });
}
