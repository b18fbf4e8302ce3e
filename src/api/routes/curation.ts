import { createRoute, z } from "@hono/zod-openapi";
import { confirmRecord, createService, editRecord } from "../../catalog/curation.js";
import { serviceDraftSchema } from "../../catalog/draft.js";
import { organizationPatchSchema, servicePatchSchema } from "../../catalog/patch.js";
import { ORGANIZATION, SERVICE } from "../../catalog/record-kinds.js";
import { getOrganizationRecord, getServiceRecord, listOrganizationServices } from "../../catalog/records.js";
import { createRouter } from "../router.js";
import { idParam } from "../schemas/common.js";
import { authProblems, jsonBody, jsonContent, recordSchema, signedInRoute } from "../schemas/signed-in.js";
import { catalogDeps, principalOf } from "../use-case-deps.js";

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
  .openapi(
    createRoute({
      method: "get",
      path: "/organizations/{id}/record",
      tags: ["catalog editing"],
      summary: "The organization as its editors see it: state, current values, verification, latest revision",
      ...signedInRoute,
      request: { params: idParam },
      responses: { 200: jsonContent(recordSchema, "The record"), 401: unauthenticated, 404: notFound },
    }),
    async (c) => c.json(await getOrganizationRecord(catalogDeps(c), principalOf(c), c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/organizations/{id}",
      tags: ["catalog editing"],
      summary: "Edit the organization (a partner's edit of a published one waits for review; the published version stays public)",
      ...signedInRoute,
      request: { params: idParam, body: jsonBody(organizationPatchSchema) },
      responses: { 200: jsonContent(recordSchema, "The record after the edit"), 400: bad, 401: unauthenticated, 404: notFound },
    }),
    async (c) => {
      const deps = catalogDeps(c);
      const p = principalOf(c);
      const { id } = c.req.valid("param");
      await editRecord(deps, p, ORGANIZATION, id, c.req.valid("json"));
      return c.json(await getOrganizationRecord(deps, p, id), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/organizations/{id}/confirm",
      tags: ["catalog editing"],
      summary: "Confirm the published organization is still correct (verifies it now)",
      ...signedInRoute,
      request: { params: idParam },
      responses: { 200: jsonContent(recordSchema, "The record"), 401: unauthenticated, 404: notFound, 409: conflict },
    }),
    async (c) => {
      const deps = catalogDeps(c);
      const p = principalOf(c);
      const { id } = c.req.valid("param");
      await confirmRecord(deps, p, ORGANIZATION, id);
      return c.json(await getOrganizationRecord(deps, p, id), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/services/{id}/record",
      tags: ["catalog editing"],
      summary: "The service as its editors see it: state, current values, verification, latest revision",
      ...signedInRoute,
      request: { params: idParam },
      responses: { 200: jsonContent(recordSchema, "The record"), 401: unauthenticated, 404: notFound },
    }),
    async (c) => c.json(await getServiceRecord(catalogDeps(c), principalOf(c), c.req.valid("param").id), 200),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/services/{id}",
      tags: ["catalog editing"],
      summary: "Edit a service (a partner's edit of a published one waits for review; the published version stays public)",
      description: "Fields left out keep their value; an optional field set to null is cleared; `location` merges field by field.",
      ...signedInRoute,
      request: { params: idParam, body: jsonBody(servicePatchSchema) },
      responses: { 200: jsonContent(recordSchema, "The record after the edit"), 400: bad, 401: unauthenticated, 404: notFound },
    }),
    async (c) => {
      const deps = catalogDeps(c);
      const p = principalOf(c);
      const { id } = c.req.valid("param");
      await editRecord(deps, p, SERVICE, id, c.req.valid("json"));
      return c.json(await getServiceRecord(deps, p, id), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/services/{id}/confirm",
      tags: ["catalog editing"],
      summary: "Confirm the published service is still correct (verifies it now)",
      ...signedInRoute,
      request: { params: idParam },
      responses: { 200: jsonContent(recordSchema, "The record"), 401: unauthenticated, 404: notFound, 409: conflict },
    }),
    async (c) => {
      const deps = catalogDeps(c);
      const p = principalOf(c);
      const { id } = c.req.valid("param");
      await confirmRecord(deps, p, SERVICE, id);
      return c.json(await getServiceRecord(deps, p, id), 200);
    },
  );
