import { buildWeb, webBuildIsStale } from "../../../scripts/build-web.js";

/** The browser suites test the built app: build it once per run when it is missing or stale. */
export default async function setup() {
  if (webBuildIsStale()) await buildWeb();
}
