import { createRoute, z } from "@hono/zod-openapi";
import type { TypedResponse } from "hono";
import { languageCodeSchema, municipalityCodeSchema } from "../../catalog/draft.js";
import { WEEKDAYS } from "../../domain/schedule.js";
import { KIND_CODES, type KindCode } from "../../domain/taxonomy.js";
import {
  DEFAULT_PAGE_SIZE,
  FACETS,
  type FacetName,
  MAX_PAGE_SIZE,
  MAX_RADIUS_METERS,
  type SearchQuery,
} from "../../search/port.js";
import { type SearchHitBody, searchBodyHead } from "../../search/response-body.js";
import { respondAndRemember, serveCachedSearch } from "../search-response-cache.js";
import { problems } from "../schemas/common.js";
import { createRouter } from "../router.js";

/**
 * `GET /api/v1/search`: the public search (API.md). Every parameter is validated here and
 * turned into the typed `SearchQuery` of the search port; a mistake is a 400 problem+json that
 * names the parameter.
 */

/** A query parameter that may be repeated (`kind=a&kind=b`) or comma-separated (`kind=a,b`). */
const repeatable = (name: string, example: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean))
    .optional()
    .openapi({ param: { name, in: "query", style: "form", explode: true }, example });

const decimal = (name: string, min: number, max: number, example: string) =>
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, "must be a decimal number")
    .transform(Number)
    .pipe(z.number().min(min).max(max))
    .optional()
    .openapi({ param: { name, in: "query" }, example });

const whole = (name: string, min: number, max: number, message?: string) =>
  z
    .string()
    .regex(/^\d+$/, "must be a whole number")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max, message))
    .optional()
    .openapi({ param: { name, in: "query" } });

const bbox = z
  .string()
  .transform((v, ctx) => {
    const parts = v.split(",").map((p) => p.trim());
    const nums = parts.map(Number);
    if (parts.length !== 4 || parts.some((p) => !/^-?\d+(\.\d+)?$/.test(p))) {
      ctx.addIssue({ code: "custom", message: "must be four numbers: minLng,minLat,maxLng,maxLat" });
      return z.NEVER;
    }
    const [minLng, minLat, maxLng, maxLat] = nums as [number, number, number, number];
    if ([minLng, maxLng].some((x) => x < -180 || x > 180) || [minLat, maxLat].some((y) => y < -90 || y > 90)) {
      ctx.addIssue({ code: "custom", message: "longitudes must lie within -180..180 and latitudes within -90..90" });
      return z.NEVER;
    }
    if (minLng >= maxLng || minLat >= maxLat) {
      ctx.addIssue({ code: "custom", message: "minLng must be below maxLng and minLat below maxLat" });
      return z.NEVER;
    }
    return { minLng, minLat, maxLng, maxLat };
  })
  .optional()
  .openapi({ param: { name: "bbox", in: "query" }, example: "139.68,35.78,139.78,35.86" });

const searchQuerySchema = z
  .object({
    q: z.string().trim().max(200).optional().openapi({ param: { name: "q", in: "query" }, example: "子ども食堂" }),
    kind: repeatable("kind", "kodomo-shokudo").superRefine((kinds, ctx) => {
      const unknown = (kinds ?? []).filter((k) => !(KIND_CODES as readonly string[]).includes(k));
      if (unknown.length) ctx.addIssue({ code: "custom", message: `unknown kind ${unknown.join(", ")}; see /api/v1/taxonomy` });
    }),
    organizationId: z.string().uuid("must be a UUID").optional().openapi({ param: { name: "organizationId", in: "query" } }),
    municipality: municipalityCodeSchema.optional().openapi({ param: { name: "municipality", in: "query" }, example: "112038" }),
    lat: decimal("lat", -90, 90, "35.8078"),
    lng: decimal("lng", -180, 180, "139.7241"),
    radius: whole("radius", 1, MAX_RADIUS_METERS, `must be at most ${MAX_RADIUS_METERS} m (100 km)`),
    bbox,
    ageMonths: whole("ageMonths", 0, 300),
    pregnancyWeeks: whole("pregnancyWeeks", 0, 42),
    language: repeatable("language", "vi").superRefine((codes, ctx) => {
      const bad = (codes ?? []).filter((c) => !languageCodeSchema.safeParse(c).success);
      if (bad.length) ctx.addIssue({ code: "custom", message: `must be ISO 639 language codes such as ja, en, zh (got ${bad.join(", ")})` });
    }),
    free: z.enum(["true", "false"], { message: "must be true or false" }).optional().openapi({ param: { name: "free", in: "query" } }),
    openOn: z.enum(WEEKDAYS, { message: `must be one of ${WEEKDAYS.join(", ")}` }).optional().openapi({ param: { name: "openOn", in: "query" } }),
    sort: z.enum(["relevance", "distance"], { message: "must be relevance or distance" }).optional().openapi({ param: { name: "sort", in: "query" } }),
    page: whole("page", 1, 10_000),
    size: whole("size", 1, MAX_PAGE_SIZE),
    facets: z
      .string()
      .transform((v) => v.split(",").map((s) => s.trim()).filter(Boolean))
      .superRefine((names, ctx) => {
        const unknown = names.filter((n) => !(FACETS as readonly string[]).includes(n));
        if (unknown.length) ctx.addIssue({ code: "custom", message: `unknown facet ${unknown.join(", ")}; facets are ${FACETS.join(", ")}` });
      })
      .optional()
      .openapi({ param: { name: "facets", in: "query" }, example: "kind,language" }),
  })
  .strict()
  .superRefine((q, ctx) => {
    if ((q.lat === undefined) !== (q.lng === undefined)) {
      ctx.addIssue({ code: "custom", path: [q.lat === undefined ? "lat" : "lng"], message: "lat and lng go together" });
    }
    if (q.radius !== undefined && q.lat === undefined) ctx.addIssue({ code: "custom", path: ["radius"], message: "radius needs lat and lng" });
    if (q.radius !== undefined && q.bbox !== undefined) ctx.addIssue({ code: "custom", path: ["bbox"], message: "use either radius or bbox, not both" });
    if (q.sort === "distance" && q.lat === undefined) ctx.addIssue({ code: "custom", path: ["sort"], message: "sort=distance needs lat and lng" });
  });

const hitSchema = z
  .object({
    id: z.string().uuid(),
    serviceId: z.string().uuid(),
    locationId: z.string().uuid(),
    name: z.string(),
    nameKana: z.string().nullable(),
    kind: z.string().openapi({ example: "kodomo-shokudo" }),
    kinds: z.array(z.string()),
    organization: z.object({ id: z.string().uuid(), name: z.string() }),
    address: z.string(),
    municipalityCode: z.string().nullable(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    distanceMeters: z.number().int().optional(),
    costFree: z.boolean(),
    languages: z.array(z.string()),
    ageMinMonths: z.number().int().optional(),
    ageMaxMonths: z.number().int().optional(),
    openDays: z.array(z.enum(WEEKDAYS)),
    verifiedAt: z.string().nullable(),
    updatedAt: z.string(),
    highlights: z
      .record(z.string(), z.array(z.tuple([z.number().int(), z.number().int()])))
      .openapi({ description: "Matched parts of name, nameKana, organization (its name) and address: [start, end) UTF-16 offsets" }),
  })
  .openapi("SearchHit");

const searchResponseSchema = z
  .object({
    hits: z.array(hitSchema),
    total: z.number().int(),
    page: z.number().int(),
    size: z.number().int(),
    facets: z.record(z.string(), z.record(z.string(), z.number().int())),
    expansions: z
      .array(z.object({ phrase: z.string(), kinds: z.array(z.string()) }))
      .openapi({ description: "Everyday phrases that widened the search to these kinds (「休みたい」 → postpartum-care, short-stay)" }),
    tookMs: z.number(),
  })
  .openapi("SearchResponse");

function toSearchQuery(q: z.infer<typeof searchQuerySchema>): SearchQuery {
  const origin = q.lat !== undefined && q.lng !== undefined ? { lat: q.lat, lng: q.lng } : undefined;
  const within: SearchQuery["within"] =
    q.radius !== undefined && origin ? { kind: "radius", center: origin, radiusMeters: q.radius } : q.bbox ? { kind: "bbox", ...q.bbox } : undefined;
  return {
    text: q.q || undefined,
    filter: {
      kinds: q.kind?.length ? (q.kind as KindCode[]) : undefined,
      organizationId: q.organizationId,
      municipalityCode: q.municipality,
      ageMonths: q.ageMonths,
      pregnancyWeeks: q.pregnancyWeeks,
      languages: q.language?.length ? q.language : undefined,
      freeOnly: q.free === "true" ? true : undefined,
      openOn: q.openOn,
    },
    within,
    origin,
    sort: q.sort ?? "relevance",
    facets: (q.facets ?? ["kind"]) as FacetName[],
    page: q.page ?? 1,
    size: q.size ?? DEFAULT_PAGE_SIZE,
  };
}

export const searchRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/search",
    tags: ["public"],
    summary: "Search published services: text (Japanese-aware), filters, radius or box, facets, paging",
    description:
      "One hit per service and place. `q` understands kana/kanji variants (子ども・子供・こども), readings (さんごけあ), English labels, " +
      "romaji, typos in Latin words and everyday phrases (休みたい). Facets default to `kind`; `facets=` asks for none.",
    middleware: [serveCachedSearch] as const,
    request: { query: searchQuerySchema },
    responses: {
      200: { description: "Matching services, best first", content: { "application/json": { schema: searchResponseSchema } } },
      400: problems[400],
      503: { description: "The search engine is unreachable; retry shortly", content: problems[400].content },
    },
  }),
  async (c) => {
    const { search } = c.get("deps");
    // Read before searching: the answer belongs to the index as it was then.
    const version = search.resultsVersion?.();
    const { head, tookMs } = await searchBodyHead(search, toSearchQuery(c.req.valid("query")));
    return respondAndRemember(c, version, head, tookMs) as unknown as TypedResponse<SearchResponseBody, 200, "json">;
  },
);

/** The response body of `GET /api/v1/search`, for typed clients (the web app imports it as a type). */
export type SearchResponseBody = z.infer<typeof searchResponseSchema>;

/** The hits written by search/response-body.ts are what the schema says, and the schema says no more. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const hitsAreWhatTheSchemaSays: Same<z.infer<typeof hitSchema>, SearchHitBody> = true;
void hitsAreWhatTheSchemaSays;
