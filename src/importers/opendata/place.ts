import type { CoordSource } from "../../db/database.js";
import { type Municipality, addressCity, allMunicipalities, findMunicipality } from "../../geo/municipalities.js";

/**
 * Where a row goes on the map. 緯度/経度 from the file when they are a point in Japan (swapped
 * columns are put right); otherwise the municipality's representative point from the shipped
 * gazetteer (src/geo), flagged `municipality_centroid` so staff know to pin it. No geocoding
 * service is called: nothing may download at run time.
 */
export interface Placement {
  lat: number;
  lng: number;
  coordSource: CoordSource;
  warnings: string[];
  /** Why staff should pin it (set when it was placed at a municipality's point). */
  pin?: string;
}

/** The bounds the catalog accepts (catalog/draft.ts): Japan, with its remote islands. */
const LAT = [20, 46] as const;
const LNG = [122, 154] as const;
/** Farther than this from the municipality's point, the coordinates are probably wrong. */
const SUSPICIOUS_KM = 60;

const inRange = (v: number, [lo, hi]: readonly [number, number]) => v >= lo && v <= hi;

function parseCoordinate(text: string): number | undefined {
  const t = text.normalize("NFKC").trim();
  if (!t || !/^[+-]?\d+(\.\d+)?$/.test(t)) return undefined;
  const v = Number(t);
  return v === 0 ? undefined : v;
}

export function placeRow(latText: string, lngText: string, municipality: Municipality | undefined): Placement | { reject: string } {
  const warnings: string[] = [];
  let lat = parseCoordinate(latText);
  let lng = parseCoordinate(lngText);
  if (lat !== undefined && lng !== undefined && !inRange(lat, LAT) && inRange(lat, LNG) && inRange(lng, LAT)) {
    [lat, lng] = [lng, lat];
    warnings.push(`緯度 and 経度 were swapped (${latText}, ${lngText}); read them the other way round`);
  }
  if (lat !== undefined && lng !== undefined && inRange(lat, LAT) && inRange(lng, LNG)) {
    if (municipality) {
      const km = distanceKm(lat, lng, municipality.lat, municipality.lng);
      if (km > SUSPICIOUS_KM) warnings.push(`the point is ${Math.round(km)} km from ${municipality.name}; check the pin`);
    }
    return { lat, lng, coordSource: "source", warnings };
  }
  const given = (t: string) => t.trim() !== "" && parseCoordinate(t) !== undefined;
  if (given(latText) || given(lngText)) warnings.push(`緯度/経度 「${latText.trim()}」「${lngText.trim()}」 are not a point in Japan`);
  if (!municipality) return { reject: "no usable 緯度/経度 and no known municipality to place it in" };
  const pin = `no 緯度/経度: placed at the point of ${municipality.prefecture.name}${municipality.name} until staff pin it`;
  return { lat: municipality.lat, lng: municipality.lng, coordSource: "municipality_centroid", warnings, pin };
}

let byName: Map<string, Municipality> | undefined;

/** The municipality an address names (「東京都」 + 「江東区」), from the shipped gazetteer. */
export function findMunicipalityByName(prefecture: string, city: string): Municipality | undefined {
  byName ??= new Map(allMunicipalities().flatMap((m) => [[`${m.prefecture.name}|${addressCity(m)}`, m], [`${m.prefecture.name}|${m.name}`, m]]));
  return byName.get(`${prefecture}|${city}`);
}

export { findMunicipality };

function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 12_742 * Math.asin(Math.sqrt(a));
}
