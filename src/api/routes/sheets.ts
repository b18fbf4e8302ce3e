import { createRoute, z } from "@hono/zod-openapi";
import { createSheet, findSheetByToken, sheetInputSchema } from "../../recommendations/sheet.js";
import { createRouter } from "../router.js";
import { idParam } from "../schemas/common.js";
import { authProblems, jsonBody, jsonContent, signedInRoute } from "../schemas/signed-in.js";
import { principalOf } from "../use-case-deps.js";

/**
 * 利用勧奨 sheets: staff make a handout from a plan's chosen services; the family opens it by its
 * link, with no login, and learns nothing but the services.
 */
const { 400: bad, 401: unauthenticated, 404: notFound } = authProblems;

const tokenParam = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{22}$/, "must be a sheet link token").openapi({ param: { name: "token", in: "path" } }),
});

export const sheetRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/plans/{id}/sheets",
      tags: ["plans"],
      ...signedInRoute,
      summary: "Make a recommendation sheet (利用勧奨) of chosen services, in ja, easy-ja (やさしい日本語 with furigana) or en",
      request: { params: idParam, body: jsonBody(sheetInputSchema) },
      responses: { 201: jsonContent(z.object({ id: z.string(), token: z.string(), path: z.string() }).passthrough(), "The sheet's link"), 400: bad, 401: unauthenticated, 404: notFound },
    }),
    async (c) => c.json(await createSheet(c.get("deps").db, principalOf(c), c.req.valid("param").id, c.req.valid("json"), c.get("requestId")), 201),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/sheets/{token}",
      tags: ["public"],
      summary: "A recommendation sheet by its link: the services, in the sheet's language (no login)",
      request: { params: tokenParam },
      responses: { 200: jsonContent(z.object({ language: z.string(), services: z.array(z.object({}).passthrough()) }).passthrough(), "The sheet"), 400: bad, 404: notFound },
    }),
    async (c) => c.json(await findSheetByToken(c.get("deps").db, c.req.valid("param").token), 200),
  );
