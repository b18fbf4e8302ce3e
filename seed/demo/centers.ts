import { stableId } from "../ids.js";
import { KAWAGUCHI, TODA } from "./places.js";

/** The demo's two こども家庭センター: center 1 in 川口市, center 2 in 戸田市. */
export interface DemoCenter {
  id: string;
  municipalityCode: string;
  municipalityName: string;
  prefecture: string;
  name: string;
  lat: number;
  lng: number;
}

export const DEMO_CENTERS: readonly DemoCenter[] = [
  { place: KAWAGUCHI, lat: 35.8078, lng: 139.7241 },
  { place: TODA, lat: 35.8176, lng: 139.6878 },
].map(({ place, lat, lng }) => ({
  id: stableId("demo", "center", place.code),
  municipalityCode: place.code,
  municipalityName: place.name.ja,
  prefecture: place.prefecture.name.ja,
  name: `${place.name.ja}こども家庭センター`,
  lat,
  lng,
}));

export function demoCenter(municipalityCode: string): DemoCenter {
  const center = DEMO_CENTERS.find((c) => c.municipalityCode === municipalityCode);
  if (!center) throw new Error(`no demo center for ${municipalityCode}`);
  return center;
}
