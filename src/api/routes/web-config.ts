import { createRoute, z } from "@hono/zod-openapi";
import type { Config } from "../../config.js";
import { createRouter } from "../router.js";

const webConfigSchema = z
  .object({
    map: z.object({
      tileUrl: z.string().optional().openapi({ description: "Raster tile URL template; absent means the offline basemap only" }),
      tileAttribution: z.string(),
    }),
  })
  .openapi("WebConfig");

/** The origin the CSP must allow images from, when tiles are configured. */
export function tileOrigin(config: Config): string | undefined {
  return config.TSUNAGU_MAP_TILE_URL ? new URL(config.TSUNAGU_MAP_TILE_URL.replace(/\{[a-z]\}/g, "0")).origin : undefined;
}

/** What the browser app needs from the server's configuration (nothing secret). */
export const webConfigRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/web-config",
    tags: ["public"],
    summary: "Settings for the web app (map tiles)",
    responses: { 200: { description: "The settings", content: { "application/json": { schema: webConfigSchema } } } },
  }),
  (c) => {
    const { config } = c.get("deps");
    return c.json({ map: { tileUrl: config.TSUNAGU_MAP_TILE_URL, tileAttribution: config.TSUNAGU_MAP_TILE_ATTRIBUTION } }, 200);
  },
);
