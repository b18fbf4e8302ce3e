/**
 * Fees as open-data cells write them: 「100」, 「300円」, 「1,000円」, 「無料」, 「0」, or a dash for
 * "not applicable". Used for the むすびえ 参加費_* columns and 子供預かり料金.
 */
export type Yen = number | undefined;

/** A fee in yen; 無料 is 0; empty, a dash, or text without an amount is undefined. */
export function parseYen(input: string): Yen {
  const text = input.normalize("NFKC").replace(/\s+/g, "");
  if (!text || /^[-‐ー―~]+$/.test(text)) return undefined;
  if (/^(無料|無償|0円?|free)$/i.test(text)) return 0;
  const m = /^(?:[^\d]*?)(\d{1,3}(?:,\d{3})+|\d+)円?(?:程度|前後|～|~)?$/.exec(text);
  return m ? Number(m[1]!.replace(/,/g, "")) : undefined;
}

/** Free text that says the service costs nothing (「こどもの利用料は無料です。」). */
export function saysFree(input: string): boolean {
  return /無料|無償|タダ|0円/.test(input.normalize("NFKC"));
}
