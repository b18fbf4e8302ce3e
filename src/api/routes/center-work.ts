import { createRoute, z } from "@hono/zod-openapi";
import { gapReportCsv } from "../../gaps/gap-csv.js";
import { centerGapReport } from "../../gaps/service.js";
import { nearbyFromSearch } from "../../matching/nearby.js";
import { caseSummary } from "../../plans/case-summary.js";
import { createRouter } from "../router.js";
import { idParam, queryInt } from "../schemas/common.js";
import { authProblems, jsonContent, signedInRoute } from "../schemas/signed-in.js";
import { principalOf } from "../use-case-deps.js";

/**
 * The center's own duties beyond one referral: where needs go unmet (地域資源の開拓), and the
 * one-page case-conference summary (ケース会議). Staff of the center only.
 */
const { 400: bad, 401: unauthenticated, 404: notFound } = authProblems;

const gapQuery = z
  .object({
    cellMeters: queryInt(250, 5000).optional().openapi({ param: { name: "cellMeters", in: "query" }, example: "1000" }),
    since: z.iso.date({ message: "must be a date YYYY-MM-DD" }).optional().openapi({ param: { name: "since", in: "query" } }),
    format: z.enum(["json", "csv"]).optional().openapi({ param: { name: "format", in: "query" } }),
  })
  .strict();

export const centerWorkRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/gaps",
      tags: ["center"],
      ...signedInRoute,
      summary: "Gap analysis: unmet needs per kind and per area from the center's plans (cells under 5 plans suppressed); CSV with format=csv",
      request: { query: gapQuery },
      responses: {
        200: { description: "The report", content: { "application/json": { schema: z.object({ plans: z.number(), byKind: z.array(z.object({}).passthrough()), byArea: z.array(z.object({}).passthrough()) }).passthrough() }, "text/csv": { schema: z.string() } } },
        400: bad,
        401: unauthenticated,
        404: notFound,
      },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const { db, search } = c.get("deps");
      const report = await centerGapReport(db, nearbyFromSearch(search), principalOf(c), { cellMeters: q.cellMeters ?? 1000, since: q.since ? new Date(q.since) : undefined, now: new Date() });
      if (q.format === "csv") {
        return c.body(gapReportCsv(report), 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": 'attachment; filename="tsunagu-gaps.csv"' });
      }
      return c.json(report, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/plans/{id}/summary",
      tags: ["plans"],
      ...signedInRoute,
      summary: "The case-conference (ケース会議) summary of a plan: needs, matches with reasons, referrals and their history, next steps with owners. Every view is audited.",
      request: { params: idParam },
      responses: { 200: jsonContent(z.object({ plan: z.object({}).passthrough(), needs: z.array(z.object({}).passthrough()) }).passthrough(), "The summary"), 400: bad, 401: unauthenticated, 404: notFound },
    }),
    async (c) => {
      const { db, search, config } = c.get("deps");
      const deps = { db, findNearby: nearbyFromSearch(search), now: () => new Date(), responseDays: config.TSUNAGU_REFERRAL_RESPONSE_DAYS, requestId: c.get("requestId") };
      return c.json(await caseSummary(deps, principalOf(c), c.req.valid("param").id), 200);
    },
  );
