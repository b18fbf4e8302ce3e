import { createRoute, z } from "@hono/zod-openapi";
import { reviewRecord } from "../../catalog/curation.js";
import { ORGANIZATION, SERVICE } from "../../catalog/record-kinds.js";
import { reviewQueue } from "../../review/queue.js";
import { resolutionSchema, resolveReport } from "../../review/reports.js";
import { createRouter } from "../router.js";
import { idParam, queryInt } from "../schemas/common.js";
import { authProblems, jsonBody, jsonContent, recordSchema, signedInRoute } from "../schemas/signed-in.js";
import { catalogDeps, principalOf, withRecord } from "../use-case-deps.js";

/**
 * Staff review: the queue of what awaits the center, decisions on organizations and services
 * (approve publishes, and reaches search through the outbox), and problem reports.
 */
const { 400: bad, 401: unauthenticated, 404: notFound, 409: conflict } = authProblems;

const decisionSchema = z
  .object({
    decision: z.enum(["approve", "reject"]),
    /** Required to reject: the partner sees it. */
    reason: z.string().trim().min(1).max(1000).optional(),
  })
  .strict()
  .refine((d) => d.decision !== "reject" || d.reason, { message: "say why it is rejected (the partner sees it)", path: ["reason"] })
  .openapi("ReviewDecision");

type DecisionBody = z.infer<typeof decisionSchema>;
const asDecision = (d: DecisionBody) => (d.decision === "reject" ? { decision: "reject" as const, reason: d.reason! } : { decision: "approve" as const });

const reviewRoute = (entity: "services" | "organizations") =>
  createRoute({
    method: "post",
    path: `/${entity}/{id}/review`,
    tags: ["review"],
    summary:
      entity === "services"
        ? "Approve or reject a service, or a partner's pending edit of it (approving publishes)"
        : "Approve or reject an organization, or a partner's pending edit of it (a service is public only while its organization is published too)",
    ...signedInRoute,
    request: { params: idParam, body: jsonBody(decisionSchema) },
    responses: { 200: jsonContent(recordSchema, "The record after the decision"), 400: bad, 401: unauthenticated, 404: notFound, 409: conflict },
  });

const queueItem = z.object({ id: z.string().uuid(), name: z.string(), status: z.string(), change: z.enum(["new", "revision"]) }).passthrough();

export const reviewRoutes = createRouter()
  .openapi(reviewRoute("services"), async (c) =>
    c.json(await withRecord(c, "service", (deps, p, id) => reviewRecord(deps, p, SERVICE, id, asDecision(c.req.valid("json")))), 200),
  )
  .openapi(reviewRoute("organizations"), async (c) =>
    c.json(await withRecord(c, "organization", (deps, p, id) => reviewRecord(deps, p, ORGANIZATION, id, asDecision(c.req.valid("json")))), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/review-queue",
      tags: ["review"],
      summary: "What awaits the staff member's center: new and edited organizations and services, problem reports, stale records",
      ...signedInRoute,
      request: { query: z.object({ limit: queryInt(1, 500).optional().openapi({ param: { name: "limit", in: "query" }, example: "100" }) }).strict() },
      responses: {
        200: jsonContent(
          z
            .object({
              organizations: z.array(queueItem),
              services: z.array(queueItem),
              reports: z.array(z.object({ id: z.string().uuid(), problem: z.string() }).passthrough()),
              stale: z.array(z.object({ entityType: z.enum(["organization", "service"]), id: z.string().uuid(), verifiedAt: z.string().nullable() }).passthrough()),
            })
            .passthrough()
            .openapi("ReviewQueue"),
          "The queue",
        ),
        401: unauthenticated,
        404: notFound,
      },
    }),
    async (c) => c.json(await reviewQueue(catalogDeps(c), principalOf(c), { limit: c.req.valid("query").limit ?? 100 }), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/reports/{id}/resolve",
      tags: ["review"],
      summary: "Close a problem report: resolved (the listing was fixed) or dismissed",
      ...signedInRoute,
      request: { params: idParam, body: jsonBody(resolutionSchema) },
      responses: {
        200: jsonContent(z.object({ id: z.string().uuid(), status: z.enum(["resolved", "dismissed"]), resolvedAt: z.string() }), "Closed"),
        400: bad,
        401: unauthenticated,
        404: notFound,
        409: conflict,
      },
    }),
    async (c) => {
      const result = await resolveReport({ db: c.get("deps").db, requestId: c.get("requestId") }, principalOf(c), c.req.valid("param").id, c.req.valid("json"));
      return c.json(result, 200);
    },
  );
