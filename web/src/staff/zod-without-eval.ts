import { config } from "zod";

/**
 * The app's Content-Security-Policy allows no eval, and zod probes for it (`Function("")`) when a
 * schema is built, which the browser reports as a violation. Imported before any schema module.
 */
config({ jitless: true });
