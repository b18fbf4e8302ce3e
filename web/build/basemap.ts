import { createRequire } from "node:module";
import type { Feature } from "geojson";
import type { GeometryCollection, Topology } from "topojson-specification";
import { feature } from "topojson-client";
import { allMunicipalities, type Municipality } from "../../src/geo/municipalities.js";
import type { Basemap, BasemapPlace } from "../src/map/basemap-data.js";

const require = createRequire(import.meta.url);

/** ISO 3166-1 numeric code of Japan, the `id` of its geometry in world-atlas. */
const JAPAN = "392";

/** 0.001° is about 100 m: finer than Natural Earth's 1:10m coastline, and it keeps the file small. */
const round = (n: number) => Math.round(n * 1000) / 1000;

const RANK: Record<Municipality["type"], number> = {
  "designated-city": 1,
  city: 2,
  "special-ward": 2,
  town: 3,
  village: 3,
  ward: 4,
};

/**
 * The offline basemap, built at `vite build` from data that npm packages ship (nothing is
 * fetched): Japan's coastline from Natural Earth 1:10m (world-atlas, public domain) and a label
 * point per municipality and per prefecture from the gazetteer in src/geo (© OpenStreetMap
 * contributors, ODbL). There are no municipal boundaries: no npm package ships them.
 */
export function buildBasemap(): Basemap {
  const topology = require("world-atlas/countries-10m.json") as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const japan = topology.objects.countries.geometries.find((g) => String(g.id) === JAPAN);
  if (!japan) throw new Error("world-atlas has no geometry for Japan");
  const land = (feature(topology, japan) as Feature).geometry;
  if (land.type !== "MultiPolygon") throw new Error(`Japan is a ${land.type} in world-atlas`);
  const coordinates = land.coordinates.map((polygon) =>
    polygon.map((ring) => dedupe(ring.map(([lng, lat]) => [round(lng!), round(lat!)] as [number, number]))),
  );

  // Wards sit on their designated city's point: one label for the city is enough.
  const municipalities = allMunicipalities().filter((m) => m.type !== "ward");
  const places: BasemapPlace[] = municipalities.map((m) => [m.name, round(m.lat), round(m.lng), RANK[m.type]]);

  const byPrefecture = new Map<string, { lat: number; lng: number; n: number }>();
  for (const m of municipalities) {
    const p = byPrefecture.get(m.prefecture.name) ?? { lat: 0, lng: 0, n: 0 };
    byPrefecture.set(m.prefecture.name, { lat: p.lat + m.lat, lng: p.lng + m.lng, n: p.n + 1 });
  }
  const prefectures: BasemapPlace[] = [...byPrefecture].map(([name, p]) => [name, round(p.lat / p.n), round(p.lng / p.n), 0]);

  return {
    attribution: "Natural Earth (public domain) · © OpenStreetMap contributors (ODbL)",
    land: { type: "MultiPolygon", coordinates },
    places,
    prefectures,
  };
}

/** Rounding makes neighbouring vertices equal; drop the repeats. */
function dedupe(ring: [number, number][]): [number, number][] {
  return ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1]![0] || p[1] !== ring[i - 1]![1]);
}
