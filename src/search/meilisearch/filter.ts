import type { GeoArea, SearchQuery } from "../port.js";

/**
 * Meilisearch filter expressions generated from the typed query — the only place Tsunagu writes
 * that syntax. Every string value is double-quoted with `\` and `"` escaped, and every number is
 * checked to be finite, so nothing a user types can change the expression's structure. The
 * result is Meilisearch's array form: the outer list is AND.
 */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

export function number(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return Number.isInteger(value) ? String(value) : value.toFixed(7).replace(/0+$/, "").replace(/\.$/, "");
}

function list(values: readonly string[]): string {
  return `[${values.map(quote).join(", ")}]`;
}

export function geoFilter(area: GeoArea): string {
  if (area.kind === "radius") {
    return `_geoRadius(${number(area.center.lat)}, ${number(area.center.lng)}, ${number(Math.round(area.radiusMeters))})`;
  }
  // North-east corner first, then south-west.
  return `_geoBoundingBox([${number(area.maxLat)}, ${number(area.maxLng)}], [${number(area.minLat)}, ${number(area.minLng)}])`;
}

export function buildFilter(query: Pick<SearchQuery, "filter" | "within">): string[] {
  const f = query.filter ?? {};
  const out: string[] = [];
  if (f.kinds?.length) out.push(`kinds IN ${list(f.kinds)}`);
  if (f.organizationId !== undefined) out.push(`organizationId = ${quote(f.organizationId)}`);
  if (f.municipalityCode !== undefined) out.push(`municipalityCode = ${quote(f.municipalityCode)}`);
  if (f.ageMonths !== undefined) {
    const age = number(Math.trunc(f.ageMonths));
    out.push(`(ageMinMonths IS NULL OR ageMinMonths <= ${age})`, `(ageMaxMonths IS NULL OR ageMaxMonths >= ${age})`);
  }
  if (f.pregnancyWeeks !== undefined) {
    out.push("acceptsPrenatal = true", `(pregnancyMinWeeks IS NULL OR pregnancyMinWeeks <= ${number(Math.trunc(f.pregnancyWeeks))})`);
  }
  if (f.languages?.length) out.push(`languages IN ${list(f.languages)}`);
  if (f.freeOnly) out.push("costFree = true");
  if (f.openOn) out.push(`days = ${quote(f.openOn)}`);
  if (query.within) out.push(geoFilter(query.within));
  return out;
}

/** Deletes the documents of these services/organizations except those to keep. */
export function scopeFilter(serviceIds: readonly string[], organizationIds: readonly string[], keepIds: readonly string[]): string {
  const owners = [
    ...(serviceIds.length ? [`serviceId IN ${list(serviceIds)}`] : []),
    ...(organizationIds.length ? [`organizationId IN ${list(organizationIds)}`] : []),
  ].join(" OR ");
  return keepIds.length ? `(${owners}) AND id NOT IN ${list(keepIds)}` : `(${owners})`;
}
