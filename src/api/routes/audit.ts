import { createRoute, z } from "@hono/zod-openapi";
import { listAudit } from "../../audit/query.js";
import { createRouter } from "../router.js";
import { queryInt } from "../schemas/common.js";
import { authProblems, jsonContent, signedInRoute } from "../schemas/signed-in.js";
import { principalOf } from "../use-case-deps.js";

const uuidQuery = (name: string) => z.string().uuid("must be a UUID").optional().openapi({ param: { name, in: "query" } });

const auditEntry = z
  .object({
    id: z.string(),
    occurredAt: z.string(),
    actor: z.object({ id: z.string(), role: z.string().nullable(), displayName: z.string().nullable(), email: z.string().nullable() }).nullable(),
    action: z.string().openapi({ example: "service.approve" }),
    entityType: z.string().openapi({ example: "service" }),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .passthrough()
  .openapi("AuditEntry");

export const auditRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/audit",
    tags: ["audit"],
    summary: "The center's audit log (center admin): who did what, when, with the record before and after; newest first",
    ...signedInRoute,
    request: {
      query: z
        .object({
          entityType: z.string().trim().min(1).max(50).optional().openapi({ param: { name: "entityType", in: "query" }, example: "service" }),
          entityId: uuidQuery("entityId"),
          actorId: uuidQuery("actorId"),
          action: z.string().trim().min(1).max(100).optional().openapi({ param: { name: "action", in: "query" }, example: "service.approve" }),
          page: queryInt(1, 100_000).optional().openapi({ param: { name: "page", in: "query" } }),
          size: queryInt(1, 200).optional().openapi({ param: { name: "size", in: "query" } }),
        })
        .strict(),
    },
    responses: {
      200: jsonContent(z.object({ items: z.array(auditEntry), total: z.number().int(), page: z.number().int(), size: z.number().int() }).openapi("AuditPage"), "Entries"),
      400: authProblems[400],
      401: authProblems[401],
      404: authProblems[404],
    },
  }),
  async (c) => {
    const q = c.req.valid("query");
    return c.json(await listAudit(c.get("deps").db, principalOf(c), { ...q, page: q.page ?? 1, size: q.size ?? 50 }), 200);
  },
);
