import type { TestProject } from "vitest/node";
import { buildWeb, webBuildIsStale } from "../../../scripts/build-web.js";
import databaseSetup from "../../support/global-setup.js";

/**
 * The browser project's own global setup (a module of its own, so its database template and
 * teardown are never shared with another project's): the test database template, and the built
 * web app, rebuilt when missing or stale.
 */
export default async function setup(project: TestProject) {
  if (webBuildIsStale()) await buildWeb();
  return databaseSetup(project);
}
