import { defineConfig } from "vitest/config";

/**
 * Pure unit tests run once. Suites that touch a database run on PGlite always and, when
 * DATABASE_URL is set (CI), a second time on real PostgreSQL.
 */
const dbProject = (name: "pglite" | "postgres") => ({
  test: {
    name,
    // Every suite outside tests/unit (pure) and tests/browser (its own project) touches a database.
    include: ["tests/**/*.test.ts"],
    exclude: ["tests/unit/**", "tests/browser/**", "**/node_modules/**"],
    env: { TSUNAGU_TEST_DB: name },
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts"] } },
      dbProject("pglite"),
      ...(process.env.DATABASE_URL ? [dbProject("postgres")] : []),
    ],
  },
});
