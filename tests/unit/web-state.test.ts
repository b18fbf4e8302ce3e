import { describe, expect, it } from "vitest";
import { toQuery } from "../../web/src/api/client.js";
import { formatAgeRange, formatDistance, formatSchedule } from "../../web/src/family/format.js";
import { parseState, searchParams, stateQuery, todayInJapan } from "../../web/src/family/search-state.js";
import { plain } from "../../web/src/i18n/i18n.js";
import { MESSAGES } from "../../web/src/i18n/messages.js";
import { matchPath } from "../../web/src/router.js";

const parse = (q: string) => parseState(new URLSearchParams(q));

describe("family map state in the URL", () => {
  it("round-trips every filter through the query string", () => {
    const q = "q=食堂&kind=kodomo-shokudo&kind=jidokan&age=3&free=1&day=sat&language=vi&lat=35.812&lng=139.72&r=2000&page=2&s=abc&loc=def";
    const state = parse(q);
    expect(state).toMatchObject({ q: "食堂", kinds: ["kodomo-shokudo", "jidokan"], age: 3, free: true, day: "sat", language: "vi", radius: 2000, sort: "distance", page: 2, service: "abc", location: "def" });
    expect(parse(toQuery(stateQuery(state)).slice(1))).toEqual(state);
  });

  it("opens a service from the listing path the API gives (`/?service=…`) as from the short `s=`", () => {
    expect(parse("service=abc").service).toBe("abc");
    expect(stateQuery(parse("service=abc"))).toMatchObject({ s: "abc" });
  });

  it("rounds a chosen point to about 100 m before it goes into a shareable URL", () => {
    const state = parse("lat=35.8123456&lng=139.7212345");
    expect(stateQuery(state)).toMatchObject({ lat: 35.812, lng: 139.721 });
  });

  it.each([
    ["age=19", undefined],
    ["age=-1", undefined],
    ["age=p", "p"],
    ["age=abc", undefined],
  ])("accepts only sensible ages: %s", (q, age) => {
    expect(parse(q).age).toBe(age);
  });

  it("ignores a radius or a distance order without a point, and garbage", () => {
    expect(parse("r=2000&sort=distance")).toMatchObject({ radius: undefined, sort: "relevance" });
    expect(parse("lat=999&lng=1&day=someday&bbox=1,2,3&page=-4&kind=nonsense")).toMatchObject({ point: undefined, day: undefined, bbox: undefined, page: 1, kinds: [] });
  });

  it("maps the state to GET /api/v1/search parameters (API.md)", () => {
    const p = searchParams(parse("q=食堂&kind=kodomo-shokudo&age=3&free=1&day=sat&lat=35.8&lng=139.7&r=1000"));
    expect(p).toMatchObject({ q: "食堂", kind: ["kodomo-shokudo"], ageMonths: 42, free: "true", openOn: "sat", lat: 35.8, lng: 139.7, radius: 1000, sort: "distance", page: 1, size: 50 });
    expect(searchParams(parse("age=p"))).toMatchObject({ pregnancyWeeks: 20, ageMonths: undefined });
  });

  it("asks for today's weekday in Japan for 'open today', whatever the browser's time zone", () => {
    // 2026-11-27 23:30 UTC is Saturday 08:30 in Tokyo.
    expect(todayInJapan(new Date("2026-11-27T23:30:00Z"))).toBe("sat");
    expect(searchParams(parse("today=1&day=mon"), new Date("2026-11-27T23:30:00Z"))).toMatchObject({ openOn: "sat" });
  });

  it("sends a radius or a map area, never both (the API refuses both)", () => {
    const p = searchParams(parse("lat=35.8&lng=139.7&r=2000&bbox=139.6,35.7,139.8,35.9"));
    expect(p).toMatchObject({ radius: undefined, bbox: "139.6,35.7,139.8,35.9", sort: "distance" });
  });
});

describe("web formatting", () => {
  it.each([
    [0, 71, "ja", "0〜5歳"],
    [0, 71, "en", "0–5 years"],
    [0, 11, "ja", "0歳（12か月まで）"],
    [72, null, "en", "6+ years"],
  ] as const)("ages %s–%s months in %s", (min, max, lang, text) => {
    expect(formatAgeRange(min, max, lang)).toBe(text);
  });

  it("formats distances and schedules", () => {
    expect(formatDistance(347)).toBe("350 m");
    expect(formatDistance(1234)).toBe("1.2 km");
    expect(formatSchedule({ freq: "MONTHLY", byday: "2SA,4SA", opens_at: "11:00", closes_at: "14:00" }, "ja")).toBe("第2・第4土曜日 11:00〜14:00");
    expect(formatSchedule({ freq: "WEEKLY", byday: "MO,WE", opens_at: "10:00", closes_at: "15:00" }, "en")).toBe("Monday, Wednesday 10:00–15:00");
    expect(formatSchedule({ freq: "WEEKLY", byday: "FR", opens_at: "10:00", closes_at: "15:00" }, "easy")).toBe("{金曜日|きんようび} 10:00〜15:00");
  });
});

describe("i18n", () => {
  it("has every message in the three languages, with well-formed furigana", () => {
    for (const [key, m] of Object.entries(MESSAGES)) {
      expect(m.en, key).not.toBe("");
      expect(m.easy, key).not.toMatch(/\{[^}|]*\}(?!\})/); // a brace group without a reading
      expect(plain(m.easy).replace(/\{\{\w+\}\}/g, ""), key).not.toMatch(/[{}|]/);
    }
    expect(plain("{子育|こそだ}てを {助|たす}ける")).toBe("子育てを 助ける");
  });

  it("matches routes with parameters and wildcards", () => {
    expect(matchPath("/", "/")).toEqual({});
    expect(matchPath("/partner/services/:id", "/partner/services/42")).toEqual({ id: "42" });
    expect(matchPath("/staff/*", "/staff/plans/1")).toEqual({});
    expect(matchPath("/login", "/login/x")).toBeUndefined();
  });
});
