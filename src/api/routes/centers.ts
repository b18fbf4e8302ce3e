import { createRoute, z } from "@hono/zod-openapi";
import { listCenters } from "../../centers/repository.js";
import { createRouter } from "../router.js";

const centerSchema = z
  .object({
    id: z.string().uuid(),
    name: z.string().openapi({ example: "川口市こども家庭センター" }),
    municipalityCode: z.string().openapi({ example: "112038" }),
    municipalityName: z.string().openapi({ example: "川口市" }),
    prefecture: z.string().openapi({ example: "埼玉県" }),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
  })
  .openapi("Center");

export const centerRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/centers",
    tags: ["public"],
    summary: "The こども家庭センター (children and family centers) using Tsunagu",
    responses: { 200: { description: "All centers", content: { "application/json": { schema: z.array(centerSchema) } } } },
  }),
  async (c) => {
    const centers = await listCenters(c.get("deps").db);
    return c.json(
      centers.map((ctr) => ({
        id: ctr.id,
        name: ctr.name,
        municipalityCode: ctr.municipality_code,
        municipalityName: ctr.municipality_name,
        prefecture: ctr.prefecture,
        lat: ctr.latitude,
        lng: ctr.longitude,
      })),
      200,
    );
  },
);
