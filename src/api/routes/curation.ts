import { createRoute, z } from "@hono/zod-openapi";
import { confirmRecord, createService, editRecord } from "../../catalog/curation.js";
import { serviceDraftSchema } from "../../catalog/draft.js";
import { organizationPatchSchema, servicePatchSchema } from "../../catalog/patch.js";
import { ORGANIZATION, SERVICE } from "../../catalog/record-kinds.js";
import { listOrganizationServices } from "../../catalog/records.js";
import { createRouter } from "../router.js";
import { idParam } from "../schemas/common.js";
import { authProblems, jsonBody, jsonContent, recordSchema, signedInRoute } from "../schemas/signed-in.js";
import { catalogDeps, principalOf, withRecord } from "../use-case-deps.js";

/**
 * The partner portal's (and staff's) catalog editing: create and edit services, edit the
 * organization, read records in every state, confirm "still correct". Who may do what is the
 * tenancy policy's call (partner of the organization, staff of a center it serves); reads of
 * the published catalog stay on the public HSDS routes.
 */
const { 400: bad, 401: unauthenticated, 404: notFound, 409: conflict } = authProblems;

const serviceSummary = z
  .object({
    id: z.string().uuid(),
    name: z.string(),
    kind: z.string(),
    status: z.enum(["pending", "published", "rejected"]),
    public: z.boolean(),
    pendingRevisionId: z.string().nullable(),
    stale: z.boolean(),
  })
  .passthrough()
  .openapi("ServiceSummary");

type Entity = "services" | "organizations";
const noun = (entity: Entity) => (entity === "services" ? "service" : "organization");

const recordRoute = (entity: Entity) =>
  createRoute({
    method: "get",
    path: `/${entity}/{id}/record`,
    tags: ["catalog editing"],
    summary: `The ${noun(entity)} as its editors see it: state, current values, verification, latest revision`,
    ...signedInRoute,
    request: { params: idParam },
    responses: { 200: jsonContent(recordSchema, "The record"), 401: unauthenticated, 404: notFound },
  });

const editRoute = <S extends z.ZodType>(entity: Entity, patch: S) =>
  createRoute({
    method: "patch",
    path: `/${entity}/{id}`,
    tags: ["catalog editing"],
    summary: `Edit the ${noun(entity)} (a partner's edit of a published one waits for review; the published version stays public)`,
    description: "Fields left out keep their value; an optional field set to null is cleared; a service's `location` merges field by field.",
    ...signedInRoute,
    request: { params: idParam, body: jsonBody(patch) },
    responses: { 200: jsonContent(recordSchema, "The record after the edit"), 400: bad, 401: unauthenticated, 404: notFound },
  });

const confirmRoute = (entity: Entity) =>
  createRoute({
    method: "post",
    path: `/${entity}/{id}/confirm`,
    tags: ["catalog editing"],
    summary: `Confirm the published ${noun(entity)} is still correct (verifies it now)`,
    ...signedInRoute,
    request: { params: idParam },
    responses: { 200: jsonContent(recordSchema, "The record"), 401: unauthenticated, 404: notFound, 409: conflict },
  });

export const curationRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/organizations/{id}/services",
      tags: ["catalog editing"],
      summary: "Create a service of the organization (a partner's starts pending, staff's is published)",
      ...signedInRoute,
      request: { params: idParam, body: jsonBody(serviceDraftSchema) },
      responses: {
        201: jsonContent(z.object({ id: z.string().uuid(), status: z.enum(["pending", "published"]) }), "Created"),
        400: bad,
        401: unauthenticated,
        404: notFound,
      },
    }),
    async (c) => {
      const result = await createService(catalogDeps(c), principalOf(c), c.req.valid("param").id, c.req.valid("json"));
      return c.json({ id: result.id, status: result.status as "pending" | "published" }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/organizations/{id}/services",
      tags: ["catalog editing"],
      summary: "Every service of the organization, in every state (for its editors)",
      ...signedInRoute,
      request: { params: idParam },
      responses: { 200: jsonContent(z.object({ items: z.array(serviceSummary) }), "The services"), 401: unauthenticated, 404: notFound },
    }),
    async (c) => c.json({ items: await listOrganizationServices(catalogDeps(c), principalOf(c), c.req.valid("param").id) }, 200),
  )
  .openapi(recordRoute("organizations"), async (c) => c.json(await withRecord(c, "organization"), 200))
  .openapi(recordRoute("services"), async (c) => c.json(await withRecord(c, "service"), 200))
  .openapi(editRoute("organizations", organizationPatchSchema), async (c) =>
    c.json(await withRecord(c, "organization", (deps, p, id) => editRecord(deps, p, ORGANIZATION, id, c.req.valid("json"))), 200),
  )
  .openapi(editRoute("services", servicePatchSchema), async (c) =>
    c.json(await withRecord(c, "service", (deps, p, id) => editRecord(deps, p, SERVICE, id, c.req.valid("json"))), 200),
  )
  .openapi(confirmRoute("organizations"), async (c) =>
    c.json(await withRecord(c, "organization", (deps, p, id) => confirmRecord(deps, p, ORGANIZATION, id)), 200),
  )
  .openapi(confirmRoute("services"), async (c) => c.json(await withRecord(c, "service", (deps, p, id) => confirmRecord(deps, p, SERVICE, id)), 200));
