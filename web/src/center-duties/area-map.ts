import { gridCellBounds } from "../../../src/domain/geo.js";
import type { GridCell } from "../../../src/domain/geo.js";
import { createBaseMap } from "../map/base-map.js";
import { L } from "../map/leaflet-setup.js";

/**
 * The staff's area maps on the offline basemap: grid cells shaded by a count (unmet needs, or
 * "no consultation point here"), withheld cells hatched grey, and consultation points with the
 * circle they cover. Pointer-only, like the family map: the table beside it is the accessible path.
 */
export type AreaTone = "withheld" | "zero" | "some" | "many";

export interface AreaShape {
  cell: GridCell;
  tone: AreaTone;
  /** Tooltip text. */
  label: string;
}

export interface PointShape {
  lat: number;
  lng: number;
  radiusMeters?: number;
  label: string;
  /** A number shown in the marker (the sheet's numbered services). */
  badge?: string;
}

const TONE_STYLE: Record<AreaTone, L.PathOptions> = {
  withheld: { color: "#6b7280", weight: 1, dashArray: "3 3", fillColor: "#9ca3af", fillOpacity: 0.25 },
  zero: { color: "#15803d", weight: 1, fillColor: "#86efac", fillOpacity: 0.3 },
  some: { color: "#c2410c", weight: 1, fillColor: "#fb923c", fillOpacity: 0.45 },
  many: { color: "#991b1b", weight: 2, fillColor: "#dc2626", fillOpacity: 0.55 },
};

export class AreaMap {
  readonly map: L.Map;
  #areas = L.featureGroup();
  #points = L.featureGroup();
  /** Cells and circles as SVG (the basemap draws on canvas): crisp in print, and each one an element. */
  #svg = L.svg();

  constructor(el: HTMLElement, label: string) {
    this.map = createBaseMap(el, { label });
    this.#areas.addTo(this.map);
    this.#points.addTo(this.map);
  }

  setAreas(areas: readonly AreaShape[]): void {
    this.#areas.clearLayers();
    for (const a of areas) {
      L.rectangle(gridCellBounds(a.cell), { ...TONE_STYLE[a.tone], renderer: this.#svg }).bindTooltip(a.label).addTo(this.#areas);
    }
    this.#fit();
  }

  setPoints(points: readonly PointShape[], opts: { zoom?: number } = {}): void {
    this.#points.clearLayers();
    for (const p of points) {
      if (p.radiusMeters) L.circle([p.lat, p.lng], { radius: p.radiusMeters, color: "#1d4ed8", weight: 1, fillOpacity: 0.08, interactive: false, renderer: this.#svg }).addTo(this.#points);
      const marker = p.badge
        ? L.marker([p.lat, p.lng], { icon: L.divIcon({ className: "map-badge", html: p.badge, iconSize: [26, 26] }), title: p.label, alt: p.label, keyboard: false })
        : L.circleMarker([p.lat, p.lng], { radius: 6, color: "#fff", weight: 2, fillColor: "#1d4ed8", fillOpacity: 1, renderer: this.#svg });
      marker.bindTooltip(p.label).addTo(this.#points);
    }
    this.#fit(opts.zoom);
  }

  destroy(): void {
    this.map.remove();
  }

  #fit(maxZoom = 14) {
    const bounds = L.featureGroup([this.#areas, this.#points]).getBounds();
    if (bounds.isValid()) this.map.fitBounds(bounds.pad(0.1), { maxZoom, animate: false });
  }
}
