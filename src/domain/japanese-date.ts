/**
 * Dates as Japanese files write them → ISO `YYYY-MM-DD`: 「1952/1/25」, 「2024-01-01」,
 * 「令和3年4月1日」, 和暦 abbreviations 「昭32. 7. 1」 and 「R6.4.1」, 「平成元年」, and Excel serial
 * numbers (「44698」) left behind by spreadsheets. NFKC first, so full-width digits work.
 */
const ERAS: { names: string[]; start: number }[] = [
  { names: ["令和", "令", "R"], start: 2019 },
  { names: ["平成", "平", "H"], start: 1989 },
  { names: ["昭和", "昭", "S"], start: 1926 },
  { names: ["大正", "大", "T"], start: 1912 },
  { names: ["明治", "明", "M"], start: 1868 },
];
const ERA_START = new Map(ERAS.flatMap((e) => e.names.map((n) => [n, e.start] as const)));
const ERA_PATTERN = ERAS.flatMap((e) => e.names).join("|");

const WAREKI = new RegExp(`^(${ERA_PATTERN})\\s*(\\d{1,2}|元)\\s*[年.\\-/]\\s*(\\d{1,2})\\s*[月.\\-/]\\s*(\\d{1,2})\\s*日?$`, "i");
const SEIREKI = /^(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?$/;
/** Excel's day 1 is 1900-01-01, and it counts a 29 February 1900 that never was. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function parseJapaneseDate(input: string): string | undefined {
  const text = input.normalize("NFKC").trim();
  let y: number;
  let m: number;
  let d: number;
  const wareki = WAREKI.exec(text);
  const seireki = SEIREKI.exec(text);
  if (wareki) {
    const start = ERA_START.get(wareki[1]!) ?? ERA_START.get(wareki[1]!.toUpperCase())!;
    y = start + (wareki[2] === "元" ? 1 : Number(wareki[2])) - 1;
    m = Number(wareki[3]);
    d = Number(wareki[4]);
  } else if (seireki) {
    [y, m, d] = [Number(seireki[1]), Number(seireki[2]), Number(seireki[3])];
  } else if (/^\d{5}$/.test(text) && Number(text) > 20000 && Number(text) < 80000) {
    return new Date(EXCEL_EPOCH_MS + Number(text) * 86_400_000).toISOString().slice(0, 10);
  } else {
    return undefined;
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}
