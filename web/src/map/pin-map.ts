import { JAPAN_VIEW, createBaseMap } from "./base-map.js";
import { L } from "./leaflet-setup.js";

export interface LatLng {
  lat: number;
  lng: number;
}

/**
 * The partner's pin picker: one draggable marker on the offline basemap. A click on the map
 * moves the pin there (a single-pointer alternative to dragging, WCAG 2.5.7); the latitude and
 * longitude fields beside the map are the keyboard's way. Coordinates are rounded to 6 decimals
 * (about 10 cm), more than a door needs.
 */
export class PinMap {
  readonly map: L.Map;
  #marker: L.Marker | undefined;
  #onMove: (p: LatLng) => void;
  #pinLabel: string;

  constructor(el: HTMLElement, opts: { label: string; pinLabel: string; onMove(p: LatLng): void }) {
    this.#onMove = opts.onMove;
    this.#pinLabel = opts.pinLabel;
    this.map = createBaseMap(el, { label: opts.label });
    this.map.on("click", (e: L.LeafletMouseEvent) => this.#moved(e.latlng));
  }

  /** Puts the pin at `p` (or removes it); with `center`, shows it at street zoom. */
  setPin(p: LatLng | undefined, opts: { center?: boolean } = {}): void {
    if (!p) {
      this.#marker?.remove();
      this.#marker = undefined;
      return;
    }
    if (!this.#marker) {
      // Not a tab stop: Leaflet cannot move a marker from the keyboard, the fields can.
      this.#marker = L.marker([p.lat, p.lng], { draggable: true, keyboard: false, title: this.#pinLabel, alt: this.#pinLabel, autoPan: true }).addTo(this.map);
      this.#marker.on("dragend", () => this.#moved(this.#marker!.getLatLng()));
    } else {
      this.#marker.setLatLng([p.lat, p.lng]);
    }
    if (opts.center) this.map.setView([p.lat, p.lng], Math.max(this.map.getZoom(), 14), { animate: false });
  }

  /** Where to look when there is no pin yet (the organization's area, or all of Japan). */
  showArea(p: LatLng | undefined): void {
    if (p) this.map.setView([p.lat, p.lng], 14, { animate: false });
    else this.map.setView(JAPAN_VIEW.center, JAPAN_VIEW.zoom, { animate: false });
  }

  destroy(): void {
    this.map.remove();
  }

  #moved(latlng: L.LatLng) {
    const p = { lat: round6(latlng.lat), lng: round6(latlng.lng) };
    this.setPin(p);
    this.#onMove(p);
  }
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
