import { createBaseMap } from "./base-map.js";
import { L } from "./leaflet-setup.js";

/**
 * The staff console's two maps, on the same offline basemap as the family map. Both are pointer
 * aids: the form's latitude/longitude inputs and the numbered match list are the keyboard's way.
 */
export interface LatLng {
  lat: number;
  lng: number;
}

const familyPoint = (p: LatLng, label: string) =>
  L.circleMarker([p.lat, p.lng], { radius: 8, color: "#fff", weight: 3, fillColor: "#c2410c", fillOpacity: 1 }).bindTooltip(label);

/** A map on which a click places the family's approximate location. */
export class PointPicker {
  readonly map: L.Map;
  #point = L.layerGroup();
  #label: string;

  constructor(el: HTMLElement, opts: { label: string; pointLabel: string; onPick(p: LatLng): void }) {
    this.map = createBaseMap(el, { label: opts.label });
    this.#label = opts.pointLabel;
    this.#point.addTo(this.map);
    el.classList.add("is-picking");
    this.map.on("click", (e: L.LeafletMouseEvent) => opts.onPick({ lat: round(e.latlng.lat), lng: round(e.latlng.lng) }));
  }

  /** Shows the point; `center` moves the map to it (not on every keystroke). */
  setPoint(p: LatLng | undefined, opts: { center?: boolean } = {}): void {
    this.#point.clearLayers();
    if (!p) return;
    familyPoint(p, this.#label).addTo(this.#point);
    if (opts.center) this.map.setView([p.lat, p.lng], Math.max(this.map.getZoom(), 14), { animate: false });
  }

  view(p: LatLng, zoom: number): void {
    this.map.setView([p.lat, p.lng], zoom, { animate: false });
  }

  destroy(): void {
    this.map.remove();
  }
}

/** Four decimals: about 10 m, as precise as a family's location needs to be (and no more). */
const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** The family's point and one numbered pin per match (the number is the match's place in the list). */
export function drawMatchMap(el: HTMLElement, opts: { label: string; familyLabel: string; family: LatLng; matches: (LatLng & { n: number; name: string })[] }): L.Map {
  const map = createBaseMap(el, { label: opts.label });
  familyPoint(opts.family, opts.familyLabel).addTo(map);
  for (const m of opts.matches) {
    L.marker([m.lat, m.lng], {
      title: `${m.n}. ${m.name}`,
      alt: `${m.n}. ${m.name}`,
      keyboard: false,
      icon: L.divIcon({ className: "match-pin", html: String(m.n), iconSize: [28, 28], iconAnchor: [14, 14] }),
    }).addTo(map);
  }
  const bounds = L.latLngBounds([[opts.family.lat, opts.family.lng], ...opts.matches.map((m) => [m.lat, m.lng] as L.LatLngTuple)]);
  map.fitBounds(bounds.pad(0.15), { maxZoom: 15, animate: false });
  return map;
}
