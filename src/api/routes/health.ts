import { createRoute, z } from "@hono/zod-openapi";
import { createRouter } from "../router.js";

const healthSchema = z
  .object({
    status: z.enum(["ok", "degraded"]).openapi({ description: "`degraded` while the search engine is unreachable or the outbox is retrying" }),
    db: z.enum(["pglite", "postgres"]),
    search: z.enum(["embedded", "meilisearch"]),
    searchStatus: z.enum(["ok", "unavailable"]),
    /** Documents in the search index (null when it cannot be asked). */
    searchDocuments: z.number().int().nullable(),
    outboxPending: z.number().int().openapi({ description: "Catalog changes not yet applied to the search index" }),
    outboxRetrying: z.boolean().openapi({ description: "The last attempt to apply them failed; the worker is backing off" }),
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
    const { db, dbKind, search, indexer } = c.get("deps");
    const [row, stats] = await Promise.all([
      db.selectFrom("outbox").select((eb) => eb.fn.countAll<string>().as("n")).where("processed_at", "is", null).executeTakeFirstOrThrow(),
      search.stats().catch(() => undefined),
    ]);
    const retrying = indexer?.status().retrying ?? false;
    return c.json(
      {
        status: stats && !retrying ? ("ok" as const) : ("degraded" as const),
        db: dbKind,
        search: search.engine,
        searchStatus: stats ? ("ok" as const) : ("unavailable" as const),
        searchDocuments: stats?.documents ?? null,
        outboxPending: Number(row.n),
        outboxRetrying: retrying,
      },
      200,
    );
  },
);
