import { OpenAPIHono } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import type { AppDeps, AppEnv } from "./env.js";
import { accessLog } from "./middleware/access-log.js";
import { publicReadCors } from "./middleware/public-read-cors.js";
import { SESSION_COOKIE, authenticate, csrfForCookieWrites } from "./middleware/auth.js";
import { handleError, problemResponse } from "./problem.js";
import { centerRoutes } from "./routes/centers.js";
import { docsRoutes } from "./routes/docs.js";
import { healthRoutes } from "./routes/health.js";
import { hsdsRoutes } from "./routes/hsds.js";
import { searchRoutes } from "./routes/search.js";
import { taxonomyRoutes } from "./routes/taxonomy.js";
import { auditRoutes } from "./routes/audit.js";
import { exportRoutes } from "./routes/exports.js";
import { consultationPointRoutes } from "./routes/consultation-points.js";
import { centerWorkRoutes } from "./routes/center-work.js";
import { planRoutes } from "./routes/plans.js";
import { referralRoutes } from "./routes/referrals.js";
import { sheetRoutes } from "./routes/sheets.js";
import { authRoutes } from "./routes/auth.js";
import { curationRoutes } from "./routes/curation.js";
import { partnerRoutes } from "./routes/partners.js";
import { reportRoutes } from "./routes/reports.js";
import { reviewRoutes } from "./routes/review.js";
import { tileOrigin, webConfigRoutes } from "./routes/web-config.js";

export interface AppOptions {
  /** Serves static files (the web app, the API docs' assets); supplied by the runtime entry point. */
  staticFiles?: MiddlewareHandler<AppEnv>;
}

/** The one Hono app, built the same way for Node, Workers and tests. */
export function createApp(deps: AppDeps, options: AppOptions = {}) {
  // strict: false so `/api/v1/` (the HSDS root, with its slash) and `/api/v1` are the same route.
  const app = new OpenAPIHono<AppEnv>({ strict: false });

  app.use("*", requestId({ limitLength: 64 }));
  app.use("*", async (c, next) => {
    c.set("deps", deps);
    await next();
  });
  app.use("*", accessLog);
  const tiles = tileOrigin(deps.config);
  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        // Map tiles are off by default; when configured, their one origin is allowed.
        imgSrc: ["'self'", "data:", ...(tiles ? [tiles] : [])],
        // Swagger UI and Leaflet set style attributes at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
      referrerPolicy: "no-referrer",
      crossOriginEmbedderPolicy: false,
    }),
  );
  const limitBody = bodyLimit({
    maxSize: deps.config.TSUNAGU_MAX_BODY_BYTES,
    onError: (c) => problemResponse(c, 413, { detail: `The request body is larger than ${deps.config.TSUNAGU_MAX_BODY_BYTES} bytes.` }),
  });
  // GET and HEAD have no body, and asking @hono/node-server's request for one builds a whole
  // Fetch Request (≈ 9 % of the server's CPU for a cached search).
  app.use("/api/*", (c, next) => (c.req.method === "GET" || c.req.method === "HEAD" ? next() : limitBody(c, next)));
  // The public catalog is open data: any site may read it (no credentials are sent cross-origin).
  app.use("/api/v1/*", publicReadCors);
  app.use("/api/*", csrfForCookieWrites(deps.config.TSUNAGU_PUBLIC_URL));
  app.use("/api/*", authenticate);

  const v1 = new OpenAPIHono<AppEnv>({ strict: false });
  v1.route("/", healthRoutes);
  v1.route("/", taxonomyRoutes);
  v1.route("/", centerRoutes);
  v1.route("/", searchRoutes);
  v1.route("/", hsdsRoutes);
  v1.route("/", authRoutes);
  v1.route("/", partnerRoutes);
  v1.route("/", curationRoutes);
  v1.route("/", reviewRoutes);
  v1.route("/", reportRoutes);
  v1.route("/", auditRoutes);
  v1.route("/", exportRoutes);
  v1.route("/", planRoutes);
  v1.route("/", centerWorkRoutes);
  v1.route("/", referralRoutes);
  v1.route("/", consultationPointRoutes);
  v1.route("/", sheetRoutes);
  v1.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", { type: "http", scheme: "bearer", description: "The `token` from POST /api/v1/auth/login" });
  v1.openAPIRegistry.registerComponent("securitySchemes", "sessionCookie", { type: "apiKey", in: "cookie", name: SESSION_COOKIE });
  v1.route("/", webConfigRoutes);
  v1.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Tsunagu API",
      version: "1",
      description:
        "Resource directory and referral matching for こども家庭センター (children and family centers). " +
        "Errors are RFC 9457 problem+json. The catalog endpoints follow Open Referral HSDS 3.0.",
    },
    servers: [{ url: "/" }],
  });
  app.route("/api/v1", v1);
  app.route("/api/docs", docsRoutes);

  if (options.staticFiles) app.use("*", options.staticFiles);

  app.notFound((c) => problemResponse(c, 404, { detail: `No route for ${c.req.method} ${c.req.path}` }));
  app.onError(handleError);
  return app;
}

export type App = ReturnType<typeof createApp>;
