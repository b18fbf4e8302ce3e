import { apiGet } from "../api/client.js";
import { BASEMAP_PATH, type Basemap, type BasemapPlace } from "./basemap-data.js";
import { L } from "./leaflet-setup.js";

/**
 * A Leaflet map on the offline basemap (Japan's coastline, prefecture and municipality labels),
 * with raster tiles on top only when the server is configured with a tile URL. Every map of the
 * app (family map, partner pin picker, staff match map) starts here.
 */
export interface WebConfig {
  map: { tileUrl?: string; tileAttribution: string };
}

let basemap: Promise<Basemap> | undefined;
let webConfig: Promise<WebConfig> | undefined;

const loadBasemap = () =>
  (basemap ??= fetch(BASEMAP_PATH).then((r) => {
    if (!r.ok) throw new Error(`basemap: HTTP ${r.status}`);
    return r.json() as Promise<Basemap>;
  }));
const loadWebConfig = () => (webConfig ??= apiGet<WebConfig>("/web-config").catch((): WebConfig => ({ map: { tileAttribution: "" } })));

/** Japan from Kyushu to Hokkaido. */
export const JAPAN_VIEW = { center: [36.2, 138.2] as L.LatLngTuple, zoom: 5 };

/** The zoom from which a place of each rank is labelled (0 prefecture … 3 town/village). */
const LABEL_ZOOM = [5, 9, 10, 11];
const PREFECTURE_MAX_ZOOM = 8;

export function createBaseMap(el: HTMLElement, opts: { label: string }): L.Map {
  const map = L.map(el, {
    center: JAPAN_VIEW.center,
    zoom: JAPAN_VIEW.zoom,
    minZoom: 4,
    maxZoom: 18,
    preferCanvas: true,
    zoomControl: true,
  });
  el.setAttribute("role", "region");
  el.setAttribute("aria-label", opts.label);
  map.attributionControl.setPrefix(false);

  void loadWebConfig().then((cfg) => {
    if (cfg.map.tileUrl) L.tileLayer(cfg.map.tileUrl, { attribution: cfg.map.tileAttribution, maxZoom: 18 }).addTo(map);
  });
  void loadBasemap()
    .then((data) => drawBasemap(map, data))
    .catch(() => undefined); // The markers still work on a plain background.
  return map;
}

function drawBasemap(map: L.Map, data: Basemap) {
  const land = L.geoJSON(data.land, {
    interactive: false,
    style: { color: "#8fa3b0", weight: 1, fillColor: "#f6f3ec", fillOpacity: 1 },
  });
  land.addTo(map);
  land.bringToBack();
  map.attributionControl.addAttribution(data.attribution);

  const labels = L.layerGroup().addTo(map);
  const draw = () => {
    labels.clearLayers();
    const zoom = map.getZoom();
    const bounds = map.getBounds().pad(0.2);
    const visible = (p: BasemapPlace) => zoom >= LABEL_ZOOM[p[3]]! && bounds.contains([p[1], p[2]]);
    const candidates = zoom <= PREFECTURE_MAX_ZOOM ? data.prefectures.filter(visible) : [];
    candidates.push(...data.places.filter(visible).sort((a, b) => a[3] - b[3]));
    for (const [name, lat, lng, rank] of placeLabels(map, candidates)) {
      L.marker([lat, lng], {
        icon: L.divIcon({ className: `place-label place-rank-${rank}`, html: escapeHtml(name), iconSize: undefined }),
        interactive: false,
        keyboard: false,
      }).addTo(labels);
    }
  };
  map.on("moveend zoomend", draw);
  draw();
}

/** Greedy placement: a label is drawn only where it does not overlap one already drawn (more important first). */
function placeLabels(map: L.Map, places: BasemapPlace[]): BasemapPlace[] {
  const placed: { x0: number; y0: number; x1: number; y1: number }[] = [];
  return places.filter(([name, lat, lng, rank]) => {
    const p = map.latLngToContainerPoint([lat, lng]);
    const half = (name.length * (rank <= 1 ? 14 : 12)) / 2 + 4;
    const box = { x0: p.x - half, x1: p.x + half, y0: p.y - 10, y1: p.y + 10 };
    if (placed.some((b) => box.x0 < b.x1 && box.x1 > b.x0 && box.y0 < b.y1 && box.y1 > b.y0)) return false;
    placed.push(box);
    return true;
  });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
