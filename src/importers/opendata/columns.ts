/**
 * Column names of the open-data layouts Tsunagu reads, and the variants real files use.
 * Columns are matched by name (NFKC, no spaces, case-insensitive), never by position: files
 * drop, add and reorder columns, and the むすびえ legacy variant swaps its first two.
 *
 * - 子育て施設一覧, 自治体標準オープンデータセット (v2, 53 columns) and 推奨データセット v1 (28 columns)
 * - むすびえ「こども食堂のデータフォーマット」 (49 columns, both first-column variants)
 *
 * Sources: shared/research/opendata.md §1–2 and shared/data/opendata/SOURCES.md.
 */
export const COLUMN_ALIASES = {
  publisherCode: ["全国地方公共団体コード", "都道府県コード又は市区町村コード", "都道府県コードまたは市区町村コード", "自治体コード", "地方公共団体コード", "市区町村コード"],
  id: ["ID", "NO", "No.", "番号"],
  publisherName: ["地方公共団体名"],
  prefecture: ["都道府県名", "都道府県"],
  city: ["市区町村名", "市区町村"],
  name: ["名称", "施設名", "施設名称", "名前"],
  nameKana: ["名称_カナ", "名称カナ", "名称(カナ)", "フリガナ", "ふりがな", "カナ"],
  type: ["種別", "施設種別", "施設の種類", "種類"],
  locationCode: ["所在地_全国地方公共団体コード"],
  address: ["所在地_連結表記", "所在地_連結標記", "所在地_連結", "住所", "所在地"],
  addressPrefecture: ["所在地_都道府県"],
  addressCity: ["所在地_市区町村"],
  addressTown: ["所在地_町字"],
  addressNumber: ["所在地_番地以下"],
  building: ["建物名等(方書)", "建物名等_方書", "建物名等", "方書", "建物名"],
  lat: ["緯度"],
  lng: ["経度"],
  access: ["アクセス方法", "アクセス"],
  phone: ["電話番号", "電話番号1"],
  email: ["連絡先メールアドレス", "メールアドレス", "メールアドレス1"],
  postalCode: ["郵便番号"],
  corporateNumber: ["法人番号"],
  operator: ["団体名", "運営団体名", "運営主体", "設置者", "法人の名称"],
  approvedOn: ["認可等年月日", "許可等年月日"],
  capacity: ["収容定員", "定員"],
  ages: ["受入年齢", "対象年齢"],
  eligibility: ["参加条件", "対象者"],
  days: ["利用可能曜日", "開催曜日"],
  opens: ["開始時間", "開催開始時間"],
  closes: ["終了時間", "開催終了時間"],
  dates: ["開催日"],
  hoursNote: ["利用可能日時特記事項", "利用可能日時特記", "開催日時特記事項"],
  temporaryCare: ["一時預かりの有無"],
  sickChildCare: ["病児保育の有無"],
  childcareFee: ["子供預かり料金", "子ども預かり料金"],
  childcareFeeNote: ["子供預かり料金備考", "子ども預かり料金備考"],
  purpose: ["設置目的"],
  support: ["実施支援の主な区分"],
  feeInfant: ["参加費_幼児"],
  feeElementary: ["参加費_小学生"],
  feeJunior: ["参加費_中学生"],
  feeHigh: ["参加費_高校生"],
  feeAdult: ["参加費_大人"],
  feeNote: ["参加費特記事項"],
  reservation: ["予約方法"],
  reservationNote: ["予約特記事項"],
  pantry: ["フードパントリー実施"],
  takeout: ["テイクアウト実施"],
  url: ["URL", "ホームページ", "ウェブサイト"],
  notes: ["備考"],
} as const satisfies Record<string, readonly string[]>;

export type ColumnKey = keyof typeof COLUMN_ALIASES;
/** One row's cells by column key; a column the file lacks reads as "". */
export type Cells = Record<ColumnKey, string>;

export type Layout = "preschool" | "kodomo-shokudo";

export const LAYOUT_LABEL: Record<Layout, string> = {
  preschool: "子育て施設一覧 (自治体標準オープンデータセット / 推奨データセット)",
  "kodomo-shokudo": "こども食堂 (むすびえ データフォーマット)",
};

/** Header names compare after NFKC (full-width `＿`, `（）`, letters), without spaces, case-insensitively. */
export function normalizeHeader(name: string): string {
  return name.normalize("NFKC").replace(/[\s\u3000]+/g, "").toLowerCase();
}

const KEY_BY_ALIAS = new Map<string, ColumnKey>(
  (Object.entries(COLUMN_ALIASES) as [ColumnKey, readonly string[]][]).flatMap(([key, aliases]) =>
    aliases.map((alias) => [normalizeHeader(alias), key] as const),
  ),
);

export interface HeaderMap {
  /** Column key → index in the row (the first column of that name wins). */
  index: Partial<Record<ColumnKey, number>>;
  layout: Layout;
  /** Header names no alias knows (reported, then ignored). */
  unknown: string[];
}

export class UnknownLayoutError extends Error {
  override name = "UnknownLayoutError";
}

export function mapHeader(header: readonly string[]): HeaderMap {
  const index: Partial<Record<ColumnKey, number>> = {};
  const unknown: string[] = [];
  header.forEach((raw, i) => {
    const key = KEY_BY_ALIAS.get(normalizeHeader(raw));
    if (key === undefined) {
      if (raw.trim()) unknown.push(raw.trim());
    } else if (index[key] === undefined) {
      index[key] = i;
    }
  });
  if (index.name === undefined) {
    throw new UnknownLayoutError(
      "the header has no 名称 column, so this is not a 子育て施設一覧 or こども食堂 list Tsunagu can read " +
        `(first columns: ${header.slice(0, 5).map((h) => h.trim()).join(", ")})`,
    );
  }
  // The むすびえ format has no 種別 and carries meal-session columns the facility lists lack.
  const shokudo = ["feeInfant", "feeElementary", "feeAdult", "pantry", "takeout", "dates"].some((k) => index[k as ColumnKey] !== undefined);
  return { index, layout: shokudo && index.type === undefined ? "kodomo-shokudo" : "preschool", unknown };
}

/** A row's cells by key: trimmed (U+3000 too), "" where the file has no such column. */
export function rowCells(map: HeaderMap, row: readonly string[]): Cells {
  const cells = {} as Cells;
  for (const key of Object.keys(COLUMN_ALIASES) as ColumnKey[]) {
    const i = map.index[key];
    cells[key] = i === undefined ? "" : (row[i] ?? "").replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
  }
  return cells;
}
