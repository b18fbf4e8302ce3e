import { randomUUID } from "node:crypto";
import type { SearchDocument } from "../../src/search/document.js";
import { kindLabels } from "../../src/search/document.js";
import type { KindCode } from "../../src/domain/taxonomy.js";

/** A search document with sensible defaults (a 子ども食堂 in 川口市); `kinds` and `kindLabels` follow `kind`. */
export function aDocument(overrides: Partial<SearchDocument> & { kind?: KindCode } = {}): SearchDocument {
  const kind = overrides.kind ?? "kodomo-shokudo";
  const kinds = overrides.kinds ?? [kind];
  return {
    id: randomUUID(),
    serviceId: randomUUID(),
    locationId: randomUUID(),
    name: "栄町こども食堂",
    nameKana: "サカエチョウコドモショクドウ",
    organization: { id: "00000000-0000-4000-8000-000000000001", name: "NPO法人 さかえ子育てネット", nameKana: "サカエコソダテネット" },
    address: "埼玉県川口市栄町3-1-1",
    municipalityCode: "112038",
    description: "地域の子どもと親子に温かいごはんを届けます。",
    lat: 35.8035,
    lng: 139.7205,
    ageMinMonths: 0,
    ageMaxMonths: 215,
    acceptsPrenatal: false,
    pregnancyMinWeeks: null,
    languages: ["ja"],
    costKind: "free",
    costFree: true,
    days: ["sat"],
    verifiedAt: "2026-10-01T00:00:00.000Z",
    updatedAt: "2026-10-01T00:00:00.000Z",
    ...overrides,
    kind,
    kinds,
    kindLabels: overrides.kindLabels ?? [...new Set(kinds.flatMap(kindLabels))],
  };
}
