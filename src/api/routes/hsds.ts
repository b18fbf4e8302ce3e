import { createRoute, z } from "@hono/zod-openapi";
import {
  findPublicOrganization,
  findPublicService,
  listPublicOrganizations,
  listPublicServices,
} from "../../catalog/public-catalog.js";
import {
  hsdsOrganization,
  hsdsPage,
  hsdsRoot,
  hsdsService,
  hsdsServiceListItem,
  hsdsTaxonomyTerm,
} from "../../catalog/hsds.js";
import { findTaxonomyTermById, listTaxonomyTerms } from "../../catalog/taxonomy-read.js";
import { TAXONOMY_ID } from "../../catalog/taxonomy-sync.js";
import { NotFoundError } from "../../domain/errors.js";
import { TAXONOMY } from "../../domain/taxonomy.js";
import { hsdsPageSchema, hsdsPaging, idParam, problems, queryBool } from "../schemas/common.js";
import { publicBaseUrl } from "../base-url.js";
import { createRouter } from "../router.js";

/**
 * The Open Referral HSDS 3.0 read API (schema/openapi.json of the specification): only
 * published records, in the HSDS page envelope, ids as UUIDs.
 */
const hsdsObject = (name: string) => z.object({ id: z.string().uuid() }).passthrough().openapi(name);
const json = (schema: z.ZodTypeAny, description: string) => ({ description, content: { "application/json": { schema } } });

const DEFAULT_PER_PAGE = 50;
const uuidQuery = (name: string) => z.string().uuid("must be a UUID").optional().openapi({ param: { name, in: "query" } });

const serviceListQuery = z
  .object({
    ...hsdsPaging,
    search: z.string().trim().min(1).max(200).optional().openapi({ param: { name: "search", in: "query" }, example: "子ども食堂" }),
    organization_id: uuidQuery("organization_id"),
    taxonomy_term_id: uuidQuery("taxonomy_term_id"),
    taxonomy_id: uuidQuery("taxonomy_id"),
    modified_after: z
      .string()
      .datetime({ offset: true, message: "must be an ISO 8601 date-time" })
      .optional()
      .openapi({ param: { name: "modified_after", in: "query" } }),
    full: queryBool.optional().openapi({ param: { name: "full", in: "query" } }),
  })
  .strict();

const orgListQuery = z
  .object({
    ...hsdsPaging,
    search: z.string().trim().min(1).max(200).optional().openapi({ param: { name: "search", in: "query" } }),
    full_service: queryBool.optional().openapi({ param: { name: "full_service", in: "query" } }),
  })
  .strict();

const termListQuery = z
  .object({ ...hsdsPaging, taxonomy_id: uuidQuery("taxonomy_id") })
  .strict();

export const hsdsRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/",
      tags: ["hsds"],
      summary: "HSDS API root: version, profile and OpenAPI location",
      responses: { 200: json(z.object({ version: z.string(), profile: z.string(), openapi_url: z.string() }), "HSDS API information") },
    }),
    (c) => c.json(hsdsRoot(publicBaseUrl(c)), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/services",
      tags: ["hsds"],
      summary: "Published services (HSDS page of service_list items)",
      request: { query: serviceListQuery },
      responses: { 200: json(hsdsPageSchema(hsdsObject("HsdsService"), "HsdsServicePage"), "A page of services"), 400: problems[400] },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const page = q.page ?? 1;
      const perPage = q.per_page ?? DEFAULT_PER_PAGE;
      // Tsunagu publishes one taxonomy: another taxonomy id matches nothing.
      if (q.taxonomy_id && q.taxonomy_id !== TAXONOMY_ID) return c.json(hsdsPage([], 0, page, perPage), 200);
      const result = await listPublicServices(c.get("deps").db, {
        page,
        perPage,
        search: q.search,
        organizationId: q.organization_id,
        taxonomyTermId: q.taxonomy_term_id,
        modifiedAfter: q.modified_after ? new Date(q.modified_after) : undefined,
      });
      const toItem = q.full ? hsdsService : hsdsServiceListItem;
      return c.json(hsdsPage(result.items.map(toItem), result.total, page, perPage), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/services/{id}",
      tags: ["hsds"],
      summary: "One published service, fully nested (HSDS compiled service)",
      request: { params: idParam },
      responses: { 200: json(hsdsObject("HsdsServiceFull"), "The service"), ...problems },
    }),
    async (c) => {
      const service = await findPublicService(c.get("deps").db, c.req.valid("param").id);
      if (!service) throw new NotFoundError("service");
      return c.json(hsdsService(service), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/organizations",
      tags: ["hsds"],
      summary: "Organizations with published services (HSDS page of organization_list items)",
      request: { query: orgListQuery },
      responses: { 200: json(hsdsPageSchema(hsdsObject("HsdsOrganization"), "HsdsOrganizationPage"), "A page of organizations"), 400: problems[400] },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const page = q.page ?? 1;
      const perPage = q.per_page ?? DEFAULT_PER_PAGE;
      const result = await listPublicOrganizations(c.get("deps").db, { page, perPage, search: q.search });
      return c.json(hsdsPage(result.items.map((o) => hsdsOrganization(o)), result.total, page, perPage), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/organizations/{id}",
      tags: ["hsds"],
      summary: "One organization with its published services (HSDS compiled organization)",
      request: { params: idParam, query: z.object({ full_service: queryBool.optional() }).strict() },
      responses: { 200: json(hsdsObject("HsdsOrganizationFull"), "The organization"), ...problems },
    }),
    async (c) => {
      const found = await findPublicOrganization(c.get("deps").db, c.req.valid("param").id);
      if (!found) throw new NotFoundError("organization");
      const full = c.req.valid("query").full_service ?? true;
      return c.json(
        {
          ...hsdsOrganization(found.organization, { full: true, phones: found.phones }),
          services: found.services.map(full ? hsdsService : hsdsServiceListItem),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/taxonomies",
      tags: ["hsds"],
      summary: "The taxonomies in use (Tsunagu's resource kinds)",
      request: { query: z.object(hsdsPaging).strict() },
      responses: { 200: json(hsdsPageSchema(hsdsObject("HsdsTaxonomy"), "HsdsTaxonomyPage"), "A page of taxonomies"), 400: problems[400] },
    }),
    (c) => {
      const taxonomy = { id: TAXONOMY_ID, name: TAXONOMY.name, description: TAXONOMY.description, uri: TAXONOMY.uri, version: TAXONOMY.version };
      const { page = 1, per_page: perPage = DEFAULT_PER_PAGE } = c.req.valid("query");
      return c.json(hsdsPage(page === 1 ? [taxonomy] : [], 1, page, perPage), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/taxonomy_terms",
      tags: ["hsds"],
      summary: "The taxonomy terms (resource kinds) as HSDS taxonomy_term objects",
      request: { query: termListQuery },
      responses: { 200: json(hsdsPageSchema(hsdsObject("HsdsTaxonomyTerm"), "HsdsTaxonomyTermPage"), "A page of terms"), 400: problems[400] },
    }),
    async (c) => {
      const q = c.req.valid("query");
      const page = q.page ?? 1;
      const perPage = q.per_page ?? DEFAULT_PER_PAGE;
      const terms = q.taxonomy_id && q.taxonomy_id !== TAXONOMY_ID ? [] : await listTaxonomyTerms(c.get("deps").db);
      const slice = terms.slice((page - 1) * perPage, page * perPage);
      return c.json(hsdsPage(slice.map(hsdsTaxonomyTerm), terms.length, page, perPage), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/taxonomy_terms/{id}",
      tags: ["hsds"],
      summary: "One taxonomy term",
      request: { params: idParam },
      responses: { 200: json(hsdsObject("HsdsTaxonomyTermOne"), "The term"), ...problems },
    }),
    async (c) => {
      const term = await findTaxonomyTermById(c.get("deps").db, c.req.valid("param").id);
      if (!term) throw new NotFoundError("taxonomy term");
      return c.json(hsdsTaxonomyTerm(term), 200);
    },
  );
