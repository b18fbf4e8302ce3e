import { defineConfig } from "vitest/config";

/**
 * Pure unit tests run once. Suites that touch a database run on PGlite always and, when
 * DATABASE_URL is set (CI), a second time on real PostgreSQL.
 */
const dbSuites = ["tests/db/**/*.test.ts", "tests/api/**/*.test.ts", "tests/seed/**/*.test.ts", "tests/search/**/*.test.ts"];
const dbProject = (name: "pglite" | "postgres") => ({
  test: {
    name,
    include: dbSuites,
    env: { TSUNAGU_TEST_DB: name },
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts", "tests/contract/**/*.test.ts"] } },
      dbProject("pglite"),
      ...(process.env.DATABASE_URL ? [dbProject("postgres")] : []),
    ],
  },
});
