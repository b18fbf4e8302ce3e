import data from "./municipalities.json" with { type: "json" };

/**
 * Every Japanese municipality with a representative point, for placing things on a map when
 * only a 全国地方公共団体コード is known (synthetic data, centroid fallbacks). Built by
 * scripts/build-municipalities.ts; sources and licences in ./README.md.
 */

/** `special-ward`: 東京23区; `ward`: 行政区 of a designated city, whose parent is the `designated-city`. */
export type MunicipalityType = "special-ward" | "designated-city" | "ward" | "city" | "town" | "village";

export interface Prefecture {
  /** JIS X 0401, 1–47. */
  code: number;
  name: string;
  nameKana: string;
}

export interface Municipality {
  /** 全国地方公共団体コード, 6 digits with the check digit. */
  code: string;
  prefecture: Prefecture;
  /** Official name without its 郡 (榛東村); a ward carries its city (さいたま市浦和区). */
  name: string;
  /** Full-width katakana. */
  nameKana: string;
  /** The 郡 a town or village belongs to, as written in addresses (北群馬郡). */
  district?: string;
  type: MunicipalityType;
  /** A ward's designated city. */
  parentCode?: string;
  /**
   * A representative point (OpenStreetMap's node for the place, usually near the city hall):
   * not a geometric centroid. Wards share their designated city's point.
   */
  lat: number;
  lng: number;
  /** One real postal code of the municipality (〒NNN-NNNN); absent for designated cities. */
  postalCode?: string;
}

/** The JSON's compact layout: one array per municipality, in the order of `columns`. */
export type MunicipalityRow = [
  code: string,
  prefecture: number,
  name: string,
  nameKana: string,
  lat: number,
  lng: number,
  postalCode: string,
  type: MunicipalityType,
  district: string,
  parentCode: string,
];

export interface MunicipalityFile {
  sources: string[];
  prefectures: [code: number, name: string, nameKana: string][];
  columns: string[];
  rows: MunicipalityRow[];
}

const file = data as MunicipalityFile;

const prefectures = new Map<number, Prefecture>(file.prefectures.map(([code, name, nameKana]) => [code, { code, name, nameKana }]));

const municipalities: readonly Municipality[] = file.rows.map(
  ([code, pref, name, nameKana, lat, lng, postalCode, type, district, parentCode]): Municipality => ({
    code,
    prefecture: prefectures.get(pref)!,
    name,
    nameKana,
    type,
    lat,
    lng,
    ...(district ? { district } : {}),
    ...(parentCode ? { parentCode } : {}),
    ...(postalCode ? { postalCode } : {}),
  }),
);

const byCode = new Map(municipalities.map((m) => [m.code, m]));

export function findMunicipality(code: string): Municipality | undefined {
  return byCode.get(code);
}

/** All of them, ordered by code. Designated cities come with their wards: skip one or the other when counting. */
export function allMunicipalities(): readonly Municipality[] {
  return municipalities;
}

/** The city part of an address: 「北群馬郡榛東村」, 「さいたま市浦和区」, 「川口市」. */
export function addressCity(m: Municipality): string {
  return `${m.district ?? ""}${m.name}`;
}
