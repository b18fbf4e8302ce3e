import type { SearchHit } from "../api/types.js";
import { createBaseMap } from "./base-map.js";
import { L, defaultIcon, selectedIcon } from "./leaflet-setup.js";

export interface FamilyMapEvents {
  /** A marker was activated (click, or Enter on a focused marker). */
  onSelect(hit: SearchHit): void;
  /** The person moved or zoomed the map (not the app fitting it to results). */
  onUserMove(bbox: [number, number, number, number]): void;
}

/**
 * The family map: search hits as clustered markers, the chosen point with its radius, and a
 * one-shot "pick a point" mode. Imperative Leaflet code stays here; the page only calls methods.
 */
export class FamilyMap {
  readonly map: L.Map;
  #cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50, spiderfyOnMaxZoom: true });
  #markers = new Map<string, L.Marker>();
  #point = L.layerGroup();
  #place = L.layerGroup();
  #selected: string | undefined;
  #fitting = false;
  /** Results that arrived while the map was hidden (the phone's list view): fitted once it shows. */
  #pendingFit: L.LatLngBounds | undefined;
  #events: FamilyMapEvents;

  constructor(el: HTMLElement, label: string, events: FamilyMapEvents) {
    this.#events = events;
    this.map = createBaseMap(el, { label });
    this.#cluster.addTo(this.map);
    this.#point.addTo(this.map);
    this.#place.addTo(this.map);
    this.map.on("moveend", () => {
      if (this.#fitting) {
        this.#fitting = false;
        return;
      }
      const b = this.map.getBounds();
      events.onUserMove([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
    });
  }

  setHits(hits: SearchHit[], opts: { fit: boolean }): void {
    this.#cluster.clearLayers();
    this.#markers.clear();
    const markers = hits.map((hit) => {
      const marker = L.marker([hit.lat, hit.lng], {
        title: hit.name,
        alt: hit.name,
        icon: hit.id === this.#selected ? selectedIcon : defaultIcon,
        riseOnHover: true,
      });
      marker.on("click", () => this.#events.onSelect(hit));
      this.#markers.set(hit.id, marker);
      return marker;
    });
    this.#cluster.addLayers(markers);
    if (opts.fit && hits.length) {
      this.#fitBounds(L.latLngBounds(hits.map((h) => [h.lat, h.lng] as L.LatLngTuple)));
    }
  }

  /** Highlights one hit's marker; with `reveal`, zooms into its cluster and centres it. */
  setSelected(id: string | undefined, opts: { reveal?: boolean } = {}): void {
    if (this.#selected) this.#markers.get(this.#selected)?.setIcon(defaultIcon).setZIndexOffset(0);
    this.#selected = id;
    const marker = id ? this.#markers.get(id) : undefined;
    if (!marker) return;
    marker.setIcon(selectedIcon).setZIndexOffset(1000);
    if (opts.reveal) this.#fitTo(() => this.#cluster.zoomToShowLayer(marker, () => this.map.panTo(marker.getLatLng(), { animate: false })));
  }

  /**
   * Shows one service's location (the detail view opened from a shared link, where it may not
   * be among the hits) and centres the map on it.
   */
  showPlace(place: { lat: number; lng: number; name: string } | undefined): void {
    this.#place.clearLayers();
    if (!place) return;
    L.marker([place.lat, place.lng], { icon: selectedIcon, title: place.name, alt: place.name, keyboard: false, zIndexOffset: 900 }).addTo(this.#place);
    this.#fitTo(() => this.map.setView([place.lat, place.lng], Math.max(this.map.getZoom(), 15), { animate: false }));
  }

  /** Shows the chosen point (and the search radius around it). */
  setPoint(point: { lat: number; lng: number } | undefined, radius: number | undefined, label: string): void {
    this.#point.clearLayers();
    if (!point) return;
    L.circleMarker([point.lat, point.lng], { radius: 8, color: "#fff", weight: 3, fillColor: "#c2410c", fillOpacity: 1 })
      .bindTooltip(label)
      .addTo(this.#point);
    if (radius) L.circle([point.lat, point.lng], { radius, color: "#c2410c", weight: 1, fill: false, dashArray: "4 4", interactive: false }).addTo(this.#point);
  }

  /** The next click on the map picks a point. Returns a function that cancels. */
  pickPoint(onPick: (p: { lat: number; lng: number }) => void): () => void {
    const container = this.map.getContainer();
    container.classList.add("is-picking");
    const handler = (e: L.LeafletMouseEvent) => {
      cancel();
      onPick({ lat: e.latlng.lat, lng: e.latlng.lng });
    };
    const cancel = () => {
      container.classList.remove("is-picking");
      this.map.off("click", handler);
    };
    this.map.on("click", handler);
    return cancel;
  }

  /** After the map's box changed size (the phone's list/map toggle). */
  invalidateSize(): void {
    this.#fitTo(() => this.map.invalidateSize({ animate: false }));
    if (this.#pendingFit) this.#fitBounds(this.#pendingFit);
  }

  destroy(): void {
    this.map.remove();
  }

  #fitBounds(bounds: L.LatLngBounds) {
    const el = this.map.getContainer();
    this.#pendingFit = el.clientWidth && el.clientHeight ? undefined : bounds;
    if (!this.#pendingFit) this.#fitTo(() => this.map.fitBounds(bounds.pad(0.1), { maxZoom: 15, animate: false }));
  }

  /** Moves the map without reporting it as the person's own move. */
  #fitTo(move: () => void) {
    const before = this.map.getBounds().toBBoxString();
    this.#fitting = true;
    move();
    // No moveend fires when nothing moved.
    if (this.map.getBounds().toBBoxString() === before) this.#fitting = false;
  }
}
