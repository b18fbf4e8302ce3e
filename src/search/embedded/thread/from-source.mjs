// The search thread run from its TypeScript source (under tsx and vitest): a worker does not
// inherit the parent's loader, so it registers tsx's before importing its entry.
import { register } from "tsx/esm/api";

register();
await import("./search-thread.ts");
