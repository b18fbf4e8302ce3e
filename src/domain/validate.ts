import type { ZodType } from "zod";
import { type FieldIssue, ValidationError } from "./errors.js";

/** Parses with a zod schema, or throws `ValidationError` naming each offending field (dotted paths). */
export function parseOrThrow<T>(schema: ZodType<T>, value: unknown, prefix = ""): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join("."),
    message: issue.message,
  }));
  throw new ValidationError(issues);
}
