/** Great-circle geometry on the WGS84 mean radius: accurate to well under 1% at city scale. */
const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

export interface LatLng {
  lat: number;
  lng: number;
}

/** Haversine distance in metres. */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface GridCell {
  id: string;
  /** The cell's centre, never a family's location. */
  lat: number;
  lng: number;
  sizeMeters: number;
}

/** Degrees of latitude and longitude a grid cell spans. */
function cellSpan(sizeMeters: number): { dLat: number; dLng: number } {
  // Columns are as wide as rows at Japan's central latitude, so cells stay square-ish anywhere in Japan.
  return { dLat: sizeMeters / 111_320, dLng: sizeMeters / (111_320 * Math.cos((36 * Math.PI) / 180)) };
}

/** A square grid in metres: the cell that holds a point, identified by its integer indices. */
export function gridCell(lat: number, lng: number, sizeMeters: number): GridCell {
  const { dLat, dLng } = cellSpan(sizeMeters);
  const row = Math.floor(lat / dLat);
  const col = Math.floor(lng / dLng);
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  return { id: `${sizeMeters}m:${row}:${col}`, lat: round((row + 0.5) * dLat), lng: round((col + 0.5) * dLng), sizeMeters };
}

/**
 * The south-west and north-east corners of a grid cell (the inverse of `gridCell`), for drawing it
 * on a map: from the row and column in its id, since its centre is rounded.
 */
export function gridCellBounds(cell: GridCell): [[number, number], [number, number]] {
  const { dLat, dLng } = cellSpan(cell.sizeMeters);
  const [, row, col] = cell.id.split(":").map(Number) as [number, number, number];
  return [
    [row * dLat, col * dLng],
    [(row + 1) * dLat, (col + 1) * dLng],
  ];
}
