import { createRoute, z } from "@hono/zod-openapi";
import { KIND_CODES } from "../../domain/taxonomy.js";
import { staffCatalogCsv } from "../../exporters/staff-csv.js";
import { createRouter } from "../router.js";
import { authProblems, signedInRoute } from "../schemas/signed-in.js";
import { principalOf } from "../use-case-deps.js";

/** Exports for staff: the catalog their center sees as a CSV that opens in Excel. */
const kindList = z
  .union([z.enum(KIND_CODES), z.array(z.enum(KIND_CODES))])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .optional()
  .openapi({ param: { name: "kind", in: "query", style: "form", explode: true }, example: "kodomo-shokudo" });

export const exportRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/exports/services.csv",
    tags: ["exports"],
    summary:
      "Staff: the services their center sees (its organizations' records and published services located in its municipality) as CSV — UTF-8 with BOM, CRLF, opens in Excel",
    ...signedInRoute,
    request: {
      query: z
        .object({
          kind: kindList,
          q: z.string().trim().min(1).max(200).optional().openapi({ param: { name: "q", in: "query" }, example: "食堂" }),
          status: z.enum(["published", "pending", "rejected"]).optional().openapi({ param: { name: "status", in: "query" } }),
        })
        .strict(),
    },
    responses: {
      200: { description: "The CSV (one row per service and location)", content: { "text/csv": { schema: z.string() } } },
      400: authProblems[400],
      401: authProblems[401],
      404: authProblems[404],
    },
  }),
  async (c) => {
    const q = c.req.valid("query");
    const { db, log } = c.get("deps");
    const csv = await staffCatalogCsv(db, principalOf(c), { kinds: q.kind, q: q.q, status: q.status }, log);
    return c.body(csv.body, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${csv.filename}"`,
      "cache-control": "no-store",
      "x-service-count": String(csv.services),
    });
  },
);
