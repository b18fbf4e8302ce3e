/**
 * Runs after `npm install` / `npm ci`: prepares what `npm start` should not have to build while
 * a user waits (the PGlite template, the web app). Failures here are reported but never fail the install: start-up still works,
 * only slower.
 */
import { buildPgliteTemplate } from "../src/db/pglite-template.js";
import { buildWeb } from "./build-web.js";

try {
  const started = performance.now();
  const path = await buildPgliteTemplate();
  console.log(`tsunagu: PGlite template ready (${Math.round(performance.now() - started)} ms): ${path}`);
} catch (err) {
  console.warn(`tsunagu: could not prepare the PGlite template; first start will be slower. ${String(err)}`);
}

try {
  const started = performance.now();
  await buildWeb();
  console.log(`tsunagu: web app built (${Math.round(performance.now() - started)} ms): dist/web`);
} catch (err) {
  console.warn(`tsunagu: could not build the web app; npm start will try again. ${String(err)}`);
}
