import { createRoute, z } from "@hono/zod-openapi";
import { designationInputSchema } from "../../consultation-points/consultation-point.js";
import { coverageGaps, designatePoint, endDesignation, findNearestPoints, listPoints } from "../../consultation-points/service.js";
import { municipalityCodeSchema } from "../../catalog/draft.js";
import { createRouter } from "../router.js";
import { idParam, queryInt } from "../schemas/common.js";
import { authProblems, jsonBody, jsonContent, signedInRoute } from "../schemas/signed-in.js";
import { principalOf } from "../use-case-deps.js";

/**
 * 地域子育て相談機関 (neighbourhood consultation points): the list and "your nearest" are public;
 * designating, ending and the coverage view belong to the center's staff.
 */
const { 400: bad, 401: unauthenticated, 404: notFound, 409: conflict } = authProblems;

const pointSchema = z
  .object({ id: z.string().uuid(), serviceId: z.string().uuid(), name: z.string(), lat: z.number(), lng: z.number(), coverageRadiusMeters: z.number() })
  .passthrough()
  .openapi("ConsultationPoint");

const coord = (min: number, max: number, name: string) =>
  z.string().regex(/^-?\d+(\.\d+)?$/, "must be a number").transform(Number).pipe(z.number().min(min).max(max)).openapi({ param: { name, in: "query" } });

export const consultationPointRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/consultation-points",
      tags: ["consultation points"],
      summary: "The designated 地域子育て相談機関 (optionally of one municipality)",
      request: { query: z.object({ municipality: municipalityCodeSchema.optional().openapi({ param: { name: "municipality", in: "query" } }) }).strict() },
      responses: { 200: jsonContent(z.array(pointSchema), "Consultation points"), 400: bad },
    }),
    async (c) => c.json(await listPoints(c.get("deps").db, c.req.valid("query").municipality), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/consultation-points/nearest",
      tags: ["consultation points"],
      summary: "Your nearest consultation points from a chosen location, and whether you are in their area",
      request: { query: z.object({ lat: coord(20, 46, "lat"), lng: coord(122, 154, "lng"), limit: queryInt(1, 10).optional().openapi({ param: { name: "limit", in: "query" } }) }).strict() },
      responses: { 200: jsonContent(z.array(z.object({ point: pointSchema, distanceMeters: z.number(), covered: z.boolean() })), "Nearest first"), 400: bad },
    }),
    async (c) => {
      const q = c.req.valid("query");
      return c.json(await findNearestPoints(c.get("deps").db, { lat: q.lat, lng: q.lng }, q.limit ?? 3), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/consultation-points",
      tags: ["consultation points"],
      ...signedInRoute,
      summary: "Designate a nursery, kindergarten or 地域子育て支援拠点 of the center's municipality as a consultation point (staff)",
      request: { body: jsonBody(designationInputSchema) },
      responses: { 201: jsonContent(pointSchema, "The designation"), 400: bad, 401: unauthenticated, 404: notFound, 409: conflict },
    }),
    async (c) => c.json(await designatePoint(c.get("deps").db, principalOf(c), c.req.valid("json"), c.get("requestId")), 201),
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/consultation-points/{id}",
      tags: ["consultation points"],
      ...signedInRoute,
      summary: "End a designation (staff of its center)",
      request: { params: idParam },
      responses: { 204: { description: "Ended" }, 400: bad, 401: unauthenticated, 404: notFound },
    }),
    async (c) => {
      await endDesignation(c.get("deps").db, principalOf(c), c.req.valid("param").id, c.get("requestId"));
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/consultation-points/coverage",
      tags: ["consultation points"],
      ...signedInRoute,
      summary: "Populated parts of the center's municipality (grid cells with listed places) that no consultation point covers (staff)",
      request: { query: z.object({ cellMeters: queryInt(250, 5000).optional().openapi({ param: { name: "cellMeters", in: "query" } }) }).strict() },
      responses: { 200: jsonContent(z.object({ points: z.number(), cells: z.number(), uncovered: z.array(z.object({}).passthrough()) }), "Coverage"), 400: bad, 401: unauthenticated, 404: notFound },
    }),
    async (c) => c.json(await coverageGaps(c.get("deps").db, principalOf(c), c.req.valid("query").cellMeters ?? 1000), 200),
  );
