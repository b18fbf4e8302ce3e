import { createHash } from "node:crypto";
import { z } from "zod";
import { type Cost, type OrganizationDraft, type ServiceDraft, serviceDraftSchema } from "../../catalog/draft.js";
import { parseJapaneseAddress } from "../../domain/address.js";
import { parseAgeText } from "../../domain/age-text.js";
import { parseJapaneseDate } from "../../domain/japanese-date.js";
import { normalizeMunicipalityCode } from "../../domain/municipality-code.js";
import { parseScheduleCells } from "../../domain/schedule-text.js";
import type { KindCode } from "../../domain/taxonomy.js";
import { type Municipality, addressCity } from "../../geo/municipalities.js";
import type { Cells, Layout } from "./columns.js";
import { shokudoCost, facilityCost } from "./cost.js";
import { type KindMap, findKindRule } from "./kind-map.js";
import { findMunicipality, findMunicipalityByName, placeRow } from "./place.js";

/**
 * One row of an open-data file → the organization and service drafts Tsunagu stores, or the
 * reason it cannot be imported. Pure: the same cells always give the same drafts, which is what
 * makes re-imports idempotent (the drafts are hashed and compared with the last import's).
 */
export interface RowContext {
  layout: Layout;
  /** `--municipality`: the publisher when a row has no 全国地方公共団体コード. */
  defaultMunicipality?: string;
  /** `--kind`: every row is this kind (files without 種別, or to override it). */
  kind?: KindCode;
  kindMap: KindMap;
  /** Names the list within its publisher, so two lists of one town never overwrite each other. */
  dataset: string;
}

export interface MappedRow {
  line: number;
  /** `opendata:<publisher code>:<dataset>` and the row's ID there. */
  source: string;
  sourceId: string;
  organization: { source: string; sourceId: string; draft: OrganizationDraft };
  service: ServiceDraft;
  warnings: string[];
  /** Set when the row was placed approximately: why staff should pin it. */
  pin?: string;
}

export type RowResult = { ok: true; row: MappedRow } | { ok: false; line: number; name?: string; reason: string };

const reject = (line: number, name: string | undefined, reason: string): RowResult => ({ ok: false, line, name: name || undefined, reason });
const nfkc = (s: string) => s.normalize("NFKC").trim();

export function mapRow(cells: Cells, line: number, ctx: RowContext): RowResult {
  const name = cells.name.replace(/[\s\u3000]+/g, " ");
  if (!name) return reject(line, undefined, "名称 is empty");
  const warnings: string[] = [];

  const publisher = cells.publisherCode ? normalizeMunicipalityCode(cells.publisherCode) : ctx.defaultMunicipality;
  if (!publisher) {
    return reject(line, name, cells.publisherCode
      ? `全国地方公共団体コード 「${cells.publisherCode}」 is not a valid code`
      : "no 全国地方公共団体コード: give the publisher with --municipality CODE");
  }

  const located = locate(cells, publisher);
  if ("reject" in located) return reject(line, name, located.reject);
  const { address, municipality } = located;
  const place = placeRow(cells.lat, cells.lng, municipality);
  if ("reject" in place) return reject(line, name, place.reject);
  warnings.push(...place.warnings);

  const rule = ctx.kind ? undefined : findKindRule(ctx.kindMap, cells.type);
  const kind = ctx.kind ?? rule?.kind ?? (ctx.layout === "kodomo-shokudo" ? "kodomo-shokudo" : undefined);
  if (!kind) {
    return reject(line, name, cells.type
      ? `種別 「${cells.type}」 is not in the kind mapping: add a rule with --kind-map FILE, or give --kind`
      : "種別 is empty: give the kind with --kind");
  }

  const ageText = cells.ages || cells.eligibility;
  let ages = parseAgeText(ageText);
  if (ages?.minMonths !== undefined && ages.maxMonths !== undefined && ages.minMonths > ages.maxMonths) {
    warnings.push(`受入年齢 「${ageText}」 gives no sensible range; kept as text only`);
    ages = undefined;
  }
  const schedule = parseScheduleCells({ days: cells.days, opens: cells.opens, closes: cells.closes, dates: cells.dates, note: cells.hoursNote });
  warnings.push(...schedule.problems);
  const cost: Cost = ctx.layout === "kodomo-shokudo" ? shokudoCost(cells) : facilityCost(cells, rule?.cost);
  const status = closedStatus(cells.notes);
  if (status) warnings.push(`備考 「${cells.notes}」: imported as ${status}`);

  const service: ServiceDraft = {
    name,
    nameKana: kanaReading(cells.nameKana),
    kind,
    otherKinds: otherKinds(cells, ctx.kindMap, kind),
    description: describe(cells),
    status,
    url: checked(cells.url, url, "URL", warnings),
    email: checked(cells.email, email, "メールアドレス", warnings),
    phone: checked(cells.phone, phone, "電話番号", warnings),
    location: {
      address,
      lat: place.lat,
      lng: place.lng,
      municipalityCode: municipality?.code,
      transportation: cells.access.slice(0, 500) || undefined,
      coordSource: place.coordSource,
    },
    ageMinMonths: ages?.minMonths,
    ageMaxMonths: ages?.maxMonths,
    capacity: wholeNumber(cells.capacity),
    cost,
    schedule: schedule.slots.length ? schedule.slots : undefined,
    applicationProcess: joinText([cells.reservation, cells.reservationNote], 2000),
    eligibilityDescription: ageText.slice(0, 2000) || undefined,
  };
  const parsed = serviceDraftSchema.safeParse(service);
  if (!parsed.success) return reject(line, name, parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));

  const source = `opendata:${publisher}:${ctx.dataset}`;
  return {
    ok: true,
    row: {
      line,
      source,
      sourceId: nfkc(cells.id) || `name:${shortHash(`${nfkc(name)}|${nfkc(cells.address)}`)}`,
      organization: operator(cells, name, publisher, municipality, warnings),
      service: parsed.data,
      warnings,
      pin: place.pin,
    },
  };
}

/** The address parts (prefecture and city from the municipality when the text omits them) and the municipality. */
function locate(cells: Cells, publisher: string): { address: ServiceDraft["location"]["address"]; municipality?: Municipality } | { reject: string } {
  const locationCode = cells.locationCode ? normalizeMunicipalityCode(cells.locationCode) : undefined;
  const named = cells.prefecture && cells.city ? findMunicipalityByName(nfkc(cells.prefecture), nfkc(cells.city)) : undefined;
  const known = (locationCode && findMunicipality(locationCode)) || named || findMunicipality(publisher);
  const text =
    cells.address ||
    [cells.addressPrefecture, cells.addressCity, cells.addressTown, cells.addressNumber].filter(Boolean).join("");
  if (!text) return { reject: "no address (所在地_連結表記 / 住所)" };
  const parts = parseJapaneseAddress(text, known ? { prefecture: known.prefecture.name, city: addressCity(known) } : undefined);
  const municipality = (parts && findMunicipalityByName(parts.prefecture, parts.city)) || known;
  const building = cells.building.replace(/[\s\u3000]+/g, " ") || parts?.line2;
  const postalCode = postal(cells.postalCode) ?? parts?.postalCode;
  if (!parts || !parts.line1) return { address: [text, building].filter(Boolean).join(" ").slice(0, 300), municipality };
  return {
    address: {
      postalCode: postalCode,
      prefecture: parts.prefecture,
      city: parts.city,
      line1: parts.line1.slice(0, 200),
      line2: building?.slice(0, 200),
    },
    municipality,
  };
}

const LEGAL_FORM =
  /(株式会社|有限会社|合同会社|合資会社|社会福祉法人|学校法人|宗教法人|医療法人|特定非営利活動法人|NPO法人|一般社団法人|公益社団法人|一般財団法人|公益財団法人|社会福祉協議会)/;

/** 団体名 / 運営団体名 (or, when empty, the place itself), keyed by 法人番号 or by its normalised name. */
function operator(cells: Cells, serviceName: string, publisher: string, municipality: Municipality | undefined, warnings: string[]): MappedRow["organization"] {
  const name = (cells.operator || serviceName).replace(/[\s\u3000]+/g, " ").slice(0, 200);
  const corporateNumber = checked(cells.corporateNumber, (s) => (/^\d{13}$/.test(nfkc(s)) ? nfkc(s) : undefined), "法人番号", warnings);
  const isMunicipality = municipality && (name === municipality.name || name === `${municipality.prefecture.name}${municipality.name}`);
  const legalStatus = isMunicipality ? "地方公共団体" : LEGAL_FORM.exec(name.normalize("NFKC"))?.[1];
  return {
    source: `opendata:${publisher}`,
    sourceId: corporateNumber ? `jcn:${corporateNumber}` : `name:${name.normalize("NFKC").replace(/\s+/g, "")}`,
    draft: {
      name,
      legalStatus: legalStatus,
      corporateNumber: corporateNumber,
      municipalityCodes: [municipality?.code ?? publisher],
    },
  };
}

/** More kinds the row shows: 一時預かり or 病児保育 offered, or a こども食堂's 学習支援 / 居場所づくり. */
function otherKinds(cells: Cells, map: KindMap, primary: KindCode): KindCode[] | undefined {
  const kinds = new Set<KindCode>();
  if (yes(cells.temporaryCare) || yes(cells.sickChildCare)) kinds.add("temporary-care");
  for (const token of `${cells.support};${cells.purpose}`.split(/[;；、,]/)) {
    const rule = findKindRule(map, token);
    if (rule) kinds.add(rule.kind as KindCode);
  }
  kinds.delete(primary);
  return kinds.size ? [...kinds] : undefined;
}

/** The free text families read: 種別, purpose, opening notes, fees notes, 備考, 認可等年月日. */
function describe(cells: Cells): string {
  const approved = cells.approvedOn ? parseJapaneseDate(cells.approvedOn) ?? cells.approvedOn : "";
  const extras = [yes(cells.pantry) && "フードパントリーあり", yes(cells.takeout) && "テイクアウトあり"].filter(Boolean).join("・");
  return (
    joinText(
      [
        cells.type,
        cells.purpose,
        cells.support && `主な支援: ${cells.support.split(/[;；]/).map((s) => s.trim()).filter(Boolean).join("・")}`,
        cells.dates && `開催日: ${cells.dates}`,
        cells.hoursNote,
        extras,
        cells.childcareFeeNote,
        cells.notes,
        approved && `認可等年月日: ${approved}`,
      ],
      4000,
    ) ?? ""
  );
}

function closedStatus(notes: string): ServiceDraft["status"] | undefined {
  if (/廃止|閉所|閉園|閉館/.test(notes)) return "defunct";
  if (/休所|休園|休館|休止/.test(notes)) return "temporarily closed";
  return undefined;
}

/** 有, ○, 1, あり → true. */
export function yes(cell: string): boolean {
  return /^(有|有り|あり|○|〇|◯|1|はい|yes|true)$/i.test(nfkc(cell));
}

/** The reading with what a kana reading cannot hold (〜, ！, …) taken out. */
function kanaReading(cell: string): string | undefined {
  const kana = cell
    .normalize("NFKC")
    .replace(/[^\p{Script=Katakana}\p{Script=Hiragana}ー・\s\dA-Za-z()-]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return kana.slice(0, 200) || undefined;
}

function wholeNumber(cell: string): number | undefined {
  const t = nfkc(cell).replace(/[,人名]/g, "");
  return /^\d{1,6}$/.test(t) ? Number(t) : undefined;
}

function postal(cell: string): string | undefined {
  const m = /^〒?\s*(\d{3})-?(\d{4})$/.exec(nfkc(cell));
  return m ? `${m[1]}-${m[2]}` : undefined;
}

const emailSchema = z.string().email().max(200);
const email = (s: string) => (emailSchema.safeParse(nfkc(s)).success ? nfkc(s) : undefined);
const phone = (s: string) => (/^[0-9()\-+ ]{6,20}$/.test(nfkc(s).replace(/[‐－―ー]/g, "-")) ? nfkc(s).replace(/[‐－―ー]/g, "-") : undefined);

/** An http(s) URL as the WHATWG parser writes it (non-ASCII percent-encoded, so it is also a valid URI). */
function url(s: string): string | undefined {
  const text = nfkc(s);
  try {
    const u = new URL(/^https?:\/\//i.test(text) ? text : /^[\w-]+(\.[\w-]+)+(\/|$)/.test(text) ? `http://${text}` : text);
    return (u.protocol === "http:" || u.protocol === "https:") && u.href.length <= 500 ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** A cell through its parser; when the cell has text the parser rejects, it is dropped with a warning. */
function checked(cell: string, parse: (s: string) => string | undefined, label: string, warnings: string[]): string | undefined {
  if (!cell) return undefined;
  const value = parse(cell);
  if (value === undefined) warnings.push(`${label} 「${cell}」 is not valid; left out`);
  return value;
}

function joinText(parts: (string | false | undefined)[], max: number): string | undefined {
  const text = parts.filter((p): p is string => Boolean(p && p.trim())).map((p) => p.trim()).join("\n");
  if (!text) return undefined;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function shortHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}
