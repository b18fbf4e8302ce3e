import { WEEKDAYS } from "../../domain/schedule.js";
import type { GeoArea, LatLng, SearchQuery } from "../port.js";
import { type DocStore, KIND_INDEX } from "./doc-store.js";
import { boundsOf, chord2ForMeters, unitVector } from "./geo.js";
import type { RangeBits } from "./range-bits.js";

/**
 * A query's filters compiled against the document columns. `kindMask` and `bits` narrow
 * candidates with bitsets before anything else; `test` checks the rest per document.
 */
export interface CompiledFilter {
  /** Nothing can match (an unknown organization, municipality or language). */
  impossible: boolean;
  /** Kinds to keep (0: any). */
  kindMask: number;
  /** Bitsets every match is in (free, a weekday, a child's age, weeks of pregnancy). */
  bits: Uint32Array[];
  /** The geo area, when there is one (for the grid). */
  area?: GeoArea;
  /** The municipality's id in the store (-1: any). */
  municipality: number;
  /** Some condition needs `test` per document. */
  needsTest: boolean;
  test(slot: number): boolean;
}

export function compileFilter(store: DocStore, query: SearchQuery, ranges: RangeBits): CompiledFilter {
  const f = query.filter ?? {};
  let impossible = false;
  let kindMask = 0;
  if (f.kinds?.length) {
    for (const k of f.kinds) {
      const i = KIND_INDEX.get(k);
      if (i !== undefined) kindMask |= 1 << i;
    }
    if (kindMask === 0) impossible = true;
  }
  let org = -1;
  if (f.organizationId !== undefined) {
    org = store.organizations.find(f.organizationId) ?? -2;
    if (org === -2) impossible = true;
  }
  let muni = -1;
  if (f.municipalityCode !== undefined) {
    muni = store.municipalities.find(f.municipalityCode) ?? -2;
    if (muni === -2) impossible = true;
  }
  let langBits: [number, number][] | undefined;
  if (f.languages?.length) {
    langBits = f.languages.map((code) => store.languageBit(code)).filter((b): b is [number, number] => b !== undefined);
    if (langBits.length === 0) impossible = true;
  }
  const bits: Uint32Array[] = [];
  if (f.freeOnly === true) bits.push(store.freeBits[0]!.words);
  if (f.openOn) bits.push(store.dayBits[WEEKDAYS.indexOf(f.openOn)]!.words);
  if (f.ageMonths !== undefined) bits.push(ranges.age(store, f.ageMonths));
  if (f.pregnancyWeeks !== undefined) bits.push(ranges.pregnancy(store, f.pregnancyWeeks));
  const area = query.within;
  const b = area ? boundsOf(area) : undefined;
  const circle = area?.kind === "radius" ? { v: unitVector(area.center.lat, area.center.lng), max: chord2ForMeters(area.radiusMeters) } : undefined;

  const { org: orgs, muni: munis, langs, langStride, lat, lng, x, y, z } = store;
  return {
    impossible,
    kindMask,
    bits,
    area,
    municipality: muni,
    needsTest: org >= 0 || muni >= 0 || langBits !== undefined || b !== undefined,
    test(slot: number): boolean {
      if (org >= 0 && orgs[slot] !== org) return false;
      if (muni >= 0 && munis[slot] !== muni) return false;
      if (langBits) {
        let any = false;
        for (const [w, m] of langBits) if (langs[slot * langStride + w]! & m) any = true;
        if (!any) return false;
      }
      if (b) {
        const la = lat[slot]!;
        const ln = lng[slot]!;
        if (!(la >= b.minLat && la <= b.maxLat && ln >= b.minLng && ln <= b.maxLng)) return false;
        if (circle) {
          const dx = x[slot]! - circle.v[0];
          const dy = y[slot]! - circle.v[1];
          const dz = z[slot]! - circle.v[2];
          if (dx * dx + dy * dy + dz * dz > circle.max) return false;
        }
      }
      return true;
    },
  };
}

/** Where distances are measured from: the query's origin, or its radius' center. */
export function originOf(query: SearchQuery): LatLng | undefined {
  return query.origin ?? (query.within?.kind === "radius" ? query.within.center : undefined);
}
