import { createRoute, z } from "@hono/zod-openapi";
import { listTaxonomyTerms } from "../../catalog/taxonomy-read.js";
import { createRouter } from "../router.js";

const kindSchema = z
  .object({
    code: z.string().openapi({ example: "kodomo-shokudo" }),
    ja: z.string().openapi({ example: "子ども食堂" }),
    en: z.string().openapi({ example: "Children's cafeteria" }),
    easyJa: z.string(),
    easyJaRuby: z.string().openapi({ description: "やさしい日本語 with furigana marked as {漢字|かんじ}" }),
    descriptionJa: z.string(),
    descriptionEn: z.string(),
    synonyms: z.array(z.string()),
    publicListing: z.boolean().openapi({ description: "false for referral partners (児童相談所) that are never listed publicly" }),
  })
  .openapi("ResourceKind");

export const taxonomyRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/taxonomy",
    tags: ["public"],
    summary: "The resource kinds, with Japanese, English and やさしい日本語 labels and synonyms",
    responses: { 200: { description: "All kinds", content: { "application/json": { schema: z.array(kindSchema) } } } },
  }),
  async (c) => {
    const terms = await listTaxonomyTerms(c.get("deps").db);
    return c.json(
      terms.map((t) => ({
        code: t.code,
        ja: t.name,
        en: t.label_en,
        easyJa: t.label_easy_ja,
        easyJaRuby: t.easy_ja_ruby,
        descriptionJa: t.description,
        descriptionEn: t.description_en,
        synonyms: t.synonyms,
        publicListing: t.public_listing,
      })),
      200,
    );
  },
);
