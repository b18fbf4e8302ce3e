import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { findPlanMatches } from "../../matching/find-matches.js";
import { planInputSchema, planPatchSchema, type Plan } from "../../plans/plan.js";
import { createPlan, getPlan, listPlans, updatePlan } from "../../plans/service.js";
import type { AppEnv } from "../env.js";
import { idParam, queryInt } from "../schemas/common.js";
import { createRouter } from "../router.js";
import { authProblems, jsonBody, jsonContent, signedInRoute } from "../schemas/signed-in.js";
import { principalOf } from "../use-case-deps.js";
import { nearbyFromSearch } from "../../matching/nearby.js";

/**
 * Support plans (サポートプラン): staff of the plan's center only. A plan of another center, or
 * any plan for anyone else, is 404.
 */
const { 400: bad, 401: unauthenticated, 404: notFound, 409: conflict } = authProblems;

const planSchema = z.object({ id: z.string().uuid(), caseRef: z.string(), status: z.enum(["open", "closed"]) }).passthrough().openapi("Plan");
const reasonSchema = z
  .object({ criterion: z.string(), status: z.enum(["pass", "fail", "unknown"]), detail: z.string(), detailEn: z.string(), hard: z.boolean() })
  .openapi("MatchReason");
const matchesSchema = z
  .object({
    planId: z.string().uuid(),
    needs: z.array(
      z.object({
        kind: z.string(),
        urgency: z.string(),
        matches: z.array(z.object({ serviceId: z.string(), locationId: z.string(), name: z.string(), score: z.number(), distanceMeters: z.number(), reasons: z.array(reasonSchema) }).passthrough()),
        excluded: z.array(z.object({ serviceId: z.string(), name: z.string(), reasons: z.array(reasonSchema) }).passthrough()),
      }),
    ),
    suggestion: z.object({}).passthrough(),
  })
  .openapi("PlanMatches");

const listQuery = z
  .object({
    status: z.enum(["open", "closed"]).optional().openapi({ param: { name: "status", in: "query" } }),
    page: queryInt(1, 10_000).optional().openapi({ param: { name: "page", in: "query" } }),
    size: queryInt(1, 200).optional().openapi({ param: { name: "size", in: "query" } }),
  })
  .strict();

export function planView(plan: Plan) {
  const { createdAt, updatedAt, ...rest } = plan;
  return { ...rest, createdAt: createdAt.toISOString(), updatedAt: new Date(updatedAt).toISOString() };
}

const planDeps = (c: Context<AppEnv>) => ({ db: c.get("deps").db, requestId: c.get("requestId") });

export const planRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/plans",
      tags: ["plans"],
      ...signedInRoute,
      summary: "Create a support plan (staff)",
      request: { body: jsonBody(planInputSchema) },
      responses: { 201: jsonContent(planSchema, "The plan"), 400: bad, 401: unauthenticated, 409: conflict },
    }),
    async (c) => {
      const plan = await createPlan(planDeps(c), principalOf(c), c.req.valid("json"));
      return c.json(planView(plan), 201, { location: `/api/v1/plans/${plan.id}` });
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/plans",
      tags: ["plans"],
      ...signedInRoute,
      summary: "The center's plans, most recently changed first (total in X-Total-Count)",
      request: { query: listQuery },
      responses: { 200: jsonContent(z.array(planSchema), "Plans"), 400: bad, 401: unauthenticated },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const size = q.size ?? 50;
      const { plans, total } = await listPlans(planDeps(c), principalOf(c), { status: q.status, limit: size, offset: ((q.page ?? 1) - 1) * size });
      return c.json(plans.map(planView), 200, { "x-total-count": String(total) });
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/plans/{id}",
      tags: ["plans"],
      ...signedInRoute,
      summary: "One plan (staff of its center)",
      request: { params: idParam },
      responses: { 200: jsonContent(planSchema, "The plan"), 400: bad, 401: unauthenticated, 404: notFound },
    }),
    async (c) => c.json(planView(await getPlan(planDeps(c), principalOf(c), c.req.valid("param").id)), 200),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/plans/{id}",
      tags: ["plans"],
      ...signedInRoute,
      summary: "Change a plan: replace the family, needs or constraints, hand over the lead, close or reopen",
      request: { params: idParam, body: jsonBody(planPatchSchema) },
      responses: { 200: jsonContent(planSchema, "The plan"), 400: bad, 401: unauthenticated, 404: notFound },
    }),
    async (c) => {
      const plan = await updatePlan(planDeps(c), principalOf(c), c.req.valid("param").id, c.req.valid("json"));
      return c.json(planView(plan), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/plans/{id}/matches",
      tags: ["plans"],
      ...signedInRoute,
      summary: "Ranked, explained matches for each need of the plan, near misses with why not, and a plan-level suggestion",
      request: { params: idParam },
      responses: { 200: jsonContent(matchesSchema, "Matches per need, best first"), 400: bad, 401: unauthenticated, 404: notFound },
    }),
    async (c) => {
      const plan = await getPlan(planDeps(c), principalOf(c), c.req.valid("param").id);
      const result = await findPlanMatches(c.get("deps").db, nearbyFromSearch(c.get("deps").search), plan, new Date());
      return c.json(result, 200);
    },
  );
