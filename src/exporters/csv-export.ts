import { stringify } from "csv-stringify/sync";
import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import { type ServiceAggregate, loadServiceAggregates } from "../catalog/aggregate.js";
import { escapeLike } from "../db/sql.js";
import type { CoordSource, Database, VerificationStatus } from "../db/database.js";
import { WEEKDAYS, describeSlotJa, rruleDays, rruleWeeksOfMonth } from "../domain/schedule.js";
import { findKind } from "../domain/taxonomy.js";

/**
 * The catalog (or part of it) as a CSV for staff that opens correctly in Excel: UTF-8 with a
 * BOM (without it Excel reads Japanese as Shift_JIS and shows mojibake), CRLF line ends, every
 * cell quoted when it must be (csv-stringify), Japanese column names. One row per service and
 * location. Written a chunk at a time, so any size streams.
 */
export interface CatalogCsvFilter {
  /** Services located in, or whose organization serves, one of these municipalities. */
  municipalityCodes?: readonly string[];
  kinds?: readonly string[];
  /** Matches name, 名称カナ or description (substring). */
  q?: string;
  /** Verification states to include; all of them when absent. */
  statuses?: readonly VerificationStatus[];
  /**
   * What staff of this municipality's center may see (the tenancy policy): every record of an
   * organization serving it, and published services located in it.
   */
  visibleToMunicipality?: string;
}

const STATUS_JA: Record<VerificationStatus, string> = { published: "公開", pending: "審査中", rejected: "差し戻し" };
const COST_JA = { free: "無料", fee: "有料", sliding: "所得に応じて" } as const;
const COORD_JA: Record<CoordSource, string> = {
  source: "元データ",
  manual: "手動で設定",
  geocoded: "住所から推定（要確認）",
  municipality_centroid: "市区町村の代表点（要ピン留め）",
  postal_centroid: "郵便番号の代表点（要ピン留め）",
};

export const CATALOG_CSV_COLUMNS = [
  "ID", "名称", "名称カナ", "種別", "種別コード", "その他の種別", "団体名", "掲載状態", "運営状態",
  "郵便番号", "住所", "緯度", "経度", "位置の出所", "所在地コード", "電話番号", "メールアドレス", "URL",
  "対象年齢下限（月）", "対象年齢上限（月）", "対象者", "費用", "金額（円）", "費用の説明", "開所日時", "定員", "説明",
  "出典", "出典ID", "更新日時",
] as const;

const CHUNK = 500;

export function catalogCsvHeader(): string {
  return stringify([CATALOG_CSV_COLUMNS as unknown as string[]], { bom: true, record_delimiter: "windows" });
}

/** The service ids the filter selects, in name order. */
export async function catalogCsvServiceIds(db: Kysely<Database>, filter: CatalogCsvFilter): Promise<string[]> {
  let q = db.selectFrom("service as s").select("s.id").orderBy("s.name").orderBy("s.id");
  if (filter.statuses?.length) q = q.where("s.verification_status", "in", [...filter.statuses]);
  if (filter.kinds?.length) q = q.where("s.kind", "in", [...filter.kinds]);
  if (filter.q) {
    const like = `%${escapeLike(filter.q)}%`;
    q = q.where((eb) => eb.or([eb("s.name", "ilike", like), eb("s.name_kana", "ilike", like), eb("s.description", "ilike", like)]));
  }
  if (filter.municipalityCodes?.length) {
    const codes = [...filter.municipalityCodes];
    q = q.where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom("organization_municipality as om").select(sql`1`.as("one")).whereRef("om.organization_id", "=", "s.organization_id").where("om.municipality_code", "in", codes)),
        locatedIn(eb, codes),
      ]),
    );
  }
  if (filter.visibleToMunicipality) {
    const code = filter.visibleToMunicipality;
    q = q.where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom("organization_municipality as om").select(sql`1`.as("one")).whereRef("om.organization_id", "=", "s.organization_id").where("om.municipality_code", "=", code)),
        eb.and([eb("s.verification_status", "=", "published"), locatedIn(eb, [code])]),
      ]),
    );
  }
  return (await q.execute()).map((r) => r.id);
}

export type CsvWrite = (chunk: string) => void | Promise<void>;

/** The CSV of the services the filter selects: header, then rows a chunk at a time; returns the row count. */
export async function writeCatalogCsv(db: Kysely<Database>, filter: CatalogCsvFilter, write: CsvWrite): Promise<number> {
  return writeCatalogCsvOf(db, await catalogCsvServiceIds(db, filter), write);
}

/** The CSV of these services, in this order. */
export async function writeCatalogCsvOf(db: Kysely<Database>, ids: readonly string[], write: CsvWrite): Promise<number> {
  await write(catalogCsvHeader());
  let rows = 0;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const byId = new Map((await loadServiceAggregates(db, ids.slice(i, i + CHUNK))).map((a) => [a.service.id, a]));
    const records = ids.slice(i, i + CHUNK).flatMap((id) => (byId.has(id) ? csvRows(byId.get(id)!) : []));
    rows += records.length;
    await write(stringify(records, { record_delimiter: "windows" }));
  }
  return rows;
}

function locatedIn(eb: ExpressionBuilder<Database & { s: Database["service"] }, "s">, codes: string[]) {
  return eb.exists(
    eb
      .selectFrom("service_at_location as sal")
      .innerJoin("location as l", "l.id", "sal.location_id")
      .select(sql`1`.as("one"))
      .whereRef("sal.service_id", "=", "s.id")
      .where("l.municipality_code", "in", codes),
  );
}

/** A service's rows: one per location (one with empty place columns when it has none). */
export function csvRows(a: ServiceAggregate): string[][] {
  const s = a.service;
  const cost = a.costOptions[0];
  const common = {
    before: [s.id, s.name, s.name_kana ?? "", findKind(s.kind)?.ja ?? s.kind, s.kind, a.otherKinds.map((k) => findKind(k)?.ja ?? k).join("・"), a.organization.name, STATUS_JA[s.verification_status], s.status],
    after: [
      a.phones[0]?.number ?? "",
      s.email ?? "",
      s.url ?? "",
      s.age_min_months?.toString() ?? "",
      s.age_max_months?.toString() ?? "",
      s.eligibility_description ?? "",
      COST_JA[s.cost_kind],
      cost?.amount?.toString() ?? "",
      s.fees_description ?? cost?.amount_description ?? "",
      a.schedules
        .filter((x) => x.opens_at && x.closes_at)
        .map((x) => ({ days: rruleDays(x.byday), weeksOfMonth: rruleWeeksOfMonth(x.byday), opensAt: x.opens_at!, closesAt: x.closes_at! }))
        .sort((x, y) => WEEKDAYS.indexOf(x.days[0]!) - WEEKDAYS.indexOf(y.days[0]!))
        .map(describeSlotJa)
        .join("／"),
      s.capacity?.toString() ?? "",
      s.description,
      s.source ?? "",
      s.source_id ?? "",
      s.updated_at.toISOString(),
    ],
  };
  const sites = a.locations.length ? a.locations : [undefined];
  return sites.map((site) => {
    const address = site?.addresses[0];
    const l = site?.location;
    return [
      ...common.before,
      address?.postal_code ?? "",
      address ? `${address.state_province}${address.city}${address.address_1}${address.address_2 ? ` ${address.address_2}` : ""}` : "",
      l?.latitude?.toString() ?? "",
      l?.longitude?.toString() ?? "",
      l ? COORD_JA[l.coord_source] : "",
      l?.municipality_code ?? "",
      ...common.after,
    ];
  });
}
