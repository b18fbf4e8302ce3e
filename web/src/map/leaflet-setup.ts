import L from "leaflet";
import "leaflet/dist/leaflet.css";
// leaflet.markercluster extends the global `L` that Leaflet 1.x sets: import it after Leaflet.
import "leaflet.markercluster";
import "leaflet.markercluster/dist/MarkerCluster.css";
import iconRetinaUrl from "leaflet/dist/images/marker-icon-2x.png";
import iconUrl from "leaflet/dist/images/marker-icon.png";
import shadowUrl from "leaflet/dist/images/marker-shadow.png";

/**
 * Leaflet finds its default marker images by reading a CSS url at run time, which breaks once a
 * bundler renames the files. The images are imported (Vite emits them with hashed names) and
 * given to an explicit icon instead.
 */
export const defaultIcon = L.icon({
  iconUrl,
  iconRetinaUrl,
  shadowUrl,
  iconSize: [25, 41],
  iconAnchor: [12, 41],
  popupAnchor: [1, -34],
  tooltipAnchor: [16, -28],
  shadowSize: [41, 41],
});
L.Marker.prototype.options.icon = defaultIcon;

/** The selected service's marker: the same pin, tinted by CSS (class `is-selected`). */
export const selectedIcon = L.icon({ ...defaultIcon.options, className: "marker-selected" } as L.IconOptions);

export { L };
