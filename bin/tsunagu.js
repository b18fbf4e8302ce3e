#!/usr/bin/env node
// `npx tsunagu …` from a checkout: load TypeScript through tsx, then run the CLI.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
