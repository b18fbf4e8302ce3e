import { z } from "@hono/zod-openapi";
import { requireSignIn } from "../middleware/auth.js";
import { problemSchema } from "./common.js";

/** OpenAPI pieces shared by the routes that need a signed-in user. */
export const signedInSecurity: Record<string, string[]>[] = [{ bearerAuth: [] }, { sessionCookie: [] }];

/** Spread into `createRoute` of a route that needs a user: documents it and answers 401 before validating. */
export const signedInRoute = { security: signedInSecurity, middleware: requireSignIn };

const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: problemSchema } } });

export const authProblems = {
  400: problem("Invalid input (fields named in `errors`)"),
  401: problem("Not signed in, or the session ended"),
  404: problem("Not found, or not yours to see"),
  409: problem("Conflicts with the record's current state"),
  429: problem("Too many attempts; see Retry-After"),
} as const;

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

export const jsonBody = <T extends z.ZodType>(schema: T) => ({ required: true, content: { "application/json": { schema } } });

/** A catalog record as its editors see it (`GET /services/{id}/record` and the writes that return it). */
export const recordSchema = z
  .object({
    id: z.string().uuid(),
    status: z.enum(["pending", "published", "rejected"]),
    rejectionReason: z.string().nullable(),
    verification: z.object({
      verifiedAt: z.string().nullable(),
      verifiedBy: z.object({ id: z.string(), displayName: z.string(), role: z.string() }).nullable(),
      dueAt: z.string().nullable(),
      stale: z.boolean(),
    }),
    draft: z.object({}).passthrough(),
    revision: z
      .object({
        id: z.string(),
        status: z.enum(["pending", "approved", "rejected"]),
        submittedAt: z.string(),
        reason: z.string().nullable(),
        changedFields: z.array(z.string()),
        draft: z.object({}).passthrough(),
      })
      .passthrough()
      .nullable(),
  })
  .passthrough()
  .openapi("CatalogRecord");
