/**
 * The offline basemap as served at `/basemap/japan.json` (built by web/build/basemap.ts).
 * A place is `[name, lat, lng, rank]`: rank 0 prefecture, 1 designated city, 2 city or Tokyo
 * ward, 3 town or village; labels appear from a zoom level that depends on the rank.
 */
export type BasemapPlace = [name: string, lat: number, lng: number, rank: number];

export interface Basemap {
  attribution: string;
  land: { type: "MultiPolygon"; coordinates: [number, number][][][] };
  places: BasemapPlace[];
  prefectures: BasemapPlace[];
}

export const BASEMAP_PATH = "/basemap/japan.json";
