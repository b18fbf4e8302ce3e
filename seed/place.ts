import type { AddressParts } from "../src/catalog/draft.js";
import type { Random } from "./random.js";
import type { Reading } from "./reading.js";

/**
 * Where the generator puts services: a municipality and a few towns (町丁) in it, each with an
 * anchor point. Sites are scattered around the anchors, never further than `radiusM`, so a
 * curated town list keeps every site inside its city.
 */
export interface Town {
  name: Reading;
  /** 〒NNN-NNNN of the town (or of the municipality when the town's is unknown). */
  postalCode: string;
  lat: number;
  lng: number;
  /** How far from the anchor a site may fall, in metres. */
  radiusM: number;
  /** Highest 丁目; 0 when the town has none and addresses use 番地. */
  chome: number;
  /** Nearest station (without 駅), for 「川口駅から徒歩8分」. */
  station?: string;
}

export interface Place {
  /** 全国地方公共団体コード. */
  code: string;
  prefecture: { code: number; name: Reading };
  /** 川口市 (カワグチシ), さいたま市浦和区. */
  name: Reading;
  /** The name without 市区町村, for names like 「かわぐち子育てネット」. */
  short: Reading;
  /** The city part of an address (北群馬郡榛東村). */
  addressCity: string;
  /** Who runs municipal services: the municipality, or a ward's designated city. */
  municipal: { code: string; name: Reading; short: Reading; serves: string[] };
  towns: Town[];
  /** 市外局番 with its leading 0 (048). */
  phoneArea: string;
  /** The share of services that work in languages besides Japanese, and which languages. */
  languages: { share: number; weights: readonly (readonly [string, number])[] };
}

/** A point uniformly inside the town's circle. */
export function siteNear(town: Town, rng: Random): { lat: number; lng: number } {
  const distance = town.radiusM * Math.sqrt(rng.next());
  const bearing = 2 * Math.PI * rng.next();
  const metresPerDegree = 111_320;
  const lat = town.lat + (distance * Math.cos(bearing)) / metresPerDegree;
  const lng = town.lng + (distance * Math.sin(bearing)) / (metresPerDegree * Math.cos((town.lat * Math.PI) / 180));
  return { lat: round6(lat), lng: round6(lng) };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export function streetAddress(place: Place, town: Town, rng: Random, building?: string): AddressParts {
  const line1 =
    town.chome > 0
      ? `${town.name.ja}${rng.int(1, town.chome)}-${rng.int(1, 30)}-${rng.int(1, 25)}`
      : `${town.name.ja}${rng.int(1, 2500)}${rng.chance(0.4) ? `-${rng.int(1, 12)}` : ""}`;
  return {
    ...(town.postalCode ? { postalCode: town.postalCode } : {}),
    prefecture: place.prefecture.name.ja,
    city: place.addressCity,
    line1,
    ...(building ? { line2: building } : {}),
  };
}

/**
 * A well-formed number that cannot ring anyone: the 市内局番 after the area code starts with 0,
 * which is never assigned in Japan (0 is the trunk prefix).
 */
export function unassignedPhone(area: string, rng: Random): string {
  const exchangeDigits = Math.max(1, 6 - area.length);
  const exchange = `0${digits(rng, exchangeDigits - 1)}`;
  return `${area}-${exchange}-${digits(rng, 4)}`;
}

function digits(rng: Random, n: number): string {
  let out = "";
  for (let i = 0; i < n; i++) out += rng.int(0, 9);
  return out;
}
