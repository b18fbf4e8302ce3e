import { createRoute, z } from "@hono/zod-openapi";
import { registerPartner, registrationSchema } from "../../partners/register.js";
import { clientAddress } from "../client-address.js";
import { createRouter } from "../router.js";
import { authProblems, jsonBody, jsonContent } from "../schemas/signed-in.js";
import { perHour } from "../use-case-deps.js";

export const partnerRoutes = createRouter().openapi(
  createRoute({
    method: "post",
    path: "/partners/register",
    tags: ["partners"],
    summary: "A community partner signs up: a partner account and its organization, pending review",
    description:
      "The organization starts `pending`; staff of the centers of its `municipalityCodes` review it. Rate-limited per client address. " +
      "Passwords: at least 10 characters, not a common one, not containing the e-mail address.",
    request: { body: jsonBody(registrationSchema) },
    responses: {
      201: jsonContent(z.object({ userId: z.string().uuid(), organizationId: z.string().uuid() }).openapi("PartnerRegistered"), "Registered"),
      400: authProblems[400],
      409: authProblems[409],
      429: authProblems[429],
    },
  }),
  async (c) => {
    const { db, config } = c.get("deps");
    const rule = perHour("register:address", config.TSUNAGU_REGISTRATIONS_PER_HOUR);
    const result = await registerPartner({ db, rule, requestId: c.get("requestId") }, c.req.valid("json"), clientAddress(c));
    return c.json(result, 201);
  },
);
