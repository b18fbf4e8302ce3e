import { type Municipality, addressCity, allMunicipalities, findMunicipality } from "../../src/geo/municipalities.js";
import type { Place, Town } from "../place.js";
import type { Random } from "../random.js";
import { type Reading, r } from "../reading.js";
import { GENERIC_TOWNS } from "../vocabulary.js";

/**
 * Places for the synthetic nationwide catalog: every real municipality (src/geo) with generic
 * towns scattered around its representative point, since there is no curated town list for them.
 */

/** 市外局番 of each prefecture's capital, used for the whole prefecture (numbers are unassignable anyway). */
const AREA_CODES: Record<number, string> = {
  1: "011", 2: "017", 3: "019", 4: "022", 5: "018", 6: "023", 7: "024", 8: "029", 9: "028", 10: "027",
  11: "048", 12: "043", 13: "042", 14: "045", 15: "025", 16: "076", 17: "076", 18: "0776", 19: "055", 20: "026",
  21: "058", 22: "054", 23: "052", 24: "059", 25: "077", 26: "075", 27: "072", 28: "078", 29: "0742", 30: "073",
  31: "0857", 32: "0852", 33: "086", 34: "082", 35: "083", 36: "088", 37: "087", 38: "089", 39: "088", 40: "092",
  41: "0952", 42: "095", 43: "096", 44: "097", 45: "0985", 46: "099", 47: "098",
};

/** How far from the municipality's point its towns are spread, in metres (wards share their city's point). */
const SPREAD_M: Record<Municipality["type"], number> = {
  "special-ward": 1500,
  ward: 5000,
  city: 3500,
  town: 2500,
  village: 2500,
  "designated-city": 8000,
};

/** Relative share of services: a stand-in for population, which the reference data does not carry. */
export const PLACE_WEIGHT: Record<Municipality["type"], number> = {
  "special-ward": 6,
  ward: 5,
  city: 3,
  town: 1,
  village: 0.4,
  "designated-city": 0,
};

const SUFFIX_READINGS: Record<string, readonly string[]> = { 市: ["シ"], 区: ["ク"], 町: ["マチ", "チョウ"], 村: ["ムラ", "ソン"] };

/** 川口市 → 川口; さいたま市浦和区 → 浦和 (the ward's own part). */
export function shortName(m: Municipality): Reading {
  let ja = m.name;
  let kana = m.nameKana;
  const parent = m.parentCode ? findMunicipality(m.parentCode) : undefined;
  if (parent && ja.startsWith(parent.name) && kana.startsWith(parent.nameKana)) {
    ja = ja.slice(parent.name.length);
    kana = kana.slice(parent.nameKana.length);
  }
  const suffix = ja.slice(-1);
  const reading = SUFFIX_READINGS[suffix]?.find((s) => kana.endsWith(s) && kana.length > s.length);
  return reading && ja.length > 1 ? r(ja.slice(0, -1), kana.slice(0, -reading.length)) : r(ja, kana);
}

function municipalOf(m: Municipality): Place["municipal"] {
  const parent = m.parentCode ? findMunicipality(m.parentCode) : undefined;
  if (!parent) return { code: m.code, name: r(m.name, m.nameKana), short: shortName(m), serves: [m.code] };
  const wards = allMunicipalities().filter((w) => w.parentCode === parent.code).map((w) => w.code);
  return { code: parent.code, name: r(parent.name, parent.nameKana), short: shortName(parent), serves: [parent.code, ...wards] };
}

function phoneArea(m: Municipality): string {
  if (m.type === "special-ward") return "03";
  if (m.parentCode === "271004") return "06";
  return AREA_CODES[m.prefecture.code] ?? "03";
}

export function syntheticPlace(m: Municipality, services: number, rng: Random): Place {
  const count = Math.min(24, Math.max(2, Math.ceil(services / 8)));
  const towns: Town[] = rng.sample(GENERIC_TOWNS, count).map(([name, chome]) => {
    const distance = SPREAD_M[m.type] * Math.sqrt(rng.next());
    const bearing = 2 * Math.PI * rng.next();
    return {
      name,
      chome,
      postalCode: m.postalCode ?? "",
      lat: m.lat + (distance * Math.cos(bearing)) / 111_320,
      lng: m.lng + (distance * Math.sin(bearing)) / (111_320 * Math.cos((m.lat * Math.PI) / 180)),
      radiusM: 400,
    };
  });
  return {
    code: m.code,
    prefecture: { code: m.prefecture.code, name: r(m.prefecture.name, m.prefecture.nameKana) },
    name: r(m.name, m.nameKana),
    short: shortName(m),
    addressCity: addressCity(m),
    municipal: municipalOf(m),
    towns,
    phoneArea: phoneArea(m),
    languages: { share: 0.08, weights: [["en", 4], ["zh", 3], ["vi", 2], ["ko", 2], ["pt", 1], ["tl", 1], ["ne", 1], ["es", 1]] },
  };
}
