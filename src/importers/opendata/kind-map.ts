import { z } from "zod";
import { costSchema } from "../../catalog/draft.js";
import { KIND_CODES } from "../../domain/taxonomy.js";
import builtIn from "./kind-map.json" with { type: "json" };

/**
 * 種別 → resource kind, as data (`kind-map.json`): the first rule whose pattern occurs in the
 * normalised 種別 wins. A user's file of the same shape is tried before the built-in rules.
 */
const ruleSchema = z
  .object({
    pattern: z.string().trim().min(1),
    kind: z.enum(KIND_CODES),
    /** What such a place usually costs when the row says nothing about fees. */
    cost: costSchema.optional(),
  })
  .strict();

export const kindMapSchema = z.object({ description: z.string().optional(), rules: z.array(ruleSchema).min(1) }).strict();

export type KindRule = z.infer<typeof ruleSchema>;
export type KindMap = readonly KindRule[];

export const BUILT_IN_KIND_MAP: KindMap = kindMapSchema.parse(builtIn).rules.map(normalizeRule);

/** 「認定こども園（幼保連携型）」 and 「認定こども園 (幼保連携型)」 compare equal. */
export function normalizeKindText(text: string): string {
  return text.normalize("NFKC").replace(/[\s\u3000]+/g, "");
}

function normalizeRule(rule: KindRule): KindRule {
  return { ...rule, pattern: normalizeKindText(rule.pattern) };
}

/** A user's mapping (already JSON-parsed) in front of the built-in one; throws a ZodError naming the bad rule. */
export function extendKindMap(userJson: unknown, base: KindMap = BUILT_IN_KIND_MAP): KindMap {
  return [...kindMapSchema.parse(userJson).rules.map(normalizeRule), ...base];
}

export function findKindRule(map: KindMap, text: string): KindRule | undefined {
  const normalized = normalizeKindText(text);
  if (!normalized) return undefined;
  return map.find((rule) => normalized.includes(rule.pattern));
}
