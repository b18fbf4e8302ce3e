import type { GeoArea, LatLng } from "../port.js";

/**
 * Geography for the embedded engine. Points are also kept as unit vectors: the straight-line
 * (chord) distance between two unit vectors orders points exactly as the great-circle distance
 * does, so radius filters and distance sorts need no trigonometry per document.
 */

/** Mean Earth radius (IUGG), metres. */
export const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

export function unitVector(lat: number, lng: number): [number, number, number] {
  const phi = lat * RAD;
  const lambda = lng * RAD;
  const c = Math.cos(phi);
  return [c * Math.cos(lambda), c * Math.sin(lambda), Math.sin(phi)];
}

/** Squared chord length of a great-circle distance in metres. */
export function chord2ForMeters(meters: number): number {
  const c = 2 * Math.sin(Math.min(meters / EARTH_RADIUS_M, Math.PI) / 2);
  return c * c;
}

/** Great-circle distance in metres for a squared chord length. */
export function metersForChord2(chord2: number): number {
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(chord2) / 2));
}

/** Haversine distance, metres. */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const dPhi = (b.lat - a.lat) * RAD;
  const dLambda = (b.lng - a.lng) * RAD;
  const h = Math.sin(dPhi / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLambda / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The latitude/longitude box around an area (a radius' box is slightly larger than its circle). */
export function boundsOf(area: GeoArea): { minLat: number; maxLat: number; minLng: number; maxLng: number } {
  if (area.kind === "bbox") return { minLat: area.minLat, maxLat: area.maxLat, minLng: area.minLng, maxLng: area.maxLng };
  const dLat = (area.radiusMeters / EARTH_RADIUS_M) / RAD;
  const cos = Math.cos(Math.min(89, Math.abs(area.center.lat) + dLat) * RAD);
  const dLng = Math.min(180, dLat / Math.max(cos, 1e-6));
  return {
    minLat: area.center.lat - dLat,
    maxLat: area.center.lat + dLat,
    minLng: area.center.lng - dLng,
    maxLng: area.center.lng + dLng,
  };
}

/**
 * Grid cell size, degrees: about 2.2 km north–south. A 5 km radius then touches about 36
 * cells holding 1.8 times the documents in the circle (at 0.05°, 3 times); finer cells cost
 * more map entries than they save.
 */
export const CELL_DEGREES = 0.02;
const COLUMNS = Math.ceil(360 / CELL_DEGREES) + 1;

export function cellOf(lat: number, lng: number): number {
  const row = Math.floor((lat + 90) / CELL_DEGREES);
  const col = Math.floor((lng + 180) / CELL_DEGREES);
  return row * COLUMNS + col;
}

/**
 * The cells around a point ring by ring (ring 0: its own cell; ring r: the cells r steps away
 * in rows or columns), with how near ring r and everything beyond it can come to the point.
 */
export class CellRings {
  readonly #row: number;
  readonly #col: number;
  readonly #lat: number;
  readonly #lng: number;

  constructor(origin: LatLng) {
    this.#lat = origin.lat;
    this.#lng = origin.lng;
    this.#row = Math.floor((origin.lat + 90) / CELL_DEGREES);
    this.#col = Math.floor((origin.lng + 180) / CELL_DEGREES);
  }

  /** The cells of ring `r` (none past a pole or the antimeridian: see `fits`). */
  ring(r: number): number[] {
    const cells: number[] = [];
    const r0 = this.#row - r;
    const r1 = this.#row + r;
    for (let c = this.#col - r; c <= this.#col + r; c++) {
      cells.push(r0 * COLUMNS + c);
      if (r > 0) cells.push(r1 * COLUMNS + c);
    }
    for (let row = r0 + 1; row < r1; row++) {
      cells.push(row * COLUMNS + this.#col - r);
      cells.push(row * COLUMNS + this.#col + r);
    }
    return cells;
  }

  /** Whether rings up to `r` stay within the grid (no wrapping at the antimeridian or the poles). */
  fits(r: number): boolean {
    return this.#row - r >= 0 && (this.#row + r + 1) * CELL_DEGREES <= 180 && this.#col - r >= 0 && (this.#col + r + 1) * CELL_DEGREES <= 360;
  }

  /**
   * Metres within which ring `r` and the rings beyond it cannot come: the distance to the
   * nearest side of the block of rings 0 … r − 1 (along a meridian for the north and south
   * sides; to the meridian itself, over the sphere, for the east and west).
   */
  clearance(r: number): number {
    if (r === 0) return 0;
    const south = this.#lat - ((this.#row - r + 1) * CELL_DEGREES - 90);
    const north = (this.#row + r) * CELL_DEGREES - 90 - this.#lat;
    const west = this.#lng - ((this.#col - r + 1) * CELL_DEGREES - 180);
    const east = (this.#col + r) * CELL_DEGREES - 180 - this.#lng;
    const alongMeridian = Math.min(south, north) * RAD * EARTH_RADIUS_M;
    const toMeridian = Math.asin(Math.min(1, Math.cos(this.#lat * RAD) * Math.sin(Math.min(90, Math.min(west, east)) * RAD))) * EARTH_RADIUS_M;
    return Math.min(alongMeridian, toMeridian);
  }
}

/** The cells a box touches, or undefined when there are more than `limit` (scan instead). */
export function cellsOf(b: { minLat: number; maxLat: number; minLng: number; maxLng: number }, limit: number): number[] | undefined {
  const r0 = Math.floor((Math.max(-90, b.minLat) + 90) / CELL_DEGREES);
  const r1 = Math.floor((Math.min(90, b.maxLat) + 90) / CELL_DEGREES);
  const c0 = Math.floor((Math.max(-180, b.minLng) + 180) / CELL_DEGREES);
  const c1 = Math.floor((Math.min(180, b.maxLng) + 180) / CELL_DEGREES);
  if ((r1 - r0 + 1) * (c1 - c0 + 1) > limit) return undefined;
  const cells: number[] = [];
  for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) cells.push(r * COLUMNS + c);
  return cells;
}
