import { createRoute, z } from "@hono/zod-openapi";
import { reportProblem, reportSchema } from "../../review/reports.js";
import { clientAddress } from "../client-address.js";
import { createRouter } from "../router.js";
import { idParam } from "../schemas/common.js";
import { authProblems, jsonBody, jsonContent } from "../schemas/signed-in.js";
import { perHour } from "../use-case-deps.js";

export const reportRoutes = createRouter().openapi(
  createRoute({
    method: "post",
    path: "/services/{id}/reports",
    tags: ["public"],
    summary: "Report that a listing is wrong (no sign-in, no personal data); it goes to the staff's review queue",
    description: "`problem`: closed, wrong_hours, wrong_phone, wrong_address or other (with a `note`). Rate-limited per client address.",
    request: { params: idParam, body: jsonBody(reportSchema) },
    responses: {
      201: jsonContent(z.object({ id: z.string().uuid(), status: z.literal("open") }), "Received"),
      400: authProblems[400],
      404: authProblems[404],
      429: authProblems[429],
    },
  }),
  async (c) => {
    const { db, config } = c.get("deps");
    const rule = perHour("report:address", config.TSUNAGU_REPORTS_PER_HOUR);
    const result = await reportProblem({ db, rule, requestId: c.get("requestId") }, c.req.valid("param").id, c.req.valid("json"), clientAddress(c));
    return c.json(result, 201);
  },
);
