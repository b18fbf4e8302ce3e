import { type GridCell, type LatLng, distanceMeters, gridCell } from "../domain/geo.js";
import type { ConsultationPoint } from "./consultation-point.js";

/**
 * Pure geometry of designations: the nearest point to a family, and the parts of a municipality
 * that no point covers.
 */
export interface NearestPoint {
  point: ConsultationPoint;
  distanceMeters: number;
  /** The family is inside the point's coverage area. */
  covered: boolean;
}

export function nearestPoints(points: readonly ConsultationPoint[], from: LatLng, limit: number): NearestPoint[] {
  return points
    .map((point) => {
      const d = Math.round(distanceMeters(from, point));
      return { point, distanceMeters: d, covered: d <= point.coverageRadiusMeters };
    })
    .sort((a, b) => a.distanceMeters - b.distanceMeters || a.point.id.localeCompare(b.point.id))
    .slice(0, limit);
}

export interface UncoveredCell {
  cell: GridCell;
  /** How many of the municipality's listed places fall in the cell: where families actually go. */
  places: number;
  nearest: { id: string; name: string; distanceMeters: number } | null;
}

/**
 * Grid cells of the municipality's populated area (cells holding at least one listed place) whose
 * centre no consultation point covers, most places first.
 */
export function uncoveredCells(points: readonly ConsultationPoint[], places: readonly LatLng[], cellMeters: number): { cells: number; uncovered: UncoveredCell[] } {
  const counts = new Map<string, { cell: GridCell; places: number }>();
  for (const p of places) {
    const cell = gridCell(p.lat, p.lng, cellMeters);
    const entry = counts.get(cell.id) ?? { cell, places: 0 };
    entry.places++;
    counts.set(cell.id, entry);
  }
  const uncovered: UncoveredCell[] = [];
  for (const { cell, places: n } of counts.values()) {
    const [nearest] = nearestPoints(points, cell, 1);
    if (nearest?.covered) continue;
    uncovered.push({ cell, places: n, nearest: nearest ? { id: nearest.point.id, name: nearest.point.name, distanceMeters: nearest.distanceMeters } : null });
  }
  uncovered.sort((a, b) => b.places - a.places || a.cell.id.localeCompare(b.cell.id));
  return { cells: counts.size, uncovered };
}
