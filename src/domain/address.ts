/**
 * Japanese addresses. HSDS wants `state_province` (都道府県), `city` (市区町村) and `address_1`
 * (町字・番地) separately, while people and many open-data files write one line.
 */
export interface JapaneseAddress {
  prefecture: string;
  city: string;
  line1: string;
  line2?: string;
  postalCode?: string;
}

const PREFECTURE = "(北海道|東京都|京都府|大阪府|.{2,3}?県)";
// 郡+町村, a designated city with its ward, or a plain 市/区/町/村.
const CITY = "(.+?郡.+?[町村]|.+?市.+?区|.+?[市区町村])";
const FULL = new RegExp(`^${PREFECTURE}${CITY}(.*)$`);

/** Full-width digits and the many dashes between digits become ASCII; spaces are trimmed. */
export function normalizeAddressText(input: string): string {
  return input
    .normalize("NFKC")
    .replace(/(\d)\s*[－―‐ー−–—-]\s*(?=\d)/g, "$1-")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Splits 「〒332-0012 埼玉県川口市本町4-1-8 川口センタービル2F」 into its parts. When the prefecture
 * or city is missing, `fallback` (from the municipality code) fills it in; returns undefined when
 * neither the text nor the fallback names a city.
 */
export function parseJapaneseAddress(
  input: string,
  fallback?: { prefecture: string; city: string },
): JapaneseAddress | undefined {
  let rest = normalizeAddressText(input);
  let postalCode: string | undefined;
  const zip = /^〒?\s*(\d{3})-?(\d{4})\s*/.exec(rest);
  if (zip) {
    postalCode = `${zip[1]}-${zip[2]}`;
    rest = rest.slice(zip[0].length);
  }
  let prefecture: string | undefined;
  let city: string | undefined;
  const full = FULL.exec(rest);
  if (full) {
    [, prefecture, city, rest] = full as unknown as [string, string, string, string];
  } else if (fallback) {
    prefecture = fallback.prefecture;
    if (rest.startsWith(fallback.prefecture)) rest = rest.slice(fallback.prefecture.length);
    city = fallback.city;
    if (rest.startsWith(fallback.city)) rest = rest.slice(fallback.city.length);
  }
  if (!prefecture || !city) return undefined;
  const [line1 = "", ...building] = rest.trim().split(" ");
  return { prefecture, city, line1: line1 || rest.trim(), line2: building.join(" ") || undefined, postalCode };
}

export function formatJapaneseAddress(a: JapaneseAddress): string {
  return `${a.prefecture}${a.city}${a.line1}${a.line2 ? ` ${a.line2}` : ""}`;
}
