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
    exclude: ["tests/unit/**", "tests/contract/**", "tests/browser/**", "tests/workers/**", "**/node_modules/**"],
    env: { TSUNAGU_TEST_DB: name },
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

/**
 * The web app in Debian's Chromium against the real server and a real database (PostgreSQL when
 * DATABASE_URL is set, else PGlite); skipped with a message when Chromium is not installed.
 */
const browserProject = {
  test: {
    name: "browser",
    include: ["tests/browser/**/*.test.ts"],
    env: { TSUNAGU_TEST_DB: process.env.DATABASE_URL ? "postgres" : "pglite" },
    globalSetup: ["tests/browser/support/global-setup.ts"],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    // One Chromium at a time: the machine has 2 cores.
    fileParallelism: false,
  },
};

/**
 * The Workers build in workerd (`wrangler dev --local`) against real PostgreSQL: once, and only
 * when DATABASE_URL is set (skipped with a message otherwise). It makes its own database.
 */
const workersProject = {
  test: {
    name: "workers",
    include: ["tests/workers/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
};

export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", include: ["tests/unit/**/*.test.ts", "tests/contract/**/*.test.ts"] } },
      dbProject("pglite"),
      ...(process.env.DATABASE_URL ? [dbProject("postgres")] : []),
      browserProject,
      workersProject,
    ],
  },
});
