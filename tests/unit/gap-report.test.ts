import { describe, expect, it } from "vitest";
import { gridCell, gridCellBounds } from "../../src/domain/geo.js";
import { type NeedOutcome, SUPPRESS_BELOW, buildGapReport } from "../../src/gaps/gap-report.js";

const cellA = gridCell(35.81, 139.73, 1000);
const cellB = gridCell(35.85, 139.70, 1000);

function outcome(planId: string, kind: string, cell = cellA, matches = 0, over: Partial<NeedOutcome> = {}): NeedOutcome {
  return { planId, kind, cell, matches, matchesWithPlaces: matches, nearMisses: [{ serviceId: "far", name: "遠いショートステイ", distanceMeters: 12_000, criteria: ["distance"] }], ...over };
}

describe("gap report", () => {
  it("counts unmet needs per kind and per area, and suppresses cells under five plans", () => {
    const outcomes = [
      ...Array.from({ length: 6 }, (_, i) => outcome(`p${i}`, "short-stay", cellA, i < 4 ? 0 : 2)),
      ...Array.from({ length: 3 }, (_, i) => outcome(`q${i}`, "short-stay", cellB, 0)),
      ...Array.from({ length: 4 }, (_, i) => outcome(`r${i}`, "jidokan", cellA, 1)),
    ];
    const report = buildGapReport(outcomes, new Map([["short-stay", 2]]));
    expect(report.plans).toBe(13);
    const shortStay = report.byKind.find((k) => k.kind === "short-stay")!;
    expect(shortStay).toMatchObject({ suppressed: false, plans: 9, unmet: 7, declinedNoCapacity: 2 });
    expect(shortStay.nearestCandidates).toEqual([{ serviceId: "far", name: "遠いショートステイ", times: 7, medianDistanceMeters: 12_000, criteria: { distance: 7 } }]);
    expect(report.byKind.find((k) => k.kind === "jidokan")).toMatchObject({ suppressed: true, plans: null, unmet: null });

    const areaA = report.byArea.find((a) => a.cell.id === cellA.id && a.kind === "short-stay")!;
    expect(areaA).toMatchObject({ suppressed: false, plans: 6, unmet: 4 });
    const areaB = report.byArea.find((a) => a.cell.id === cellB.id)!;
    expect(areaB).toMatchObject({ suppressed: true, plans: null, unmet: null });
    expect(JSON.stringify(report)).not.toMatch(/"p\d"|"q\d"/);
  });

  it("counts capacity shortfalls where every eligible match is full", () => {
    const outcomes = Array.from({ length: SUPPRESS_BELOW }, (_, i) => outcome(`p${i}`, "daycare", cellA, 3, { matchesWithPlaces: i === 0 ? 1 : 0 }));
    expect(buildGapReport(outcomes, new Map()).byKind[0]).toMatchObject({ unmet: 0, capacityShortfall: SUPPRESS_BELOW - 1 });
  });

  it("puts nearby points in one cell and reports its centre, not the point", () => {
    const a = gridCell(35.8101, 139.7301, 1000);
    const b = gridCell(35.8102, 139.7302, 1000);
    expect(a.id).toBe(b.id);
    expect(a.lat).not.toBe(35.8101);
  });
});

describe("grid cell bounds", () => {
  it.each([
    [35.81, 139.73, 1000],
    [35.6581, 139.7017, 250],
    [43.06, 141.35, 5000],
  ])("the cell of (%f, %f) at %i m contains the point and maps back to itself", (lat, lng, size) => {
    const cell = gridCell(lat, lng, size);
    const [[s, w], [n, e]] = gridCellBounds(cell);
    expect(s).toBeLessThanOrEqual(lat);
    expect(n).toBeGreaterThan(lat);
    expect(w).toBeLessThanOrEqual(lng);
    expect(e).toBeGreaterThan(lng);
    expect((n - s) * 111_320).toBeCloseTo(size, 3);
    // A point just inside each corner belongs to the same cell.
    expect(gridCell(s + 1e-7, w + 1e-7, size).id).toBe(cell.id);
    expect(gridCell(n - 1e-7, e - 1e-7, size).id).toBe(cell.id);
  });
});
