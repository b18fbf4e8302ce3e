import { stringify } from "csv-stringify/sync";
import { allMunicipalities } from "../src/geo/municipalities.js";

/**
 * A synthetic 子育て施設一覧 in the standard layout (the 53 columns of 川口市's file), generated at
 * bench time and never committed: rows spread over real municipalities, with the variety real
 * files have (全角 digits, 和暦 dates, free-text ages, missing coordinates, Saturday exceptions).
 * Deterministic: the same count gives the same bytes.
 */
export const STANDARD_HEADER = [
  "全国地方公共団体コード", "ID", "地方公共団体名", "名称", "名称_カナ", "名称_英字", "種別", "所在地_全国地方公共団体コード", "町字ID",
  "所在地_連結表記", "所在地_都道府県", "所在地_市区町村", "所在地_町字", "所在地_番地以下", "建物名等(方書)", "緯度", "経度", "高度の種別",
  "高度の値", "アクセス方法", "駐車場情報", "電話番号", "内線番号", "FAX番号", "連絡先メールアドレス", "連絡先FormURL",
  "連絡先備考（その他、SNSなど）", "郵便番号", "法人番号", "団体名", "認可等年月日", "収容定員", "受入年齢", "利用可能曜日", "開始時間",
  "終了時間", "利用可能日時特記事項", "一時預かりの有無", "子供預かり料金種別", "子供預かり料金", "子供預かり料金備考", "子供預かり開所時間",
  "子供預かり閉所時間", "病児保育の有無", "授乳室", "おむつ替えコーナー", "飲食可否", "ベビーカー貸出", "ベビーカー利用", "URL", "画像",
  "画像_ライセンス", "備考",
];

const TYPES = [
  ["認可私立保育所", "0歳から5歳", "月火水木金土", "7:00", "19:00"],
  ["認可公立保育所", "1歳から5歳", "月火水木金土", "7:30", "18:30"],
  ["放課後児童クラブ", "６歳～１２歳（小学校１年生～６年生）", "月火水木金土", "", ""],
  ["私立幼稚園", "3歳から5歳", "月火水木金", "8:00", "18:00"],
  ["認定こども園（幼保連携型）", "0歳から5歳", "月火水木金土", "7:00", "19:00"],
  ["小規模保育事業", "0歳から2歳", "月火水木金土", "７：３０", "１８：３０"],
  ["児童館", "18歳未満", "月火水木金土日", "9:00", "17:00"],
  ["子育て支援センター", "未就学児", "月～金", "9時", "15時"],
] as const;
const TOWNS = ["本町", "栄町", "中央", "緑町", "旭町", "幸町", "南町", "北町", "東町", "西町", "新町", "元町"];
const NAMES = ["ひかり", "すみれ", "さくら", "わかば", "こばと", "たんぽぽ", "ひまわり", "つばさ", "あおぞら", "どんぐり"];

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function standardLayoutCsv(rows: number, seed = 1): Buffer {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const places = allMunicipalities().filter((m) => m.type !== "designated-city" && m.type !== "ward").slice(0, 400);
  const records: string[][] = [STANDARD_HEADER];
  for (let i = 0; i < rows; i++) {
    const m = places[i % places.length]!;
    const [type, ages, days, opens, closes] = pick(TYPES);
    const town = pick(TOWNS);
    const number = `${1 + Math.floor(rand() * 9)}-${1 + Math.floor(rand() * 30)}-${1 + Math.floor(rand() * 40)}`;
    const address = `${m.prefecture.name}${m.district ?? ""}${m.name}${town}${number}`;
    const noPoint = rand() < 0.01;
    const row: string[] = Array.from({ length: STANDARD_HEADER.length }, () => "");
    const set = (column: string, value: string) => (row[STANDARD_HEADER.indexOf(column)] = value);
    set("全国地方公共団体コード", m.code);
    set("ID", `B${String(i).padStart(8, "0")}`);
    set("地方公共団体名", `${m.prefecture.name}${m.name}`);
    set("名称", `${m.name}${pick(NAMES)}${type.includes("保育") ? "保育園" : type.includes("幼稚園") ? "幼稚園" : type} ${i}`);
    set("名称_カナ", `${m.nameKana}${i % 2 ? "ヒカリ" : "スミレ"}`);
    set("種別", type);
    set("所在地_全国地方公共団体コード", m.code);
    set("所在地_連結表記", i % 7 === 0 ? address.normalize("NFKC").replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : address);
    set("所在地_都道府県", m.prefecture.name);
    set("緯度", noPoint ? "" : (m.lat + (rand() - 0.5) * 0.04).toFixed(6));
    set("経度", noPoint ? "" : (m.lng + (rand() - 0.5) * 0.04).toFixed(6));
    set("電話番号", `0${Math.floor(rand() * 90 + 10)}-${Math.floor(rand() * 900 + 100)}-${Math.floor(rand() * 9000 + 1000)}`);
    set("団体名", i % 3 === 0 ? m.name : `社会福祉法人 ${pick(NAMES)}会 ${i % 500}`);
    set("認可等年月日", i % 5 === 0 ? `平${1 + (i % 30)}. 4. 1` : `${1960 + (i % 60)}/4/1`);
    set("収容定員", String(20 + (i % 200)));
    set("受入年齢", ages);
    set("利用可能曜日", days);
    set("開始時間", opens);
    set("終了時間", closes);
    set("利用可能日時特記事項", opens && days.endsWith("土") ? "土曜日の開所時間は07：00から18：00休所日は日曜日及び祝日、12/29から1/3まで" : "");
    set("一時預かりの有無", rand() < 0.2 ? "有" : "無");
    records.push(row);
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(stringify(records, { record_delimiter: "windows" }), "utf8")]);
}
