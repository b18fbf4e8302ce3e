/**
 * 受入年齢 and 参加条件 as people write them (「1歳から5歳」, 「６歳～１２歳（小学校１年生～６年生）」,
 * 「3ヶ月から2歳児クラス相当まで」, 「18歳未満」) → an age range in months, inclusive at both ends.
 * What the text does not say stays undefined; text with no age in it gives `undefined` (the raw
 * text is kept by the caller, so nothing is guessed). See shared/research/opendata.md §3.
 */
export interface AgeRangeMonths {
  minMonths?: number;
  maxMonths?: number;
}

/** An age expression: the youngest and the oldest month it covers. */
interface AgeSpan {
  from: number;
  to: number;
}

const years = (y: number, extraMonths = 0): AgeSpan => ({ from: y * 12 + extraMonths, to: y * 12 + 11 });
/** 小学校N年生: age 5+N on 1 April of the school year, 6+N at its end. */
const grade = (n: number): AgeSpan => ({ from: (5 + n) * 12, to: (6 + n) * 12 + 11 });
const KANJI_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
/** 産休明け: childcare from the end of maternity leave, 生後57日 (8 weeks after birth). */
const MATERNITY_LEAVE_DAYS = 57;
const DAYS_PER_MONTH = 30.44;

const TOKEN = new RegExp(
  [
    "(?<y>\\d{1,2})歳(?:(?<ym>\\d{1,2})[かカヶケヵ箇]?月)?(?<cls>児クラス|児)?",
    "(?<m>\\d{1,2})[かカヶケヵ箇]月",
    "(?:生後)?(?<d>\\d{1,3})日",
    "(?<leave>産休明け?|産後休暇明け)",
    "(?<school>小学|中学|高校)(?:校|生)?(?<g>\\d|[一二三四五六])年生?",
    "(?<stage>小学生|小学校|中学生|中学校生?|高校生|高等学校|未就学児?|就学前)",
    "(?<bare>\\d|[一二三四五六])年生",
  ].join("|"),
  "gu",
);

/** `school` is the last school named before a bare 「6年生」 (小学 when none was). */
function span(g: Record<string, string | undefined>, school: string): AgeSpan | undefined {
  if (g.y !== undefined) {
    const y = Number(g.y);
    // N歳児クラス: children who are N on 1 April, so N+1 by the end of the year.
    if (g.cls) return { from: y * 12, to: (y + 1) * 12 + 11 };
    return g.ym !== undefined ? { from: y * 12 + Number(g.ym), to: y * 12 + 11 } : years(y);
  }
  if (g.m !== undefined) return { from: Number(g.m), to: Number(g.m) };
  if (g.d !== undefined) {
    const m = Math.floor(Number(g.d) / DAYS_PER_MONTH);
    return { from: m, to: m };
  }
  if (g.leave) {
    const m = Math.floor(MATERNITY_LEAVE_DAYS / DAYS_PER_MONTH);
    return { from: m, to: m };
  }
  if (g.school || g.bare) {
    const digit = g.g ?? g.bare!;
    const n = KANJI_DIGIT[digit] ?? Number(digit);
    const s = g.school ?? school;
    return grade(s === "中学" ? n + 6 : s === "高校" ? n + 9 : n);
  }
  switch (g.stage) {
    case "小学生":
    case "小学校":
      return { from: grade(1).from, to: grade(6).to };
    case "中学生":
    case "中学校":
    case "中学校生":
      return { from: grade(7).from, to: grade(9).to };
    case "高校生":
    case "高等学校":
      return { from: grade(10).from, to: grade(12).to };
    case "未就学":
    case "未就学児":
    case "就学前":
      // The oldest 年長 child is 6 years 11 months in March, before school starts in April.
      return { from: 0, to: grade(1).from + 11 };
  }
  return undefined;
}

const RANGE_SEP = /^(?:から|より|~|-|－|ー|〜|～|・?以上)/u;
const OPEN_MAX = /^(?:相当)?(?:まで|以下)/u;
const BELOW = /^未満/u;

/**
 * Reads every age expression and what joins them: `A から B` is a range, `A から`/`A以上` an open
 * minimum, `B まで`/`B以下` from birth to B, `B未満` from birth to below B, a lone expression its own span. Several
 * ranges in one text (「(幼)3歳から(保)1歳6ヶ月から」) are united.
 */
export function parseAgeText(input: string): AgeRangeMonths | undefined {
  const text = input.normalize("NFKC").replace(/\s+/g, "");
  let school = "小学";
  const tokens = [...text.matchAll(TOKEN)].map((m) => {
    const g = m.groups ?? {};
    if (g.school) school = g.school;
    return { span: span(g, school), start: m.index, end: m.index + m[0].length };
  });
  const ranges: AgeRangeMonths[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.span) continue;
    const after = text.slice(t.end);
    const next = tokens[i + 1];
    const sep = RANGE_SEP.exec(after);
    if (sep && next?.span && next.start === t.end + sep[0].length && !sep[0].includes("以上")) {
      ranges.push({ minMonths: t.span.from, maxMonths: BELOW.test(text.slice(next.end)) ? next.span.from - 1 : next.span.to });
      i++;
    } else if (sep) {
      ranges.push({ minMonths: t.span.from });
    } else if (OPEN_MAX.test(after)) {
      ranges.push({ minMonths: 0, maxMonths: t.span.to });
    } else if (BELOW.test(after)) {
      ranges.push({ minMonths: 0, maxMonths: Math.max(0, t.span.from - 1) });
    } else {
      ranges.push({ minMonths: t.span.from, maxMonths: t.span.to });
    }
  }
  if (ranges.length === 0) return undefined;
  const mins = ranges.map((r) => r.minMonths);
  const maxes = ranges.map((r) => r.maxMonths);
  return {
    minMonths: mins.every((m) => m !== undefined) ? Math.min(...(mins as number[])) : undefined,
    maxMonths: maxes.every((m) => m !== undefined) ? Math.max(...(maxes as number[])) : undefined,
  };
}
