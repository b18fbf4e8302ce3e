import { Hono } from "hono";
import type { AppEnv } from "../env.js";

/**
 * `/api/docs`: Swagger UI over `/api/v1/openapi.json`. Its script and styles are served by the
 * app itself under `/api/docs/assets/` (from the swagger-ui-dist package), never from a CDN, and
 * the page has no inline script so the Content-Security-Policy can stay strict.
 */
const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tsunagu API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: "/api/v1/openapi.json", dom_id: "#swagger-ui", deepLinking: true });`;

export const docsRoutes = new Hono<AppEnv>()
  .get("/", (c) => c.html(PAGE))
  .get("/init.js", (c) => c.body(INIT, 200, { "content-type": "text/javascript; charset=utf-8" }));
