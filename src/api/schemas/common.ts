import { z } from "@hono/zod-openapi";

export const idParam = z.object({
  id: z.string().uuid("must be a UUID").openapi({ param: { name: "id", in: "path" }, example: "6f1d2c3b-1a2b-4c3d-8e9f-0a1b2c3d4e5f" }),
});

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string(), in: z.string().optional() })).optional(),
    requestId: z.string().optional(),
  })
  .openapi("Problem");

const problemContent = { "application/problem+json": { schema: problemSchema } };

/** Standard error responses for a route's OpenAPI entry. */
export const problems = {
  400: { description: "Invalid input (fields named in `errors`)", content: problemContent },
  404: { description: "Not found, or not yours to see", content: problemContent },
} as const;

/** Integers from a query string, with a field-named message when they are not. */
export const queryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

export const queryBool = z.enum(["true", "false"], { message: "must be true or false" }).transform((v) => v === "true");

/** HSDS paging parameters (`page` is 1-based). */
export const hsdsPaging = {
  page: queryInt(1, 100_000).optional().openapi({ param: { name: "page", in: "query" }, example: "1" }),
  per_page: queryInt(1, 200).optional().openapi({ param: { name: "per_page", in: "query" }, example: "50" }),
};

export const hsdsPageSchema = (item: z.ZodTypeAny, name: string) =>
  z
    .object({
      total_items: z.number().int(),
      total_pages: z.number().int(),
      page_number: z.number().int(),
      size: z.number().int(),
      first_page: z.boolean(),
      last_page: z.boolean(),
      empty: z.boolean(),
      contents: z.array(item),
    })
    .openapi(name);
