import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { referralEventSchema, referralInputSchema } from "../../referrals/input.js";
import { REFERRAL_STATUSES } from "../../referrals/referral.js";
import { type ReferralDeps, createReferral, getReferral, listReferrals, recordReferralEvent } from "../../referrals/service.js";
import type { AppEnv } from "../env.js";
import { idParam, queryBool, queryInt } from "../schemas/common.js";
import { createRouter } from "../router.js";
import { authProblems, jsonBody, jsonContent, signedInRoute } from "../schemas/signed-in.js";
import { principalOf } from "../use-case-deps.js";

/**
 * Referrals: sent by staff of a center, answered by the receiving partner. Each side sees only its
 * own (the partner only what the family agreed to share); anything else is 404.
 */
const { 400: bad, 401: unauthenticated, 404: notFound, 409: conflict } = authProblems;

const referralSchema = z
  .object({ id: z.string().uuid(), reference: z.string(), status: z.enum(REFERRAL_STATUSES), events: z.array(z.object({}).passthrough()) })
  .passthrough()
  .openapi("Referral");

const listQuery = z
  .object({
    status: z.enum(REFERRAL_STATUSES).optional().openapi({ param: { name: "status", in: "query" } }),
    planId: z.string().uuid("must be a UUID").optional().openapi({ param: { name: "planId", in: "query" } }),
    overdue: queryBool.optional().openapi({ param: { name: "overdue", in: "query" } }),
    page: queryInt(1, 10_000).optional().openapi({ param: { name: "page", in: "query" } }),
    size: queryInt(1, 200).optional().openapi({ param: { name: "size", in: "query" } }),
  })
  .strict();

const idempotencyHeader = z.object({
  "idempotency-key": z.string().trim().min(8).max(200).optional().openapi({ param: { name: "idempotency-key", in: "header" }, description: "Repeat a create safely: the same key and body return the first result" }),
});

function referralDeps(c: Context<AppEnv>): ReferralDeps {
  const { db, config } = c.get("deps");
  return { db, now: () => new Date(), responseDays: config.TSUNAGU_REFERRAL_RESPONSE_DAYS, requestId: c.get("requestId") };
}

export const referralRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/referrals",
      tags: ["referrals"],
      ...signedInRoute,
      summary: "Refer a family to a service, with the family's recorded consent (staff)",
      description:
        "A referral is never a child-abuse report: when a child may be at risk, follow the 児童相談所 route (call 189). " +
        "The receiving organization needs an active partner account; otherwise the 409 problem carries its contact details.",
      request: { headers: idempotencyHeader, body: jsonBody(referralInputSchema) },
      responses: { 201: jsonContent(referralSchema, "The referral, status sent"), 400: bad, 401: unauthenticated, 404: notFound, 409: conflict },
    }),
    async (c) => {
      const key = c.req.valid("header")["idempotency-key"];
      const { referral, replayed } = await createReferral(referralDeps(c), principalOf(c), c.req.valid("json"), key);
      return c.json(referral, 201, { location: `/api/v1/referrals/${referral.id}`, ...(replayed ? { "idempotent-replayed": "true" } : {}) });
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/referrals",
      tags: ["referrals"],
      ...signedInRoute,
      summary: "Referrals of the caller's center (staff) or addressed to the caller's organization (partner); total in X-Total-Count",
      request: { query: listQuery },
      responses: { 200: jsonContent(z.array(referralSchema), "Referrals, newest first"), 400: bad, 401: unauthenticated },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const size = q.size ?? 50;
      const { items, total } = await listReferrals(referralDeps(c), principalOf(c), {
        status: q.status,
        planId: q.planId,
        overdue: q.overdue,
        limit: size,
        offset: ((q.page ?? 1) - 1) * size,
      });
      return c.json(items, 200, { "x-total-count": String(total) });
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/referrals/{id}",
      tags: ["referrals"],
      ...signedInRoute,
      summary: "One referral with its events",
      request: { params: idParam },
      responses: { 200: jsonContent(referralSchema, "The referral"), 400: bad, 401: unauthenticated, 404: notFound },
    }),
    async (c) => c.json(await getReferral(referralDeps(c), principalOf(c), c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/referrals/{id}/events",
      tags: ["referrals"],
      ...signedInRoute,
      summary: "Move a referral on: accept, decline (with a reason), start, complete or not (with an outcome); staff may withdraw",
      request: { params: idParam, body: jsonBody(referralEventSchema) },
      responses: { 200: jsonContent(referralSchema, "The referral after the move"), 400: bad, 401: unauthenticated, 404: notFound, 409: conflict },
    }),
    async (c) => c.json(await recordReferralEvent(referralDeps(c), principalOf(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );
