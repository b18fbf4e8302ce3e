import { createRoute, z } from "@hono/zod-openapi";
import { createRouter } from "../router.js";

const healthSchema = z
  .object({
    status: z.enum(["ok", "degraded"]),
    db: z.enum(["pglite", "postgres"]),
    search: z.enum(["embedded", "meilisearch"]),
    outboxPending: z.number().int(),
  })
  .openapi("Health");

export const healthRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/health",
    tags: ["public"],
    summary: "Liveness and backlog: the database in use, the search engine, and outbox rows not yet indexed",
    responses: { 200: { description: "Up", content: { "application/json": { schema: healthSchema } } } },
  }),
  async (c) => {
    const { db, dbKind, config } = c.get("deps");
    const row = await db
      .selectFrom("outbox")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("processed_at", "is", null)
      .executeTakeFirstOrThrow();
    return c.json(
      {
        status: "ok" as const,
        db: dbKind,
        search: config.MEILISEARCH_URL ? ("meilisearch" as const) : ("embedded" as const),
        outboxPending: Number(row.n),
      },
      200,
    );
  },
);
